package dev.hushlint.rules.aws;

import dev.hushlint.rules.tree.Position;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An IAM role with its inline policies and the ARNs of its attached managed policies, as
 * {@code aws iam get-account-authorization-details} or the live scan's inventory shows it. A scan-wide
 * fact: Lambda functions join their role by ARN across files.
 */
public record IamRole(String arn, String name, List<IamPolicyDocument> inlinePolicies,
                      List<String> attachedPolicyArns, Path file, Position position) {

    public IamRole {
        Objects.requireNonNull(arn, "arn");
        name = name == null ? "" : name;
        inlinePolicies = List.copyOf(inlinePolicies);
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(position, "position");
    }
}
