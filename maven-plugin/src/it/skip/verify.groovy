// skip: no scan, no report, the build passes although the project holds a key.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('hushlint: skipped (hushlint.skip=true)')
assert !log.contains('[secret/known-format]')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/hushlint.sarif').exists()
return true
