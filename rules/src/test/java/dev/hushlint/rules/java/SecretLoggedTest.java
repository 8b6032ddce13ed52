package dev.hushlint.rules.java;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.RuleResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretLoggedTest {

    private final SecretLogged rule = new SecretLogged();

    private List<Finding> check(String body) {
        return JavaRuleRunner.check(rule, """
                import org.slf4j.Logger;
                import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
                import software.amazon.awssdk.services.ssm.SsmClient;
                class Sample {
                    private static final Logger log = null;
                    private final SecretsManagerClient sm = SecretsManagerClient.create();
                    private final SsmClient ssm = SsmClient.create();
                """ + body + "\n}\n");
    }

    private static List<Integer> lines(List<Finding> findings) {
        return JavaRuleRunner.lines(findings, SecretLogged.INFO.id());
    }

    @Test
    void secretsManagerValueThroughLocalsAndConcatenation() {
        List<Finding> f = check("""
                void m(String arn) {
                    String s = sm.getSecretValue(r -> r.secretId(arn)).secretString();
                    String msg = "secret: " + s;
                    log.info(msg);
                }""");
        assertThat(lines(f)).containsExactly(11);
        assertThat(f.get(0).message()).contains("Secrets Manager GetSecretValue").contains("log call info()");
        assertThat(f.get(0).secret()).isNull();
        assertThat(f.get(0).logicalPosition()).isEqualTo("Sample#m/info").doesNotContain("11");
    }

    @Test
    void derivedValuesAndMetadataAreNotTheSecret() {
        List<Finding> f = check("""
                void m(String arn) throws Exception {
                    var resp = sm.getSecretValue(r -> r.secretId(arn));
                    String s = resp.secretString();
                    log.info("len {}", s.length());
                    log.info("empty {}", s.isEmpty());
                    log.info("set {}", s != null);
                    log.info("hash {}", s.hashCode());
                    log.info("digest {}", java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes()));
                    log.info("arn {} name {} version {}", resp.arn(), resp.name(), resp.versionId());
                    log.info("response {}", resp);
                    log.info("masked {}****", s.substring(0, 2));
                }""");
        assertThat(f).isEmpty();
    }

    @Test
    void ssmOnlyWithDecryption() {
        List<Finding> f = check("""
                void m() {
                    String plain = ssm.getParameter(r -> r.name("/a/b").withDecryption(true)).parameter().value();
                    String cipher = ssm.getParameter(r -> r.name("/a/b")).parameter().value();
                    log.info("v {}", plain);
                    log.info("v {}", cipher);
                }""");
        assertThat(lines(f)).containsExactly(11);
    }

    @Test
    void formatBuilderAndLambdaFlows() {
        List<Finding> f = check("""
                void m(String dbPassword, java.util.List<String> names) {
                    log.debug(String.format("pw=%s", dbPassword));
                    StringBuilder sb = new StringBuilder();
                    sb.append("x").append(dbPassword);
                    log.debug(sb.toString());
                    names.forEach(n -> log.debug(n + dbPassword));
                    java.util.Optional.of(dbPassword).ifPresent(p -> System.err.println(p));
                }""");
        assertThat(lines(f)).containsExactly(9, 12, 13, 14);
    }

    @Test
    void builderLoggedBeforeTheSecretIsAppendedIsClean() {
        List<Finding> f = check("""
                void m(String token) {
                    StringBuilder sb = new StringBuilder("request ");
                    log.debug(sb.toString());
                    sb.append(token);
                }""");
        assertThat(f).isEmpty();
    }

    @Test
    void environmentAndPropertiesBySecretName() {
        List<Finding> f = check("""
                private static final String KEY_ENV = "STRIPE_API_KEY";
                void m() {
                    log.info("k {}", System.getenv(KEY_ENV));
                    log.info("p {}", System.getProperty("db.password"));
                    log.info("arn {}", System.getenv("DB_SECRET_ARN"));
                    log.info("region {}", System.getenv("AWS_REGION"));
                    log.info("k {}", System.getenv().get("GITHUB_TOKEN"));
                }""");
        assertThat(lines(f)).containsExactly(10, 11, 14);
        assertThat(f.get(0).message()).contains("environment variable STRIPE_API_KEY");
    }

    @Test
    void hardcodedLiteralInSecretNamedVariableCarriesTheValue() {
        List<Finding> f = check("""
                void m() {
                    String apiSecret = "q8Zt4vLr2NwX7pKc";
                    String passwordKey = "db.password";
                    String label = "Enter your password";
                    log.info("s {}", apiSecret);
                    log.info("k {}", passwordKey);
                    log.info(label);
                }""");
        assertThat(lines(f)).containsExactly(12);
        assertThat(f.get(0).secret()).isEqualTo("q8Zt4vLr2NwX7pKc");
        assertThat(f.get(0).message()).doesNotContain("q8Zt4vLr2NwX7pKc");
    }

    @Test
    void exceptionMessagesPrintsAndLambdaLogger() {
        List<Finding> f = check("""
                void m(String clientSecret, com.amazonaws.services.lambda.runtime.Context context) {
                    context.getLogger().log("cs " + clientSecret);
                    if (clientSecret.isBlank()) {
                        throw new IllegalArgumentException("client secret is blank");
                    }
                    RuntimeException e = new RuntimeException("bad secret " + clientSecret);
                    e.printStackTrace();
                    System.out.printf("%s%n", clientSecret);
                }""");
        assertThat(lines(f)).containsExactly(9, 13, 15);
    }

    @Test
    void parsedSecretDocumentKeysAreJudgedByName() {
        List<Finding> f = check("""
                void m(com.fasterxml.jackson.databind.ObjectMapper mapper) throws Exception {
                    String json = sm.getSecretValue(r -> r.secretId("db")).secretString();
                    java.util.Map<String, String> creds = mapper.readValue(json, java.util.Map.class);
                    log.info("user {}", creds.get("username"));
                    log.info("host {}", creds.get("host"));
                    log.info("pw {}", creds.get("password"));
                    log.info("all {}", creds);
                    log.info("keys {}", creds.keySet());
                }""");
        assertThat(lines(f)).containsExactly(13, 14);
    }

    @Test
    void typeAndFactoryNamesAreNotSecrets() {
        List<Finding> f = check("""
                private String credentialClass;
                void m(javax.crypto.SecretKey secretKey, String privateKeyAlgorithm) throws Exception {
                    log.info("class {}", credentialClass);
                    log.info("alg {}", privateKeyAlgorithm);
                    log.info("factory {}", javax.crypto.SecretKeyFactory.getInstance("AES"));
                    log.info("key object {}", secretKey);
                    int tokenCount = 3;
                    log.info("tokens {}", tokenCount);
                }""");
        assertThat(f).isEmpty();
    }

    @Test
    void bareTokenIsAParserTokenButQualifiedTokensAndAuthorizationHeadersAreSecrets() {
        List<Finding> f = check("""
                void m(String token, String nextToken, String bearerToken, java.util.Map<String, String> headers) {
                    log.info("token {}", token);
                    log.info("next {}", nextToken);
                    log.info("bearer {}", bearerToken);
                    String auth = headers.get("Authorization").substring(7);
                    log.info("auth {}", auth);
                    log.info("auth prefix {}", auth.substring(0, 6));
                    log.info("api key {}", headers.get("x-api-key"));
                    log.info("trace {}", headers.get("x-amzn-trace-id"));
                }""");
        assertThat(lines(f)).containsExactly(11, 13, 15);
    }

    @Test
    void otherMethodsOfASecretNamedObjectAreNotTheSecret() {
        List<Finding> f = check("""
                void m(Client client) {
                    var accessToken = client.fetchToken();
                    log.info("token expires {}", accessToken.getExpiry());
                    log.info("token scope {}", accessToken.scope());
                    log.info("token {}", accessToken.trim());
                }""");
        assertThat(lines(f)).containsExactly(12);
    }

    @Test
    void accessorsOfKeyObjectsAreNotSecretText() {
        List<Finding> f = check("""
                void m(java.security.KeyPair pair, Config config) {
                    log.info("key {}", pair.getPrivateKey());
                    log.info("creds {}", config.getCredentials());
                    log.info("password {}", config.getDbPassword());
                    log.info("api key {}", config.apiKey());
                }""");
        assertThat(lines(f)).containsExactly(11, 12);
    }

    @Test
    void prefilterSkipsFilesWithoutSecretsOrSinksWithoutParsing() {
        // a syntax error would be a parse-error notification if the file were parsed
        RuleResult clean = JavaRuleRunner.result(rule, "class A { void m( { log.info(\"hello\"); }");
        assertThat(clean).isEqualTo(RuleResult.NONE);
        assertThat(SecretLogged.mayLogSecret("class A { void m(String password) { store(password); } }")).isFalse();
        assertThat(SecretLogged.mayLogSecret("class A { void m(String password) { log.info(\"p \" + password); } }")).isTrue();
        assertThat(SecretLogged.mayLogSecret("class A { String s = System.getenv(\"DB_PASSWORD\"); }")).isTrue();
        assertThat(SecretLogged.mayLogSecret("// log the password\nclass A { }")).isFalse();
        // a flow through a local across statements is seen lexically too
        assertThat(SecretLogged.mayLogSecret("""
                class A { void m(String apiSecret) {
                    String msg = String.format("%s",
                            apiSecret);
                    LOG.fine(msg);
                } }""")).isTrue();
        // a SecretKey object prints nothing secret: its name alone does not make the file a candidate
        assertThat(SecretLogged.mayLogSecret("class A { void m(SecretKey masterSecret) { log.info(\"k \" + masterSecret); } }"))
                .isFalse();
    }

    @Test
    void longConcatenationsAreFollowedWithoutDeepRecursion() {
        StringBuilder concat = new StringBuilder("\"a\"");
        for (int i = 0; i < 3000; i++) {
            concat.append(" + \"b\"");
        }
        List<Finding> f = check("void m(String apiSecret) { String s = " + concat + " + apiSecret; log.info(s); }");
        assertThat(lines(f)).hasSize(1);
    }

    @Test
    void recordsAndLombokBeansPrintTheirSecretComponents() {
        List<Finding> f = check("""
                record Login(String user, String password) { }
                record Masked(String user, String password) { public String toString() { return user; } }
                @lombok.Data static class Account { private String name; private String apiKey; }
                @lombok.Data static class Safe { private String name; @lombok.ToString.Exclude private String apiKey; }
                void m(Login login, Masked masked, Account account, Safe safe) {
                    log.info("login {}", login);
                    log.info("masked {}", masked);
                    log.info("account {}", account);
                    log.info("safe {}", safe);
                }""");
        assertThat(lines(f)).containsExactly(13, 15);
    }

    @Test
    void unparsableCandidateIsANotification() {
        RuleResult r = JavaRuleRunner.result(rule, "class A { void m(String password) { log.info(\"p \" + password) }");
        assertThat(r.findings()).isEmpty();
        assertThat(r.notifications()).singleElement().satisfies(n -> assertThat(n.code()).isEqualTo("parse-error"));
    }
}
