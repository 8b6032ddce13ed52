package dev.hushlint.rules.aws;

import dev.hushlint.rules.tree.Position;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A deployed Lambda function as an AWS CLI export or the live scan's inventory shows it. The same record
 * comes from both paths, so one set of rules judges both.
 *
 * @param region       from the ARN (arn:aws:lambda:REGION:…)
 * @param roleArn      the execution role, or "" when the export has none
 * @param kmsKeyArn    the customer managed key for the environment, or "" (AWS managed key)
 * @param environment  the variables in the order the file lists them
 * @param tags         resource tags, when the export has them (CloudFormation tags map it to a template)
 * @param position     where the function is named in its file (its FunctionName)
 * @param rolePosition where its Role is written
 */
public record LambdaFunction(String name, String arn, String region, String roleArn, String kmsKeyArn,
                             List<EnvironmentVariable> environment, SortedMap<String, String> tags,
                             Position position, Position rolePosition) {

    public static final String STACK_NAME_TAG = "aws:cloudformation:stack-name";
    public static final String LOGICAL_ID_TAG = "aws:cloudformation:logical-id";

    public LambdaFunction {
        Objects.requireNonNull(name, "name");
        arn = arn == null ? "" : arn;
        region = region == null || region.isEmpty() ? regionOf(arn) : region;
        roleArn = roleArn == null ? "" : roleArn;
        kmsKeyArn = kmsKeyArn == null ? "" : kmsKeyArn;
        environment = List.copyOf(environment);
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags == null ? Map.of() : tags));
        Objects.requireNonNull(position, "position");
        rolePosition = rolePosition == null ? position : rolePosition;
    }

    /** The region field of an ARN, or "" when it is not an ARN. */
    public static String regionOf(String arn) {
        if (arn == null) {
            return "";
        }
        String[] parts = arn.split(":", 6);
        return parts.length >= 6 && parts[0].equals("arn") ? parts[3] : "";
    }

    /** ARN when known, else the name: what identifies the function in messages and fingerprints. */
    public String identity() {
        return arn.isEmpty() ? name : arn;
    }

    public boolean hasCustomerManagedKey() {
        return !kmsKeyArn.isBlank();
    }

    /** The CloudFormation logical id of the resource that deployed it, when it carries the tags. */
    public Optional<String> cloudFormationLogicalId() {
        return Optional.ofNullable(tags.get(LOGICAL_ID_TAG)).filter(id -> !id.isBlank());
    }

    public Optional<String> cloudFormationStack() {
        return Optional.ofNullable(tags.get(STACK_NAME_TAG)).filter(id -> !id.isBlank());
    }

    public LambdaFunction withEnvironment(List<EnvironmentVariable> newEnvironment) {
        return new LambdaFunction(name, arn, region, roleArn, kmsKeyArn, newEnvironment, tags, position, rolePosition);
    }

    /** A short human description for messages: name and region. */
    public String describe() {
        return name + (region.isEmpty() ? "" : " (" + region + ")");
    }
}
