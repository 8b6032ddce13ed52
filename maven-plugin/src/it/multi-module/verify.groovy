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

assert log.contains('[ERROR] libs/lib-b/src/main/resources/lib.properties:3 [secret/known-format]')
assert log.contains('[ERROR] service-a/src/main/resources/application.properties:2 [secret/known-format]')
assert log.contains('(unchanged since the last scan: cached result)') : 'the second build did not use the cache'
['AKIAJ3XQ7LMW2RZ5VTKE', 'AKIAP4NRW6ZK2QXT7YMB', 'AKIAW5TZQ2MK7RNX3VPA'].each { assert !log.contains(it.substring(4, 12)) }
return true
