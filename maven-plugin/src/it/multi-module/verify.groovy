// A reactor: per-module SARIF and categories, URIs relative to the top directory, nothing scanned twice,
// includeTests=false honoured, and the unchanged second build served from the cache.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')

def expected = [
    '.'          : [category: 'hushlint-multi-module/', uris: ['config/deploy.env']],
    'service-a'  : [category: 'hushlint-service-a/', uris: ['service-a/src/main/resources/application.properties']],
    'libs/lib-b' : [category: 'hushlint-lib-b/', uris: ['libs/lib-b/src/main/resources/lib.properties']],
]
def all = []
expected.each { dir, want ->
    def file = new File(basedir, dir + '/target/hushlint.sarif')
    assert file.isFile() : "no SARIF for module ${dir}"
    def run = new JsonSlurper().parse(file).runs[0]
    assert run.automationDetails.id == want.category
    def uris = run.results.collect { it.locations[0].physicalLocation.artifactLocation.uri }
    assert uris == want.uris : "module ${dir} reported ${uris}"
    all.addAll(uris)
    assert run.originalUriBaseIds['%SRCROOT%'].uri == basedir.toPath().toRealPath().toUri().toString()
}
assert all.size() == all.toSet().size() : 'a file was scanned by two modules'
assert !all.any { it.contains('test.properties') } : 'includeTests=false left test resources in'

assert log =~ /\[ERROR\] libs\/lib-b\/src\/main\/resources\/lib\.properties:3 \[[a-z0-9]+\/[a-z0-9-]+\] /
assert log =~ /\[ERROR\] service-a\/src\/main\/resources\/application\.properties:2 \[[a-z0-9]+\/[a-z0-9-]+\] /
def runs = log.split(/Scanning for projects/)
assert runs.size() == 3 : 'two builds'
assert !runs[1].contains('cached result')
assert runs[2].count('(unchanged since the last scan: cached result)') == 3 : 'the second build did not use the cache in every module'
assert runs[2].contains('Using the MultiThreadedBuilder') : 'the second build ran modules in parallel (-T 2)'
assert !log.contains('@threadSafe') : 'Maven warned that the goal is not thread-safe'
// no piece of any key in the log (the keys are read from the files, so this script holds none)
['config/deploy.env', 'service-a/src/main/resources/application.properties', 'libs/lib-b/src/main/resources/lib.properties'].each {
    def key = (new File(basedir, it).getText('UTF-8') =~ /AKIA[A-Z2-7]{16}/)[0]
    assert !log.contains(key.substring(4, 12))
}
return true
