package dev.hushlint.rules.hardening;

import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.rules.BuiltInRules;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and mutated Java, YAML, JSON, properties and HCL never throw out of the engine: every input ends in
 * findings, a parse-error or nothing — never an internal-error. Each try runs the whole built-in rule set
 * through {@link Scanner} on a real file, under a name that routes it to the reader under test.
 */
class ReaderProperties {

    private static final String SECRET = "AKIAZ7Q3VXPM2LKT5RWN";
    /** The secrets in the seeds: a parser message must never quote one (they are mutated into every position). */
    private static final List<String> SEED_SECRETS = List.of(SECRET, "Q7w!rT9zLp2x", "Pg9-wQz4Lm7x", "Sd2!vLq8Tz5m",
            "q8Vt2LmZ9xRk4PwN7sJd3FhC6bYe1GaU5nXo0iTr");

    static final String JAVA = """
            package com.acme;

            import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

            public class Handler implements RequestHandler<Map<String, String>, String> {
                private static final String PASSWORD = "Q7w!rT9zLp2x";
                private final String url = "jdbc:postgresql://admin:Pg9-wQz4Lm7x@db:5432/app";

                public String handleRequest(Map<String, String> in, Context ctx) {
                    var creds = AwsBasicCredentials.create("%s", "q8Vt2LmZ9xRk4PwN7sJd3FhC6bYe1GaU5nXo0iTr");
                    String s = \"""
                        text block \\u0041 %s
                        \""";
                    LOG.info("token {}", PASSWORD + in.get("k"));
                    char c = '\\'';
                    return (String) (Object) s /* comment */;
                }
            }
            """.formatted(SECRET, SECRET);

    static final String YAML = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              DbPassword: {Type: String, Default: Pg9-wQz4Lm7x}
            Resources:
              Fn: &fn
                Type: AWS::Serverless::Function
                Properties:
                  Handler: com.acme.Handler::handleRequest
                  Environment:
                    Variables:
                      API_KEY: %s
                      DB_PASSWORD: !Ref DbPassword
                      OTHER: !Sub '${AWS::StackName}-x'
                  Policies:
                    - Statement: [{Effect: Allow, Action: 'secretsmanager:*', Resource: '*'}]
              Copy: *fn
              Secret:
                Type: AWS::SecretsManager::Secret
                Properties: {SecretString: "{\\"password\\": \\"Sd2!vLq8Tz5m\\"}"}
            """.formatted(SECRET);

    static final String JSON = """
            {"AWSTemplateFormatVersion": "2010-09-09",
             "Resources": {
               "Fn": {"Type": "AWS::Lambda::Function",
                      "Properties": {"Environment": {"Variables": {"API_KEY": "%s", "N": 1.5e3, "B": true, "Z": null}},
                                     "Role": {"Fn::GetAtt": ["Role", "Arn"]}}},
               "Role": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [{"PolicyDocument":
                        {"Statement": [{"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue"], "Resource": "*"}]}}]}}
             }}
            """.formatted(SECRET);

    static final String PROPERTIES = """
            # datasource
            spring.datasource.url=jdbc:postgresql://db/app
            spring.datasource.password=Sd2!vLq8Tz5m
            aws.accessKeyId = %s
            multi.line = first \\
                second
            key\\:with\\=escapes : value \\u0041
            ! bang comment
            empty=
            """.formatted(SECRET);

    static final String HCL = """
            terraform {
              required_providers { aws = { source = "hashicorp/aws" } }
            }
            variable "db_password" {
              type    = string
              default = "Pg9-wQz4Lm7x"
            }
            resource "aws_lambda_function" "fn" {
              function_name = "fn-${var.env}"
              environment {
                variables = {
                  API_KEY = "%s"
                  LIST    = [for s in var.items : upper(s) if s != ""]
                  DOC     = <<-EOT
                    heredoc ${var.x} %%{ if true }yes%%{ endif }
                  EOT
                }
              }
            }
            """.formatted(SECRET);

    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("hushlint-properties");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The seeds reach their readers (else the properties would test nothing but the lexical rule). */
    @Example
    void eachSeedIsReadByItsReaderAndHasFindingsOfItsFamily() {
        assertThat(ruleIds("Handler.java", JAVA)).anyMatch(id -> id.startsWith("java/"));
        assertThat(ruleIds("template.yaml", YAML)).anyMatch(id -> id.startsWith("iac/"));
        assertThat(ruleIds("template.json", JSON)).anyMatch(id -> id.startsWith("iac/"));
        assertThat(ruleIds("src/main/resources/application.properties", PROPERTIES)).contains("config/hardcoded-credential");
        assertThat(ruleIds("main.tf", HCL)).anyMatch(id -> id.startsWith("iac/"));
    }

    @Property(tries = 200)
    void randomJavaNeverBreaksTheScan(@ForAll("java") String text) {
        assertScans("Handler.java", text);
    }

    @Property(tries = 200)
    void mutatedJavaNeverBreaksTheScan(@ForAll("mutatedJava") String text) {
        assertScans("Handler.java", text);
    }

    @Property(tries = 200)
    void randomYamlNeverBreaksTheScan(@ForAll("yaml") String text) {
        assertScans("template.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n" + text);
        assertScans("src/main/resources/application.yml", text);
    }

    @Property(tries = 200)
    void mutatedYamlNeverBreaksTheScan(@ForAll("mutatedYaml") String text) {
        assertScans("template.yaml", text);
        assertScans("serverless.yml", text.replace("AWSTemplateFormatVersion", "service"));
        assertScans("src/main/resources/application.yml", text);
    }

    @Property(tries = 200)
    void randomJsonNeverBreaksTheScan(@ForAll("json") String text) {
        assertScans("template.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": " + text + "}");
        assertScans("appsettings.json", text);
    }

    @Property(tries = 200)
    void mutatedJsonNeverBreaksTheScan(@ForAll("mutatedJson") String text) {
        assertScans("template.json", text);
        assertScans("appsettings.json", text);
    }

    @Property(tries = 200)
    void randomPropertiesNeverBreakTheScan(@ForAll("properties") String text) {
        assertScans("application.properties", text);
    }

    @Property(tries = 200)
    void mutatedPropertiesNeverBreakTheScan(@ForAll("mutatedProperties") String text) {
        assertScans("application.properties", text);
        assertScans(".env", text);
    }

    @Property(tries = 200)
    void randomHclNeverBreaksTheScan(@ForAll("hcl") String text) {
        assertScans("main.tf", text);
    }

    @Property(tries = 200)
    void mutatedHclNeverBreaksTheScan(@ForAll("mutatedHcl") String text) {
        assertScans("main.tf", text);
    }

    // ---- generators: text over each language's punctuation, and the seed documents with random edits ----------

    @Provide
    Arbitrary<String> java() {
        return tokens(JAVA, "{", "}", "(", ")", "\"", "'", "\"\"\"", "/*", "*/", "//", "\\u0041", "\\", ";", "=", "\n",
                "class ", "new ", "String ", "static final ", "->", "@", "<", ">", "+", ".", SECRET, "\"Q7w!rT9zLp2x\"");
    }

    @Provide
    Arbitrary<String> mutatedJava() {
        return mutated(JAVA);
    }

    @Provide
    Arbitrary<String> yaml() {
        return tokens(YAML, ":", "- ", "  ", "\n", "&a ", "*a", "!Ref ", "!Sub ", "!GetAtt ", "[", "]", "{", "}", ",", "#",
                "|", ">", "'", "\"", "---\n", "...\n", "? ", "<<: *a", "Resources:", "Type: AWS::Lambda::Function",
                "Environment:", "Variables:", "password: ", SECRET, "\t", "%YAML 1.2\n");
    }

    @Provide
    Arbitrary<String> mutatedYaml() {
        return mutated(YAML);
    }

    @Provide
    Arbitrary<String> json() {
        return tokens(JSON, "{", "}", "[", "]", ":", ",", "\"", "\"k\"", "\"Type\"", "\"AWS::Lambda::Function\"", "1e999",
                "-0", "true", "null", "\\u0000", "\\", "\n", " ", "\"password\"", "\"" + SECRET + "\"", "/*", "//");
    }

    @Provide
    Arbitrary<String> mutatedJson() {
        return mutated(JSON);
    }

    @Provide
    Arbitrary<String> properties() {
        return tokens(PROPERTIES, "=", ":", "\\", "\\\n", "\n", "\r", "#", "!", " ", "\\u", "\\u00", "password", "secret",
                "spring.datasource.", SECRET, "${X}", "\t");
    }

    @Provide
    Arbitrary<String> mutatedProperties() {
        return mutated(PROPERTIES);
    }

    @Provide
    Arbitrary<String> hcl() {
        return tokens(HCL, "{", "}", "[", "]", "(", ")", "=", "\"", "${", "%{", "<<EOT\n", "<<-EOT\n", "EOT\n", "\n", "#",
                "//", "/*", "*/", "resource ", "\"aws_lambda_function\" ", "variable ", "for ", " in ", ":", "?", "=>",
                "...", "var.x", "-", "!", SECRET);
    }

    @Provide
    Arbitrary<String> mutatedHcl() {
        return mutated(HCL);
    }

    /** Sequences of a language's tokens, random characters and slices of its seed document. */
    private static Arbitrary<String> tokens(String seed, String... tokens) {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of(tokens),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(3),
                Arbitraries.integers().between(0, seed.length() - 1)
                        .flatMap(from -> Arbitraries.integers().between(from, Math.min(seed.length(), from + 40))
                                .map(to -> seed.substring(from, to))));
        return token.list().ofMaxSize(120).map(list -> String.join("", list));
    }

    /** The seed document with a few random edits: deletions, duplications, insertions of punctuation, swaps. */
    private static Arbitrary<String> mutated(String seed) {
        Arbitrary<Edit> edit = Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.strings().withChars("{}[]()\"'\\:=-#&*!|>\n\r\t $%<,.;/u0").ofMinLength(1).ofMaxLength(4))
                .as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(8).map(edits -> {
            String text = seed;
            for (Edit e : edits) {
                text = e.apply(text);
            }
            return text;
        });
    }

    record Edit(int kind, double at, double span, String insert) {
        String apply(String text) {
            if (text.isEmpty()) {
                return insert;
            }
            int from = (int) (at * text.length());
            int to = Math.min(text.length(), from + 1 + (int) (span * 30));
            return switch (kind) {
                case 0 -> text.substring(0, from) + text.substring(to);                                // delete
                case 1 -> text.substring(0, to) + text.substring(from, to) + text.substring(to);        // duplicate
                case 2 -> text.substring(0, from) + insert + text.substring(from);                      // insert
                default -> text.substring(0, from) + text.substring(to) + text.substring(from, to);     // move
            };
        }
    }

    // ---- the check --------------------------------------------------------------------------------------------

    private static List<String> ruleIds(String name, String text) {
        return assertScans(name, text).findings().stream().map(f -> f.ruleId()).toList();
    }

    private static Report assertScans(String name, String text) {
        Path file = dir.resolve(name);
        Report report;
        try {
            try (Stream<Path> old = Files.list(dir)) {
                old.forEach(ReaderProperties::deleteTree);
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            report = new Scanner(BuiltInRules.ruleSet()).scan(ScanRequest.of(dir).withBaseDir(dir).withThreads(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Notification> internal = report.notifications().stream()
                .filter(n -> n.code().equals("internal-error")).toList();
        assertThat(internal).as("internal errors on %s", name).isEmpty();
        for (Notification n : report.notifications()) {
            for (String secret : SEED_SECRETS) {
                for (int i = 0; i + 8 <= secret.length(); i++) {
                    assertThat(n.message()).as("a notification quotes a seed secret").doesNotContain(secret.substring(i, i + 8));
                }
            }
        }
        return report;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
