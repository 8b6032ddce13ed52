package dev.hushlint.rules.iam;

import java.util.Optional;

/**
 * What a template knows about its own resources: the ARN pattern a {@code Ref}/{@code Fn::GetAtt} to a logical
 * id produces, so {@code !GetAtt Bucket.Arn} is judged an S3 ARN rather than an unknown single resource.
 * Values known only at deploy time go into the pattern as {@link #deployTime(String)} tokens.
 */
@FunctionalInterface
public interface ArnResolver {

    /** Knows nothing: every reference is one specific resource of unknown kind. */
    ArnResolver NONE = (logicalId, attribute) -> Optional.empty();

    /**
     * @param logicalId the referenced resource or parameter
     * @param attribute the {@code GetAtt} attribute, or null for {@code Ref}
     */
    Optional<String> arnOf(String logicalId, String attribute);

    /** A token for a value known only at deploy time; it matches no wildcard and names one resource. */
    static String deployTime(String what) {
        return ResourcePattern.opaque(what);
    }
}
