#!/usr/bin/env python3
"""Generates a synthetic serverless monorepo with seeded secrets whose places it knows.

usage: gen_monorepo.py OUT_DIR [--services N] [--seed S]

Writes OUT_DIR/repo/ (the tree to scan) and OUT_DIR/expected.tsv (path, start_line, end_line, class,
note) in the format of ../shared/eval/score.py, so recall and precision are measured the same way as on
the peer corpora. Every secret is random, generated here; none was ever issued by a provider.
"""
import argparse
import os
import random
import string

B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
ALNUM = string.ascii_letters + string.digits


def rand(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def password(rng):
    return rand(rng, string.ascii_letters, 4) + rand(rng, string.digits, 3) + rng.choice("!#%&*") + rand(rng, ALNUM, 6)


class Repo:
    def __init__(self, root):
        self.root = root
        self.expected = []

    def write(self, rel, lines, seeds):
        """lines: list of str; seeds: list of (line_index_0_based, class, note)."""
        path = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        for idx, cls, note in seeds:
            self.expected.append((rel, idx + 1, idx + 1, cls, note))


def java_handler(rng, pkg, name, seeded):
    lines = [
        f"package {pkg};",
        "",
        "import com.amazonaws.services.lambda.runtime.Context;",
        "import com.amazonaws.services.lambda.runtime.RequestHandler;",
        "import java.sql.Connection;",
        "import java.sql.DriverManager;",
        "import java.util.Map;",
        "",
        f"public class {name} implements RequestHandler<Map<String, Object>, String> {{",
        "",
        "    private static final String TABLE = \"orders\";",
        "    private static final String PASSWORD_KEY = \"db.password\";",
        "    private static final String SECRET_ID = \"prod/orders/db\";",
    ]
    seeds = []
    kind = rng.choice(["github", "stripe", "jdbc", "field"]) if seeded else None
    if kind == "github":
        seeds.append((len(lines), "hardcoded-secret", "github token in a constant"))
        lines.append(f"    private static final String GITHUB_TOKEN = \"ghp_{rand(rng, ALNUM, 36)}\";")
    elif kind == "stripe":
        seeds.append((len(lines), "hardcoded-secret", "stripe key in a constant"))
        lines.append(f"    private static final String STRIPE_KEY = \"sk_live_{rand(rng, ALNUM, 24)}\";")
    elif kind == "field":
        seeds.append((len(lines), "hardcoded-secret", "password in a field"))
        lines.append(f"    private final String dbPassword = \"{password(rng)}\";")
    lines += [
        "",
        "    @Override",
        "    public String handleRequest(Map<String, Object> input, Context context) {",
        "        String user = System.getenv(\"DB_USER\");",
        "        String label = \"Enter your password\";",
    ]
    if kind == "jdbc":
        seeds.append((len(lines) + 1, "hardcoded-secret", "password passed to DriverManager"))
        lines += [
            "        try (Connection c = DriverManager.getConnection(\"jdbc:postgresql://db:5432/app\", user,",
            f"                \"{password(rng)}\")) {{",
            "            return c.getCatalog();",
            "        } catch (Exception e) {",
            "            return label;",
            "        }",
        ]
    else:
        lines.append("        return TABLE + label + input.size();")
    lines += ["    }", "}"]
    return lines, seeds


def properties(rng, seeded):
    lines = [
        "server.port=8080",
        "spring.datasource.url=jdbc:postgresql://db:5432/app",
        "spring.datasource.username=app",
        "spring.datasource.password=${DB_PASSWORD}",
        "app.secret.arn=arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/app-AbCdEf",
    ]
    seeds = []
    if seeded:
        seeds.append((len(lines), "hardcoded-secret", "password in properties"))
        lines.append(f"mail.smtp.password={password(rng)}")
    return lines, seeds


def template(rng, name, seeded):
    lines = [
        "AWSTemplateFormatVersion: '2010-09-09'",
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        f"  {name}Function:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        f"      Handler: com.example.{name.lower()}.Handler::handleRequest",
        "      Runtime: java17",
        "      KmsKeyArn: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "      Environment:",
        "        Variables:",
        "          TABLE_NAME: orders",
        "          DB_SECRET_ARN: !Ref DbSecret",
    ]
    seeds = []
    if seeded:
        seeds.append((len(lines), "plaintext-secret-env", "plaintext secret in Lambda environment"))
        lines.append(f"          API_TOKEN: {rand(rng, ALNUM, 32)}")
    lines += [
        "  DbSecret:",
        "    Type: AWS::SecretsManager::Secret",
        "    Properties:",
        "      KmsKeyId: alias/app",
        "      GenerateSecretString:",
        "        GenerateStringKey: password",
        "        SecretStringTemplate: '{\"username\": \"app\"}'",
        "  DbSecretRotation:",
        "    Type: AWS::SecretsManager::RotationSchedule",
        "    Properties:",
        "      SecretId: !Ref DbSecret",
        "      RotationLambdaARN: arn:aws:lambda:eu-west-1:123456789012:function:rotate",
        "      RotationRules:",
        "        AutomaticallyAfterDays: 30",
    ]
    return lines, seeds


def plain_java(rng, pkg, name, i):
    lines = [f"package {pkg};", "", f"/** Generated helper {i}. */", f"public final class {name} {{", ""]
    for k in range(rng.randint(20, 60)):
        lines.append(f"    static int f{k}(int x) {{ return x * {rng.randint(2, 99)} + {k}; }}")
    lines += ["}"]
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--services", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    repo = Repo(os.path.join(args.out, "repo"))
    for s in range(args.services):
        svc = f"svc{s:03d}"
        pkg = f"com.example.{svc}"
        base = f"services/{svc}"
        lines, seeds = java_handler(rng, pkg, "Handler", rng.random() < 0.5)
        repo.write(f"{base}/src/main/java/com/example/{svc}/Handler.java", lines, seeds)
        for i in range(8):
            repo.write(f"{base}/src/main/java/com/example/{svc}/Util{i}.java", plain_java(rng, pkg, f"Util{i}", i), [])
        lines, seeds = properties(rng, rng.random() < 0.3)
        repo.write(f"{base}/src/main/resources/application.properties", lines, seeds)
        lines, seeds = template(rng, svc.capitalize(), rng.random() < 0.3)
        repo.write(f"{base}/template.yaml", lines, seeds)
    with open(os.path.join(args.out, "expected.tsv"), "w") as f:
        f.write("path\tstart_line\tend_line\tclass\tnote\n")
        for row in sorted(repo.expected):
            f.write("\t".join(str(c) for c in row) + "\n")
    print(f"{args.services} services, {len(repo.expected)} seeded secrets")


if __name__ == "__main__":
    main()
