// A hardcoded key fails the build; the log names file, line and rule; nothing shows the secret.
def props = new Properties()
new File(basedir, 'src/main/resources/application.properties').withInputStream { props.load(it) }
def secret = props.getProperty('aws.accessKeyId')
assert secret.length() == 20
def log = new File(basedir, 'build.log').getText('UTF-8')
// the rule that reports it may be the generic token detector or a more specific one: any rule id will do,
// as long as the SARIF names the same
def logged = (log =~ /\[ERROR\] src\/main\/resources\/application\.properties:3 \[([a-z0-9]+\/[a-z0-9-]+)\] /)
assert logged.find() : 'build.log names file, line and rule'
def ruleId = logged.group(1)
assert log.contains('BUILD FAILURE')
assert log.contains('hushlint: 1 finding at or above high')

def sarifFile = new File(basedir, 'target/hushlint.sarif')
assert sarifFile.isFile() : 'SARIF is written even when the build fails'
def text = sarifFile.getText('UTF-8')
def sarif = new groovy.json.JsonSlurper().parseText(text)
def results = sarif.runs[0].results
assert results.size() == 1
assert results[0].ruleId == ruleId
def loc = results[0].locations[0].physicalLocation
assert loc.artifactLocation.uri == 'src/main/resources/application.properties'
assert loc.artifactLocation.uriBaseId == '%SRCROOT%'
assert loc.region.startLine == 3
assert sarif.runs[0].automationDetails.id == 'hushlint-hardcoded-key/'

for (int i = 0; i + 8 <= secret.length(); i++) {
    def piece = secret.substring(i, i + 8)
    assert !log.contains(piece) : "build.log shows part of the secret"
    assert !text.contains(piece) : "the SARIF shows part of the secret"
}
return true
