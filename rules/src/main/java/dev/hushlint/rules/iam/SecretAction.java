package dev.hushlint.rules.iam;

import java.util.List;
import java.util.Locale;

/**
 * The catalogue of IAM actions that read or manage secret material, each with the kind of resource it acts
 * on. Metadata-only actions ({@code secretsmanager:ListSecrets}, {@code DescribeSecret},
 * {@code GetRandomPassword}, {@code ssm:DescribeParameters}) are deliberately absent: they reveal no value.
 *
 * @param name       {@code service:Action}, as AWS spells it
 * @param capability read or manage
 * @param family     the resource the action is authorised on
 */
public record SecretAction(String name, SecretCapability capability, ResourceFamily family) {

    /** The resources that hold secret material, with their ARN shapes. */
    public enum ResourceFamily {
        SECRET("secretsmanager", "arn:aws:secretsmanager:*:*:secret:*",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:qz7probe-Ab12Cd",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:Kx3/probe/name-Zz99Yy"),
        PARAMETER("ssm", "arn:aws:ssm:*:*:parameter/*",
                "arn:aws:ssm:us-east-1:123456789012:parameter/qz7probe",
                "arn:aws:ssm:us-east-1:123456789012:parameter/Kx3/probe/name"),
        KEY("kms", "arn:aws:kms:*:*:key/*",
                "arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
                "arn:aws:kms:us-east-1:123456789012:key/mrk-9e8d7c6b5a4f3e2d1c0b");

        private final String service;
        private final String pattern;
        private final List<String> probes;

        ResourceFamily(String service, String pattern, String... probes) {
            this.service = service;
            this.pattern = pattern;
            this.probes = List.of(probes);
        }

        public String service() {
            return service;
        }

        /** Every ARN of this family, as an IAM pattern. */
        public String pattern() {
            return pattern;
        }

        /** Concrete ARNs of arbitrary members, in the normalised partition, region and account. */
        List<String> probes() {
            return probes;
        }
    }

    private static final List<SecretAction> ALL = List.of(
            read("secretsmanager:GetSecretValue", ResourceFamily.SECRET),
            read("secretsmanager:BatchGetSecretValue", ResourceFamily.SECRET),
            manage("secretsmanager:CancelRotateSecret", ResourceFamily.SECRET),
            manage("secretsmanager:CreateSecret", ResourceFamily.SECRET),
            manage("secretsmanager:DeleteResourcePolicy", ResourceFamily.SECRET),
            manage("secretsmanager:DeleteSecret", ResourceFamily.SECRET),
            manage("secretsmanager:PutResourcePolicy", ResourceFamily.SECRET),
            manage("secretsmanager:PutSecretValue", ResourceFamily.SECRET),
            manage("secretsmanager:RemoveRegionsFromReplication", ResourceFamily.SECRET),
            manage("secretsmanager:ReplicateSecretToRegions", ResourceFamily.SECRET),
            manage("secretsmanager:RestoreSecret", ResourceFamily.SECRET),
            manage("secretsmanager:RotateSecret", ResourceFamily.SECRET),
            manage("secretsmanager:StopReplicationToReplica", ResourceFamily.SECRET),
            manage("secretsmanager:UpdateSecret", ResourceFamily.SECRET),
            manage("secretsmanager:UpdateSecretVersionStage", ResourceFamily.SECRET),
            read("ssm:GetParameter", ResourceFamily.PARAMETER),
            read("ssm:GetParameters", ResourceFamily.PARAMETER),
            read("ssm:GetParametersByPath", ResourceFamily.PARAMETER),
            read("ssm:GetParameterHistory", ResourceFamily.PARAMETER),
            manage("ssm:DeleteParameter", ResourceFamily.PARAMETER),
            manage("ssm:DeleteParameters", ResourceFamily.PARAMETER),
            manage("ssm:LabelParameterVersion", ResourceFamily.PARAMETER),
            manage("ssm:PutParameter", ResourceFamily.PARAMETER),
            read("kms:Decrypt", ResourceFamily.KEY),
            manage("kms:CreateGrant", ResourceFamily.KEY),
            manage("kms:PutKeyPolicy", ResourceFamily.KEY),
            manage("kms:ScheduleKeyDeletion", ResourceFamily.KEY));

    /** Every catalogued action, in a fixed order. */
    public static List<SecretAction> catalogue() {
        return ALL;
    }

    /** Catalogued actions of one service ({@code secretsmanager}, {@code ssm}, {@code kms}). */
    public static List<SecretAction> ofService(String service) {
        return ALL.stream().filter(a -> a.family.service().equals(service)).toList();
    }

    /** Does an IAM action pattern ({@code secretsmanager:Get*}, {@code *}, {@code *:*}) cover this action? */
    public boolean matchedBy(String actionPattern) {
        return Glob.matches(actionPattern.strip(), name, true);
    }

    public String service() {
        return name.substring(0, name.indexOf(':')).toLowerCase(Locale.ROOT);
    }

    private static SecretAction read(String name, ResourceFamily family) {
        return new SecretAction(name, SecretCapability.READ, family);
    }

    private static SecretAction manage(String name, ResourceFamily family) {
        return new SecretAction(name, SecretCapability.MANAGE, family);
    }
}
