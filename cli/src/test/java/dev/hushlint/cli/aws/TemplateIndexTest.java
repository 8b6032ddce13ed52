package dev.hushlint.cli.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateIndexTest {

    @TempDir
    Path dir;

    @Test
    void findsFunctionResourcesInYamlAndJsonTemplates() throws IOException {
        write("infra/template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  DbPassword: {Type: String, NoEcho: true}
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                  OrdersApiFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: !Sub '${AWS::StackName}-handler'
                      Environment: {Variables: {DB_PASSWORD: !Ref DbPassword}}
                """);
        write("cdk.out/PaymentsStack.template.json", """
                {
                  "Resources": {
                    "PaymentsHandler1A2B3C4D": {
                      "Type": "AWS::Lambda::Function",
                      "Properties": {"Handler": "com.example.Payments::handleRequest"}
                    }
                  }
                }
                """);
        write("node_modules/pkg/template.yaml", "Resources:\n  Hidden:\n    Type: AWS::Lambda::Function\n");
        write("config/application.yml", "server:\n  port: 8080\nResources: none\n");
        write("broken.yaml", "Resources:\n  X: [unclosed\n");

        TemplateIndex index = TemplateIndex.scan(dir);
        TemplateIndex.Declaration orders = index.find("OrdersApiFunction", "orders-stack").orElseThrow();
        assertThat(orders.template()).isEqualTo(dir.resolve("infra/template.yaml"));
        assertThat(orders.line()).isEqualTo(8);
        assertThat(index.find("PaymentsHandler1A2B3C4D", null).orElseThrow().line()).isEqualTo(3);
        assertThat(index.find("Bucket", null)).isEmpty();
        assertThat(index.find("Hidden", null)).isEmpty();
    }

    @Test
    void theStackNameChoosesBetweenTemplatesThatDeclareTheSameId() throws IOException {
        String template = "Resources:\n  ApiFunction:\n    Type: AWS::Serverless::Function\n";
        write("billing/template.yaml", template);
        write("orders/template.yaml", template);
        TemplateIndex index = TemplateIndex.scan(dir);
        assertThat(index.find("ApiFunction", "orders").orElseThrow().template()).isEqualTo(dir.resolve("orders/template.yaml"));
        assertThat(index.find("ApiFunction", "prod-orders-api").orElseThrow().template()).isEqualTo(dir.resolve("orders/template.yaml"));
        // no stack name to go by: the first by path, so the choice is deterministic
        assertThat(index.find("ApiFunction", "other").orElseThrow().template()).isEqualTo(dir.resolve("billing/template.yaml"));
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
