package dev.hushlint.rules.iam;

import java.util.List;

/**
 * A parsed policy document: its statements, and where it comes from.
 *
 * @param source what the document is, for messages: {@code "inline policy ReadSecrets"},
 *               {@code "managed policy AdministratorAccess"}
 */
public record PolicyDocument(String source, List<Statement> statements) {

    public PolicyDocument {
        statements = List.copyOf(statements);
    }
}
