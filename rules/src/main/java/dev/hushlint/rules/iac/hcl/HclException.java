package dev.hushlint.rules.iac.hcl;

import dev.hushlint.engine.InputException;

/**
 * A Terraform file that is not valid HCL, or is beyond the reader's limits. The message never quotes the
 * content of a string, heredoc or identifier (any of them could be a secret); it names the construct and
 * the line.
 */
public final class HclException extends InputException {

    private static final long serialVersionUID = 1L;

    public HclException(String message, int line) {
        super(message, line);
    }
}
