package dev.hushlint.rules.aws;

import dev.hushlint.rules.tree.Position;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A managed policy and its default version's document (only the default version grants anything).
 *
 * @param defaultVersion the default version's document, or null when the export does not carry it
 */
public record ManagedPolicy(String arn, String name, String defaultVersionId, IamPolicyDocument defaultVersion,
                            Path file, Position position) {

    public ManagedPolicy {
        Objects.requireNonNull(arn, "arn");
        name = name == null ? "" : name;
        defaultVersionId = defaultVersionId == null ? "" : defaultVersionId;
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(position, "position");
    }

    public Optional<IamPolicyDocument> document() {
        return Optional.ofNullable(defaultVersion);
    }
}
