// The SAM template is scanned with the module: the plaintext password fails the build at its line.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
assert log =~ /\[ERROR\] template\.yaml:14 \[iac\/lambda-env-plaintext-secret\] /
def text = new File(basedir, 'target/hushlint.sarif').getText('UTF-8')
def sarif = new groovy.json.JsonSlurper().parseText(text)
def results = sarif.runs[0].results
assert results.size() == 1
assert results[0].ruleId == 'iac/lambda-env-plaintext-secret'
assert results[0].locations[0].physicalLocation.artifactLocation.uri == 'template.yaml'
assert results[0].locations[0].physicalLocation.region.startLine == 14
def secret = (new File(basedir, 'template.yaml').getText('UTF-8') =~ /PAYMENTS_DB_PASSWORD: (\S+)/)[0][1]
assert secret.length() == 16
for (int i = 0; i + 8 <= secret.length(); i++) {
    def piece = secret.substring(i, i + 8)
    assert !log.contains(piece) && !text.contains(piece)
}
return true
