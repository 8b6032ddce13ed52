package dev.hushlint.rules.iac;

import dev.hushlint.engine.Report;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.rules.BuiltInRules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Benchmark (not a test): generates a CloudFormation template of about 5 MB (thousands of functions, roles,
 * policies and secrets, in YAML and in JSON) and times a full scan of each with every built-in rule.
 *
 * <pre>java -cp … dev.hushlint.rules.iac.TemplateBenchmark [megabytes]</pre>
 */
public final class TemplateBenchmark {

    private TemplateBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("hushlint-bench");
        try {
            Path yaml = dir.resolve("big.yaml");
            Path json = dir.resolve("big.template.json");
            int units = generate(yaml, json, megabytes * 1024L * 1024);
            System.out.printf("generated %d resource groups (%d resources): %s %.1f MB, %s %.1f MB%n", units, units * 4,
                    yaml.getFileName(), Files.size(yaml) / 1048576.0, json.getFileName(), Files.size(json) / 1048576.0);
            for (Path file : new Path[] {yaml, json}) {
                for (int round = 1; round <= 5; round++) {
                    long start = System.nanoTime();
                    Report report = new Scanner(BuiltInRules.ruleSet())
                            .scan(ScanRequest.of(file).withBaseDir(dir).withThreads(1));
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    System.out.printf("%s round %d: %d ms, %d findings, %d notifications%n", file.getFileName(), round,
                            ms, report.findings().size(), report.notifications().size());
                }
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Writes both files; returns the number of groups (function, role, secret, rotation). */
    private static int generate(Path yaml, Path json, long bytes) throws IOException {
        StringBuilder y = new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n");
        StringBuilder j = new StringBuilder("{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n");
        int i = 0;
        while (y.length() < bytes) {
            y.append("""
                      Fn%1$d:
                        Type: AWS::Lambda::Function
                        Properties:
                          Handler: com.acme.service%1$d.Handler::handleRequest
                          Runtime: java17
                          Role: !GetAtt Role%1$d.Arn
                          Code: {S3Bucket: acme-artifacts, S3Key: service%1$d.zip}
                          Environment:
                            Variables:
                              TABLE_NAME: !Sub "${AWS::StackName}-table-%1$d"
                              DB_SECRET_ARN: !Ref Secret%1$d
                              DB_PASSWORD: '{{resolve:secretsmanager:svc%1$d/db:SecretString:password}}'
                              LOG_LEVEL: INFO
                      Role%1$d:
                        Type: AWS::IAM::Role
                        Properties:
                          AssumeRolePolicyDocument:
                            Statement:
                              - Effect: Allow
                                Principal: {Service: lambda.amazonaws.com}
                                Action: sts:AssumeRole
                          Policies:
                            - PolicyName: read
                              PolicyDocument:
                                Statement:
                                  - Effect: Allow
                                    Action: [secretsmanager:GetSecretValue, kms:Decrypt]
                                    Resource: [!Ref Secret%1$d, !Sub "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/k%1$d"]
                                  - Effect: Allow
                                    Action: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:Query]
                                    Resource: !Sub "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/t%1$d"
                      Secret%1$d:
                        Type: AWS::SecretsManager::Secret
                        Properties:
                          KmsKeyId: alias/svc%1$d
                          GenerateSecretString: {SecretStringTemplate: '{"username": "svc%1$d"}', GenerateStringKey: password}
                      Rotation%1$d:
                        Type: AWS::SecretsManager::RotationSchedule
                        Properties:
                          SecretId: !Ref Secret%1$d
                          HostedRotationLambda: {RotationType: PostgreSQLSingleUser}
                    """.formatted(i));
            j.append(i == 0 ? "" : ",\n").append("""
                        "Fn%1$d": {"Type": "AWS::Lambda::Function", "Properties": {
                          "Handler": "com.acme.service%1$d.Handler::handleRequest", "Runtime": "java17",
                          "Role": {"Fn::GetAtt": ["Role%1$d", "Arn"]},
                          "Environment": {"Variables": {"TABLE_NAME": {"Fn::Sub": "${AWS::StackName}-table-%1$d"},
                            "DB_SECRET_ARN": {"Ref": "Secret%1$d"}, "LOG_LEVEL": "INFO"}}}},
                        "Role%1$d": {"Type": "AWS::IAM::Role", "Properties": {
                          "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                          "Policies": [{"PolicyName": "read", "PolicyDocument": {"Statement": [
                            {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue"], "Resource": {"Ref": "Secret%1$d"}},
                            {"Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query"], "Resource": {"Fn::Sub": "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/t%1$d"}}]}}]}},
                        "Secret%1$d": {"Type": "AWS::SecretsManager::Secret", "Properties": {"KmsKeyId": "alias/svc%1$d"}},
                        "Rotation%1$d": {"Type": "AWS::SecretsManager::RotationSchedule", "Properties": {"SecretId": {"Ref": "Secret%1$d"}}}""".formatted(i));
            i++;
        }
        while (j.length() < bytes) {
            j.append(",\n    \"Pad").append(j.length()).append("\": {\"Type\": \"AWS::SNS::Topic\", \"Properties\": {\"TopicName\": \"pad-topic\"}}");
        }
        j.append("\n  }\n}\n");
        Files.writeString(yaml, y, StandardCharsets.UTF_8);
        Files.writeString(json, j, StandardCharsets.UTF_8);
        return i;
    }
}
