package dev.hushlint.rules.secret;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The detector: prefilter, overlap handling, whole-value and in-value lookups, AWS id+secret pairing. */
class SecretDetectorTest {

    private static final String GHP = "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";
    private static final String AWS_ID = "AKIA7G4KA4QNYFYL6EZU";
    private static final String AWS_SECRET = "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";

    private final SecretDetector detector = SecretDetector.standard();

    private static List<String> ids(List<SecretMatch> matches) {
        return matches.stream().map(m -> m.pattern().id()).toList();
    }

    @Test
    void libraryHasAtLeastFortyFivePatternsWithKeywords() {
        assertThat(SecretPatterns.all()).hasSizeGreaterThanOrEqualTo(45);
        assertThat(SecretPatterns.all()).allSatisfy(p -> assertThat(p.keywords()).as(p.id()).isNotEmpty());
        assertThat(SecretPatterns.all()).isSortedAccordingTo(java.util.Comparator.comparing(SecretPattern::id));
    }

    @Test
    void findsTokensWithOffsetsInsideText() {
        String text = "line one\ngithub.token=" + GHP + "\n";
        List<SecretMatch> found = detector.find(text);
        assertThat(ids(found)).containsExactly("github-pat-classic");
        SecretMatch m = found.get(0);
        assertThat(text.substring(m.start(), m.end())).isEqualTo(GHP);
        assertThat(m.value()).isEqualTo(GHP);
    }

    @Test
    void keywordPrefilterIsCaseInsensitiveAndSurvivesNonAscii() {
        String text = "Größe: 12 € — clé 🔑 " + GHP.toUpperCase().replace("GHP_", "ghp_") + " ünd " + AWS_ID;
        assertThat(ids(detector.find(text))).contains("aws-access-key-id");
        assertThat(ids(detector.find("ÄÖÜ🔑" + GHP))).containsExactly("github-pat-classic");
    }

    @Test
    void aPatternIsNotTriedWhenItsKeywordIsAbsent() {
        SecretPattern keyed = new SecretPattern("needs-keyword", "test", Pattern.compile("\\b(tok_[a-z0-9]{12})\\b"), 1,
                List.of("magic"), 0, List.of(), List.of());
        SecretDetector custom = new SecretDetector(List.of(keyed));
        assertThat(custom.find("value tok_k3m9q2w7z5p1")).isEmpty();
        assertThat(custom.find("MAGIC value tok_k3m9q2w7z5p1")).hasSize(1);
    }

    @Test
    void exactCaseKeywordsMustOccurAsWritten() {
        SecretPattern exact = new SecretPattern("exact", "test", Pattern.compile("(?i)\\b(sk[0-9a-f]{8})\\b"), 1,
                List.of("SK"), 0, List.of(), List.of());
        SecretDetector custom = new SecretDetector(List.of(exact));
        assertThat(custom.find("id SK3f9a1c7e")).hasSize(1);
        assertThat(custom.find("id sk3f9a1c7e")).isEmpty(); // "sk" is there, "SK" is not: the regex is not tried
        SecretPattern mixed = new SecretPattern("mixed", "test", Pattern.compile("x"), 0, List.of("SK", "twilio"), 0,
                List.of(), List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SecretDetector(List.of(mixed)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPatternWithoutKeywordsIsAlwaysTried() {
        SecretPattern unkeyed = new SecretPattern("no-keyword", "test", Pattern.compile("\\b(tok_[a-z0-9]{12})\\b"), 1,
                List.of(), 0, List.of(), List.of());
        assertThat(new SecretDetector(List.of(unkeyed)).find("value tok_k3m9q2w7z5p1")).hasSize(1);
    }

    @Test
    void overlappingMatchesKeepTheEarliestThenLongestThenById() {
        SecretPattern shortOne = new SecretPattern("b-short", "short", Pattern.compile("(tok_[a-z0-9]{4})"), 1,
                List.of("tok_"), 0, List.of(), List.of());
        SecretPattern longOne = new SecretPattern("c-long", "long", Pattern.compile("(tok_[a-z0-9]{12})"), 1,
                List.of("tok_"), 0, List.of(), List.of());
        SecretPattern sameSpan = new SecretPattern("a-same", "same", Pattern.compile("(tok_[a-z0-9]{12})"), 1,
                List.of("tok_"), 0, List.of(), List.of());
        SecretPattern later = new SecretPattern("d-later", "later", Pattern.compile("([a-z0-9]{8}_end)"), 1,
                List.of("_end"), 0, List.of(), List.of());
        String text = "tok_k3m9q2w7z5p1_end";
        assertThat(ids(new SecretDetector(List.of(shortOne, longOne)).find(text))).containsExactly("c-long");
        assertThat(ids(new SecretDetector(List.of(longOne, sameSpan)).find(text))).containsExactly("a-same");
        assertThat(ids(new SecretDetector(List.of(later, longOne)).find(text))).containsExactly("c-long");
        assertThat(ids(new SecretDetector(List.of(later, shortOne)).find(text))).containsExactly("b-short", "d-later");
    }

    @Test
    void matchWholeAcceptsOnlyTheWholeValue() {
        assertThat(detector.matchWhole(GHP)).hasValueSatisfying(m -> assertThat(m.pattern().id()).isEqualTo("github-pat-classic"));
        assertThat(detector.matchWhole("  \"" + GHP + "\" ")).isPresent();
        assertThat(detector.matchWhole("'" + GHP + "'")).isPresent();
        assertThat(detector.matchWhole("token " + GHP)).isEmpty();
        assertThat(detector.matchWhole(GHP + "/suffix")).isEmpty();
        assertThat(detector.matchWhole("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")).isEmpty();
        assertThat(detector.matchWhole(null)).isEmpty();
        assertThat(detector.matchWhole("   ")).isEmpty();
    }

    @Test
    void findInReturnsTheFirstSecretInAValue() {
        String value = "Bearer " + GHP + " and " + AWS_ID;
        assertThat(detector.findIn(value)).hasValueSatisfying(m -> {
            assertThat(m.pattern().id()).isEqualTo("github-pat-classic");
            assertThat(m.start()).isEqualTo(7);
        });
        assertThat(detector.findIn("nothing here")).isEmpty();
        assertThat(detector.findIn(null)).isEmpty();
        assertThat(detector.findIn("")).isEmpty();
    }

    @Test
    void awsSecretBesideItsIdIsFound() {
        String java = "var creds = AwsBasicCredentials.create(\"" + AWS_ID + "\", \"" + AWS_SECRET + "\");";
        List<SecretMatch> found = detector.find(java);
        assertThat(ids(found)).containsExactly("aws-access-key-id", "aws-secret-access-key-pair");
        assertThat(found.get(1).value()).isEqualTo(AWS_SECRET);

        String properties = "aws.id=" + AWS_ID + "\n# rotated 2025-01\naws.key=" + AWS_SECRET + "\n";
        assertThat(ids(detector.find(properties))).containsExactly("aws-access-key-id", "aws-secret-access-key-pair");
    }

    @Test
    void awsSecretFarFromAnIdOrWithoutANameIsNotGuessed() {
        assertThat(ids(detector.find("id=" + AWS_ID + "\n\n\n\n\nvalue=" + AWS_SECRET))).containsExactly("aws-access-key-id");
        assertThat(detector.find("value=" + AWS_SECRET)).isEmpty();
        // a commit hash beside an id is not a secret key
        assertThat(ids(detector.find(AWS_ID + " 18c8fc9d640075fcc2efb086dfede1589caba552"))).containsExactly("aws-access-key-id");
    }

    @Test
    void awsSecretUnderItsNameIsFoundWithoutAnId() {
        assertThat(ids(detector.find("aws_secret_access_key = " + AWS_SECRET))).containsExactly("aws-secret-access-key");
        assertThat(ids(detector.find("{\"SecretAccessKey\": \"" + AWS_SECRET + "\"}"))).containsExactly("aws-secret-access-key");
        // the documentation pair stays quiet in both forms
        assertThat(detector.find("AKIAIOSFODNN7EXAMPLE\nwJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).isEmpty();
        assertThat(detector.find("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).isEmpty();
    }

    @Test
    void awsIdAndNamedSecretTogetherGiveTwoFindingsNotThree() {
        String ini = "[default]\naws_access_key_id = " + AWS_ID + "\naws_secret_access_key = " + AWS_SECRET + "\n";
        assertThat(ids(detector.find(ini))).containsExactly("aws-access-key-id", "aws-secret-access-key");
    }

    @Test
    void githubChecksumIsEvidenceNotAGate() {
        List<SecretMatch> valid = detector.find("t=" + GHP);
        assertThat(valid).singleElement().satisfies(m -> assertThat(m.checksumValid()).isTrue());
        String altered = GHP.substring(0, GHP.length() - 1) + "f";
        List<SecretMatch> invalid = detector.find("t=" + altered);
        assertThat(invalid).singleElement().satisfies(m -> assertThat(m.checksumValid()).isFalse());
    }

    @Test
    void checksumMatchesTheConstructionAlgorithm() {
        String body = "oCCxKr1vIWc7C6QNJyMs4h7hSe4vg2";
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String token = "ghp_" + body + SecretPatterns.base62(crc.getValue(), 6);
        assertThat(token).isEqualTo(GHP);
        assertThat(SecretPatterns.githubChecksumValid(token)).isTrue();
        assertThat(SecretPatterns.githubChecksumValid("ghp_" + body + "000000")).isFalse();
        assertThat(SecretPatterns.base62(0, 6)).isEqualTo("000000");
        assertThat(SecretPatterns.base62(61, 2)).isEqualTo("0z");
    }

    @Test
    void valuesNeverAppearInToString() {
        SecretMatch m = detector.find("t=" + GHP).get(0);
        assertThat(m.toString()).doesNotContain(GHP).doesNotContain(GHP.substring(4, 12)).contains("github-pat-classic");
        for (SecretPattern p : SecretPatterns.all()) {
            assertThat(p.toString()).isEqualTo("SecretPattern[" + p.id() + "]");
        }
    }

    @Test
    void jwtMustDecodeAndTheJwtIoSampleIsIgnored() {
        String jwtIo = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        assertThat(detector.find("Authorization: Bearer " + jwtIo)).isEmpty();
        // header that is not JSON
        assertThat(detector.find("eyJub3QganNvbiBhdCBhbGwgcmVhbGx5.eyJzdWIiOiJ1c2VyLTQyIiwiaWF0IjoxNzM1Njg5NjAwfQ.Zk3mQ9vLp2RwZt7nB4cXs8")).isEmpty();
        String real = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIiwiaWF0IjoxNzM1Njg5NjAwfQ.Zk3mQ9vLp2RwZt7nB4cTs8Hq1Ld6";
        assertThat(ids(detector.find("token=" + real))).containsExactly("jwt");
    }

    @Test
    void publicKeysAndCertificatesAreNotPrivateKeys() {
        String text = "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n"
                + "RTESMBAGA1UEChMJQmFsdGltb3JlMRMwEQYDVQQLEwpDeWJlclRydXN0MSIwIAYD\n-----END CERTIFICATE-----\n"
                + "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7k2vQ9ZmT3pL8rW7xN4bC6sD1fG0aY5uE2jK9hR3tM ci@build\n";
        assertThat(detector.find(text)).isEmpty();
    }

    private static final List<String> KEY_LINES = List.of(
            "6Qqq5X1wUGAJ7Wx98vjE6boQ/jQaJbO0HvrgYegRDLu4h1Dyo+vIJUjzwTkoqrtl",
            "eWvTDuRgR3yNwos/bDWmE4kuv4VGOfYcMuqbKLLp/2jfTuOQPeWIDtcKZ1Dw0gBE",
            "Hum3adzqxMhGx3taeY5jvDR3q9lVuD+Am3zwr8FwGvjEED1YjEGPQ/ymde3hOygL",
            "xIGbLzUouSXsNHz5hdTDskWcTOWFtjcdwBCRGja3o3kV/2WHPSoIFieCIPnINFB4");

    @Test
    void tokensInEverydayShapesAreFound() {
        String ghs = "ghs_zymMlopiWfqUyHRSIf8NFmAUNLnY5Y0fCMcF";
        String npm = "npm_x0y3RnjDQl2Kvf8THRXfEuzcrJaBnx7IfDH5";
        String openai = "sk-proj-z7gTqBu4wweocv81k2lsNaWQrZzhB4GZqT8hqt0pmpsLww0sAO-DGpUxjKbgRBWZRZX1VlxeVZT3BlbkFJ"
                + "4DNCNnOBFXL4k41GiLP9qG3L0uKW4yWRzSaTLyvH1D0SZaozaNv4AH17KzcnNjeh1MVLymYZwH";
        assertThat(ids(detector.find("git remote add origin https://x-access-token:" + ghs + "@github.com/acme/orders.git")))
                .containsExactly("github-app-token");
        assertThat(ids(detector.find("//registry.npmjs.org/:_authToken=" + npm))).containsExactly("npm-access-token");
        assertThat(ids(detector.find("curl -H \"Authorization: Bearer " + openai + "\" https://api.openai.com/v1/models")))
                .containsExactly("openai-api-key");
        assertThat(ids(detector.find("export GH_TOKEN='" + ghs + "'; gh release create v1.2.0"))).containsExactly("github-app-token");
    }

    @Test
    void privateKeysInEverydayShapesAreFound() {
        String body = String.join("\n", KEY_LINES);
        String yamlBlock = "tls:\n  key: |\n    -----BEGIN EC PRIVATE KEY-----\n    " + String.join("\n    ", KEY_LINES)
                + "\n    -----END EC PRIVATE KEY-----\n";
        String propertiesContinuation = "tls.key=-----BEGIN PRIVATE KEY-----\\\n  " + String.join("\\\n  ", KEY_LINES)
                + "\\\n  -----END PRIVATE KEY-----\n";
        String jsonEscaped = "{\"key\": \"-----BEGIN RSA PRIVATE KEY-----\\r\\n" + String.join("\\r\\n", KEY_LINES)
                + "\\r\\n-----END RSA PRIVATE KEY-----\\r\\n\"}";
        String crlf = "-----BEGIN OPENSSH PRIVATE KEY-----\r\n" + String.join("\r\n", KEY_LINES) + "\r\n-----END OPENSSH PRIVATE KEY-----\r\n";
        String encrypted = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,3F9A1C7E5B2D4F608A1B3C5D7E9F0A2B\n\n"
                + body + "\n-----END RSA PRIVATE KEY-----";
        for (String text : List.of(yamlBlock, propertiesContinuation, jsonEscaped, crlf, encrypted)) {
            assertThat(ids(detector.find(text))).as(text).containsExactly("private-key");
        }
        String truncated = "-----BEGIN RSA PRIVATE KEY-----\n" + KEY_LINES.get(0) + "\n...\n-----END RSA PRIVATE KEY-----";
        assertThat(detector.find(truncated)).isEmpty();
    }

    @Test
    void pathologicalNearMissesFinish() {
        // a pathological input for a backtracking regex: many prefixes that almost match. Not a timed test: a
        // catastrophic pattern would simply not finish (the benchmark under bench/ measures speed)
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("AKIA").append("ABCDEFGHJKLMNP2").append(' ').append("eyJhbGciOiJI.").append("sk-ant-api03-")
                    .append("-----BEGIN RSA PRIVATE KEY-----").append('\n');
        }
        assertThat(detector.find(sb)).isEmpty();
    }
}
