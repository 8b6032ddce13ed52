#!/usr/bin/env python3
"""Generates a large SAM template (default 5 MB) for the IaC reader's speed figure.

usage: gen_template.py OUT.yaml [--megabytes N]

Each function has a customer managed key and no secret in its environment; each secret has a key; one in
500 has a rotation schedule. So the findings are the secrets without rotation, on their exact lines.
"""
import argparse


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--megabytes", type=float, default=5.0)
    args = ap.parse_args()
    limit = int(args.megabytes * 1024 * 1024)
    out = ["AWSTemplateFormatVersion: '2010-09-09'", "Transform: AWS::Serverless-2016-10-31", "Resources:"]
    size = sum(len(line) + 1 for line in out)
    i = 0
    while size < limit:
        block = [
            f"  Fn{i}:", "    Type: AWS::Serverless::Function", "    Properties:",
            f"      Handler: com.example.f{i}.Handler::handleRequest", "      Runtime: java17", "      CodeUri: .",
            "      KmsKeyArn: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            "      Environment:", "        Variables:", f"          TABLE_NAME: table{i}",
            f"          QUEUE_URL: https://sqs.eu-west-1.amazonaws.com/123456789012/q{i}",
            "      Policies:", "        - Statement:", "            - Effect: Allow",
            "              Action: dynamodb:GetItem",
            f"              Resource: arn:aws:dynamodb:eu-west-1:123456789012:table/table{i}",
            f"  Secret{i}:", "    Type: AWS::SecretsManager::Secret", "    Properties:", "      KmsKeyId: alias/app",
            f"      Name: prod/app/{i}",
        ]
        if i % 500 == 0:
            block += [f"  Rot{i}:", "    Type: AWS::SecretsManager::RotationSchedule", "    Properties:",
                      f"      SecretId: !Ref Secret{i}", "      RotationRules:", "        AutomaticallyAfterDays: 30"]
        out += block
        size += sum(len(line) + 1 for line in block)
        i += 1
    with open(args.out, "w") as f:
        f.write("\n".join(out) + "\n")
    print(f"{args.out}: {size} bytes, {i} functions and {i} secrets")


if __name__ == "__main__":
    main()
