package dev.hushlint.rules.java;

import dev.hushlint.rules.java.CredentialSink.Kind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.hushlint.rules.java.CredentialSink.Kind.ACCESS_KEY_ID;
import static dev.hushlint.rules.java.CredentialSink.Kind.CONNECTION_STRING;
import static dev.hushlint.rules.java.CredentialSink.Kind.CRYPTO_KEY;
import static dev.hushlint.rules.java.CredentialSink.Kind.PASSWORD;
import static dev.hushlint.rules.java.CredentialSink.Kind.SECRET;
import static dev.hushlint.rules.java.CredentialSink.Kind.USER_COLON_PASSWORD;

/**
 * The catalogue of credential-taking API parameters (facts about public APIs: JDK, AWS SDK v1/v2, Azure SDK,
 * Apache HttpClient, OkHttp, Spring, JDBC pools, MongoDB, Redis, JavaMail, SSH/FTP, JWT libraries, Shiro …).
 * Matched by simple class name and the file's imports, without a classpath. Beyond this list, any one-argument
 * setter or builder method whose name is secret-named ({@code setPassword}, {@code clientSecret},
 * {@code withApiKey}) is treated as a sink too.
 */
public final class CredentialSinks {

    private static final List<CredentialSink> ALL = build();
    private static final Map<String, List<CredentialSink>> BY_METHOD = index(ALL);
    private static final Set<String> OWNERS = owners(ALL);

    private CredentialSinks() {
    }

    public static List<CredentialSink> all() {
        return ALL;
    }

    /** The sinks with this method name ({@code <init>} for constructors), any owner. */
    public static List<CredentialSink> byMethod(String method) {
        return BY_METHOD.getOrDefault(method, List.of());
    }

    /** Every owner's simple name: the lexical prefilter's sink keywords. */
    public static Set<String> owners() {
        return OWNERS;
    }

    private static List<CredentialSink> build() {
        List<CredentialSink> s = new ArrayList<>();
        // --- JDK
        add(s, "java.sql", "DriverManager", "getConnection", 3, 2, PASSWORD, "password");
        add(s, "javax.sql", "DataSource", "getConnection", 2, 1, PASSWORD, "password");
        add(s, "java.security", "KeyStore", "load", 2, 1, PASSWORD, "keystore password");
        add(s, "java.security", "KeyStore", "getKey", 2, 1, PASSWORD, "key password");
        add(s, "java.security", "KeyStore", "setKeyEntry", 4, 2, PASSWORD, "key password");
        add(s, "java.security", "KeyStore", "store", 2, 1, PASSWORD, "keystore password");
        add(s, "java.security", "PasswordProtection", "<init>", -1, 0, PASSWORD, "password");
        add(s, "javax.net.ssl", "KeyManagerFactory", "init", 2, 1, PASSWORD, "key password");
        add(s, "java.net,javax.mail,jakarta.mail", "PasswordAuthentication", "<init>", 2, 1, PASSWORD, "password");
        add(s, "javax.security.auth.callback", "PasswordCallback", "setPassword", 1, 0, PASSWORD, "password");
        add(s, "javax.security.auth.kerberos", "KerberosKey", "<init>", 3, 1, PASSWORD, "password");
        add(s, "javax.crypto.spec", "SecretKeySpec", "<init>", -1, 0, CRYPTO_KEY, "key");
        add(s, "javax.crypto.spec", "DESKeySpec", "<init>", -1, 0, CRYPTO_KEY, "key");
        add(s, "javax.crypto.spec", "DESedeKeySpec", "<init>", -1, 0, CRYPTO_KEY, "key");
        add(s, "javax.crypto.spec", "PBEKeySpec", "<init>", -1, 0, CRYPTO_KEY, "password");
        add(s, "java.security.spec", "PKCS8EncodedKeySpec", "<init>", -1, 0, CRYPTO_KEY, "private key");
        add(s, "java.security.spec", "RSAPrivateKeySpec", "<init>", -1, 1, CRYPTO_KEY, "private exponent");
        add(s, "java.security.spec", "ECPrivateKeySpec", "<init>", 2, 0, CRYPTO_KEY, "private value");
        add(s, "java.security.spec", "DSAPrivateKeySpec", "<init>", 4, 0, CRYPTO_KEY, "private key");
        // --- AWS SDK v1 and v2
        add(s, "com.amazonaws.auth", "BasicAWSCredentials", "<init>", 2, 0, ACCESS_KEY_ID, "access key id");
        add(s, "com.amazonaws.auth", "BasicAWSCredentials", "<init>", 2, 1, SECRET, "secret access key");
        add(s, "com.amazonaws.auth", "BasicSessionCredentials", "<init>", 3, 0, ACCESS_KEY_ID, "access key id");
        add(s, "com.amazonaws.auth", "BasicSessionCredentials", "<init>", 3, 1, SECRET, "secret access key");
        add(s, "com.amazonaws.auth", "BasicSessionCredentials", "<init>", 3, 2, SECRET, "session token");
        add(s, "software.amazon.awssdk.auth.credentials", "AwsBasicCredentials", "create", 2, 0, ACCESS_KEY_ID, "access key id");
        add(s, "software.amazon.awssdk.auth.credentials", "AwsBasicCredentials", "create", 2, 1, SECRET, "secret access key");
        add(s, "software.amazon.awssdk.auth.credentials", "AwsSessionCredentials", "create", 3, 0, ACCESS_KEY_ID, "access key id");
        add(s, "software.amazon.awssdk.auth.credentials", "AwsSessionCredentials", "create", 3, 1, SECRET, "secret access key");
        add(s, "software.amazon.awssdk.auth.credentials", "AwsSessionCredentials", "create", 3, 2, SECRET, "session token");
        add(s, "software.amazon.awssdk.auth.credentials", "AwsBasicCredentials", "secretAccessKey", 1, 0, SECRET, "secret access key");
        add(s, "software.amazon.awssdk.auth.credentials", "AwsSessionCredentials", "sessionToken", 1, 0, SECRET, "session token");
        // --- Azure SDK
        add(s, "com.azure.identity", "ClientSecretCredentialBuilder", "clientSecret", 1, 0, SECRET, "client secret");
        add(s, "com.azure.identity", "UsernamePasswordCredentialBuilder", "password", 1, 0, PASSWORD, "password");
        add(s, "com.azure.identity", "ClientCertificateCredentialBuilder", "clientCertificatePassword", 1, 0, PASSWORD, "certificate password");
        add(s, "com.azure.storage.common", "StorageSharedKeyCredential", "<init>", 2, 1, SECRET, "account key");
        add(s, "com.azure.core.credential", "AzureKeyCredential", "<init>", 1, 0, SECRET, "key");
        add(s, "com.azure.core.credential", "AzureSasCredential", "<init>", 1, 0, SECRET, "SAS token");
        add(s, "com.azure.core.credential", "AzureNamedKeyCredential", "<init>", 2, 1, SECRET, "key");
        add(s, "com.azure.storage.blob", "BlobServiceClientBuilder", "connectionString", 1, 0, CONNECTION_STRING, "connection string");
        add(s, "com.azure.storage.blob", "BlobServiceClientBuilder", "sasToken", 1, 0, SECRET, "SAS token");
        add(s, "com.azure.messaging.servicebus", "ServiceBusClientBuilder", "connectionString", 1, 0, CONNECTION_STRING, "connection string");
        add(s, "com.azure.messaging.eventhubs", "EventHubClientBuilder", "connectionString", -1, 0, CONNECTION_STRING, "connection string");
        add(s, "com.azure.cosmos", "CosmosClientBuilder", "key", 1, 0, SECRET, "account key");
        // --- Apache HttpClient 4/5, OkHttp
        add(s, "org.apache.http.auth,org.apache.hc.client5.http.auth", "UsernamePasswordCredentials", "<init>", 2, 1, PASSWORD, "password");
        add(s, "org.apache.http.auth", "UsernamePasswordCredentials", "<init>", 1, 0, USER_COLON_PASSWORD, "user:password");
        add(s, "org.apache.http.auth,org.apache.hc.client5.http.auth", "NTCredentials", "<init>", 4, 1, PASSWORD, "password");
        add(s, "org.apache.hc.client5.http.auth", "BearerToken", "<init>", 1, 0, SECRET, "bearer token");
        add(s, "okhttp3", "Credentials", "basic", -1, 1, PASSWORD, "password");
        // --- Spring
        add(s, "org.springframework.boot.web.client", "RestTemplateBuilder", "basicAuthentication", -1, 1, PASSWORD, "password");
        add(s, "org.springframework.http", "HttpHeaders", "setBasicAuth", 2, 1, PASSWORD, "password");
        add(s, "org.springframework.http", "HttpHeaders", "setBasicAuth", 3, 1, PASSWORD, "password");
        add(s, "org.springframework.http", "HttpHeaders", "setBearerAuth", 1, 0, SECRET, "bearer token");
        add(s, "org.springframework.http.client.support", "BasicAuthenticationInterceptor", "<init>", -1, 1, PASSWORD, "password");
        add(s, "org.springframework.web.reactive.function.client", "ExchangeFilterFunctions", "basicAuthentication", 2, 1, PASSWORD, "password");
        add(s, "org.springframework.boot.jdbc", "DataSourceBuilder", "password", 1, 0, PASSWORD, "password");
        add(s, "org.springframework.jdbc.datasource", "DriverManagerDataSource", "<init>", 3, 2, PASSWORD, "password");
        add(s, "org.springframework.jdbc.datasource", "SimpleDriverDataSource", "<init>", 4, 3, PASSWORD, "password");
        add(s, "org.springframework.security.core.userdetails", "User", "password", 1, 0, PASSWORD, "password");
        add(s, "org.springframework.security.core.userdetails", "User", "<init>", -1, 1, PASSWORD, "password");
        add(s, "org.springframework.security.oauth2.client.registration", "ClientRegistration", "clientSecret", 1, 0, SECRET, "client secret");
        add(s, "org.springframework.security.oauth2.server.authorization.client", "RegisteredClient", "clientSecret", 1, 0, SECRET, "client secret");
        add(s, "org.springframework.security.crypto.encrypt", "Encryptors", "text", 2, 0, CRYPTO_KEY, "password");
        add(s, "org.springframework.security.crypto.encrypt", "Encryptors", "stronger", 2, 0, CRYPTO_KEY, "password");
        add(s, "org.springframework.security.crypto.encrypt", "Encryptors", "standard", 2, 0, CRYPTO_KEY, "password");
        add(s, "org.springframework.security.crypto.encrypt", "Encryptors", "delux", 2, 0, CRYPTO_KEY, "password");
        add(s, "org.springframework.data.redis.connection", "RedisPassword", "of", 1, 0, PASSWORD, "password");
        // --- JDBC pools and data sources
        add(s, "com.zaxxer.hikari", "HikariConfig", "setPassword", 1, 0, PASSWORD, "password");
        add(s, "com.zaxxer.hikari", "HikariDataSource", "setPassword", 1, 0, PASSWORD, "password");
        add(s, "org.apache.commons.dbcp2,org.apache.commons.dbcp", "BasicDataSource", "setPassword", 1, 0, PASSWORD, "password");
        add(s, "org.postgresql.ds", "PGSimpleDataSource", "setPassword", 1, 0, PASSWORD, "password");
        add(s, "com.mysql.cj.jdbc", "MysqlDataSource", "setPassword", 1, 0, PASSWORD, "password");
        add(s, "com.microsoft.sqlserver.jdbc", "SQLServerDataSource", "setPassword", 1, 0, PASSWORD, "password");
        add(s, "oracle.jdbc.pool", "OracleDataSource", "setPassword", 1, 0, PASSWORD, "password");
        add(s, "com.mchange.v2.c3p0", "ComboPooledDataSource", "setPassword", 1, 0, PASSWORD, "password");
        add(s, "org.apache.tomcat.jdbc.pool", "PoolProperties", "setPassword", 1, 0, PASSWORD, "password");
        add(s, "com.alibaba.druid.pool", "DruidDataSource", "setPassword", 1, 0, PASSWORD, "password");
        add(s, "org.flywaydb.core.api.configuration", "FluentConfiguration", "dataSource", 3, 2, PASSWORD, "password");
        add(s, "org.flywaydb.core", "Flyway", "dataSource", 3, 2, PASSWORD, "password");
        add(s, "org.jooq.impl", "DSL", "using", 3, 2, PASSWORD, "password");
        add(s, "org.jdbi.v3.core", "Jdbi", "create", 3, 2, PASSWORD, "password");
        add(s, "org.sql2o", "Sql2o", "<init>", 3, 2, PASSWORD, "password");
        // --- MongoDB
        add(s, "com.mongodb", "MongoCredential", "createCredential", 3, 2, PASSWORD, "password");
        add(s, "com.mongodb", "MongoCredential", "createScramSha1Credential", 3, 2, PASSWORD, "password");
        add(s, "com.mongodb", "MongoCredential", "createScramSha256Credential", 3, 2, PASSWORD, "password");
        add(s, "com.mongodb", "MongoCredential", "createPlainCredential", 3, 2, PASSWORD, "password");
        add(s, "com.mongodb", "MongoCredential", "createMongoCRCredential", 3, 2, PASSWORD, "password");
        // --- Redis: Jedis, Lettuce
        add(s, "redis.clients.jedis", "Jedis", "auth", 1, 0, PASSWORD, "password");
        add(s, "redis.clients.jedis", "Jedis", "auth", 2, 1, PASSWORD, "password");
        add(s, "redis.clients.jedis", "JedisPool", "<init>", 5, 4, PASSWORD, "password");
        add(s, "redis.clients.jedis", "JedisPool", "<init>", 6, 5, PASSWORD, "password");
        add(s, "redis.clients.jedis", "DefaultJedisClientConfig", "password", 1, 0, PASSWORD, "password");
        add(s, "io.lettuce.core", "RedisURI", "withPassword", 1, 0, PASSWORD, "password");
        add(s, "io.lettuce.core", "RedisURI", "withAuthentication", 2, 1, PASSWORD, "password");
        // --- mail
        add(s, "javax.mail,jakarta.mail", "Transport", "connect", 2, 1, PASSWORD, "password");
        add(s, "javax.mail,jakarta.mail", "Transport", "connect", 3, 2, PASSWORD, "password");
        add(s, "javax.mail,jakarta.mail", "Transport", "connect", 4, 3, PASSWORD, "password");
        add(s, "javax.mail,jakarta.mail", "Transport", "send", 3, 2, PASSWORD, "password");
        add(s, "javax.mail,jakarta.mail", "Store", "connect", 3, 2, PASSWORD, "password");
        add(s, "org.apache.commons.mail", "Email", "setAuthentication", 2, 1, PASSWORD, "password");
        add(s, "org.apache.commons.mail", "DefaultAuthenticator", "<init>", 2, 1, PASSWORD, "password");
        // --- SSH, FTP, SMB
        add(s, "com.jcraft.jsch", "JSch", "addIdentity", 2, 1, PASSWORD, "passphrase");
        add(s, "com.jcraft.jsch", "Session", "setPassword", 1, 0, PASSWORD, "password");
        add(s, "net.schmizz.sshj", "SSHClient", "authPassword", 2, 1, PASSWORD, "password");
        add(s, "org.apache.sshd.client.session", "ClientSession", "addPasswordIdentity", 1, 0, PASSWORD, "password");
        add(s, "ch.ethz.ssh2", "Connection", "authenticateWithPassword", 2, 1, PASSWORD, "password");
        add(s, "org.apache.commons.net.ftp", "FTPClient", "login", 2, 1, PASSWORD, "password");
        add(s, "org.apache.commons.net.ftp", "FTPClient", "login", 3, 1, PASSWORD, "password");
        add(s, "org.apache.commons.net.ftp", "FTPSClient", "login", 2, 1, PASSWORD, "password");
        add(s, "com.hierynomus.smbj.auth", "AuthenticationContext", "<init>", 3, 1, PASSWORD, "password");
        // --- JWT and tokens
        add(s, "com.auth0.jwt.algorithms", "Algorithm", "HMAC256", 1, 0, CRYPTO_KEY, "HMAC secret");
        add(s, "com.auth0.jwt.algorithms", "Algorithm", "HMAC384", 1, 0, CRYPTO_KEY, "HMAC secret");
        add(s, "com.auth0.jwt.algorithms", "Algorithm", "HMAC512", 1, 0, CRYPTO_KEY, "HMAC secret");
        add(s, "io.jsonwebtoken.security", "Keys", "hmacShaKeyFor", 1, 0, CRYPTO_KEY, "HMAC key");
        add(s, "io.jsonwebtoken", "JwtBuilder", "signWith", 2, 1, CRYPTO_KEY, "signing key");
        add(s, "io.jsonwebtoken", "Jwts", "signWith", 2, 1, CRYPTO_KEY, "signing key");
        add(s, "io.jsonwebtoken", "Jwts", "setSigningKey", 1, 0, CRYPTO_KEY, "signing key");
        add(s, "io.jsonwebtoken", "JwtParser", "setSigningKey", 1, 0, CRYPTO_KEY, "signing key");
        add(s, "com.nimbusds.jose.crypto", "MACSigner", "<init>", 1, 0, CRYPTO_KEY, "HMAC secret");
        add(s, "com.nimbusds.jose.crypto", "MACVerifier", "<init>", 1, 0, CRYPTO_KEY, "HMAC secret");
        add(s, "org.bouncycastle.crypto.params", "KeyParameter", "<init>", -1, 0, CRYPTO_KEY, "key");
        add(s, "org.jasypt.encryption.pbe", "StandardPBEStringEncryptor", "setPassword", 1, 0, CRYPTO_KEY, "encryption password");
        // --- Shiro
        add(s, "org.apache.shiro.web.mgt,org.apache.shiro.mgt", "CookieRememberMeManager", "setCipherKey", 1, 0, CRYPTO_KEY, "cipher key");
        add(s, "org.apache.shiro.mgt", "AbstractRememberMeManager", "setCipherKey", 1, 0, CRYPTO_KEY, "cipher key");
        add(s, "org.apache.shiro.mgt,org.apache.shiro.web.mgt", "CookieRememberMeManager", "setEncryptionCipherKey", 1, 0, CRYPTO_KEY, "cipher key");
        add(s, "org.apache.shiro.authc", "UsernamePasswordToken", "<init>", -1, 1, PASSWORD, "password");
        // --- messaging and SaaS clients
        add(s, "org.apache.activemq", "ActiveMQConnectionFactory", "<init>", 3, 1, PASSWORD, "password");
        add(s, "com.twilio", "Twilio", "init", 2, 1, SECRET, "auth token");
        add(s, "com.sendgrid", "SendGrid", "<init>", 1, 0, SECRET, "API key");
        add(s, "org.kohsuke.github", "GitHubBuilder", "withOAuthToken", -1, 0, SECRET, "OAuth token");
        add(s, "org.kohsuke.github", "GitHub", "connectUsingOAuth", 1, 0, SECRET, "OAuth token");
        add(s, "org.keycloak.admin.client", "KeycloakBuilder", "clientSecret", 1, 0, SECRET, "client secret");
        add(s, "org.keycloak.admin.client", "KeycloakBuilder", "password", 1, 0, PASSWORD, "password");
        return List.copyOf(s);
    }

    private static void add(List<CredentialSink> s, String packages, String owner, String method, int arity,
                            int parameter, Kind kind, String label) {
        s.add(new CredentialSink(List.of(packages.split(",")), owner, method, arity, parameter, kind, label));
    }

    private static Map<String, List<CredentialSink>> index(List<CredentialSink> all) {
        Map<String, List<CredentialSink>> m = new HashMap<>();
        for (CredentialSink sink : all) {
            m.computeIfAbsent(sink.method(), k -> new ArrayList<>()).add(sink);
        }
        m.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(m);
    }

    private static Set<String> owners(List<CredentialSink> all) {
        Set<String> owners = new HashSet<>();
        for (CredentialSink sink : all) {
            owners.add(sink.owner());
        }
        return Set.copyOf(owners);
    }
}
