package dev.hushlint.rules.iam;

/** What a grant lets a principal do with secrets. */
public enum SecretCapability {
    /** Read a secret's value: {@code secretsmanager:GetSecretValue}, {@code ssm:GetParameter}, {@code kms:Decrypt} … */
    READ,
    /** Change, replace, delete or re-permission a secret: {@code secretsmanager:PutSecretValue}, {@code DeleteSecret} … */
    MANAGE
}
