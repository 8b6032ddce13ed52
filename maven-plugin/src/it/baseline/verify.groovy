// The accepted finding passes the gate, is counted, and stays out of the SARIF; nothing shows the secret.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
assert log.contains('accepted') : 'the log counts the accepted finding'
assert !(log =~ /\[ERROR\] src\/main\/resources\/application\.properties/) : 'an accepted finding is not reported'
def text = new File(basedir, 'target/hushlint.sarif').getText('UTF-8')
def sarif = new groovy.json.JsonSlurper().parseText(text)
assert sarif.runs[0].results.size() == 0 : 'accepted findings are left out of the SARIF'
def props = new Properties()
new File(basedir, 'src/main/resources/application.properties').withInputStream { props.load(it) }
def secret = props.getProperty('legacy.aws.accessKeyId')
assert secret.length() == 20
def baseline = new File(basedir, 'hushlint-baseline.json').getText('UTF-8')
for (int i = 0; i + 8 <= secret.length(); i++) {
    def piece = secret.substring(i, i + 8)
    assert !log.contains(piece) && !text.contains(piece) && !baseline.contains(piece)
}
return true
