package dev.hushlint.rules.aws;

import dev.hushlint.rules.tree.Node;
import dev.hushlint.rules.tree.Position;

import java.util.Objects;

/**
 * A named IAM policy document as it was found: an inline role policy or a managed policy's default version.
 *
 * @param name     the inline policy's name, or the managed policy's name
 * @param document the parsed document (decoded when it came URL-encoded)
 * @param position where the policy is written in its file
 */
public record IamPolicyDocument(String name, Node document, Position position) {

    public IamPolicyDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(position, "position");
    }
}
