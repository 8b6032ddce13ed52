// failOn=none: the finding is logged and reported, the build passes; formats=json adds hushlint.json.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('hushlint-maven-plugin') && log.contains(':check')
assert log =~ /\[ERROR\] src\/main\/resources\/github\.properties:2 \[[a-z0-9]+\/[a-z0-9-]+\] /
assert log.contains('BUILD SUCCESS')

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/hushlint.sarif'))
assert sarif.runs[0].results.size() == 1
assert sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine == 2
def json = new File(basedir, 'target/hushlint.json')
assert json.isFile() : 'formats=json writes hushlint.json beside the SARIF'
def props = new Properties()
new File(basedir, 'src/main/resources/github.properties').withInputStream { props.load(it) }
def secret = props.getProperty('github.token')
assert !json.getText('UTF-8').contains(secret.substring(4, 12))
assert !new File(basedir, 'build.log').getText('UTF-8').contains(secret.substring(4, 12))
return true
