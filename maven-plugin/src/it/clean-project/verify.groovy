// A project with no secret passes in the normal lifecycle and still writes its SARIF.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] hushlint: 0 findings')
assert log.contains('BUILD SUCCESS')

def sarifFile = new File(basedir, 'target/hushlint.sarif')
assert sarifFile.isFile() : 'the SARIF file is always written'
def sarif = new groovy.json.JsonSlurper().parse(sarifFile)
assert sarif.version == '2.1.0'
assert sarif.runs.size() == 1
assert sarif.runs[0].results == []
assert sarif.runs[0].automationDetails.id == 'hushlint-clean-project/'
assert new File(basedir, 'target/clean-project-1.0.jar').isFile() : 'the normal lifecycle ran'
return true
