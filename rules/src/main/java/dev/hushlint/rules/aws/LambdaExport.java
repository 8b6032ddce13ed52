package dev.hushlint.rules.aws;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The Lambda functions one file describes: an {@code aws lambda list-functions} or
 * {@code get-function-configuration} export, or the inventory a live scan writes. Positions of the
 * functions point into {@code file}.
 */
public record LambdaExport(Path file, List<LambdaFunction> functions) {

    public LambdaExport {
        Objects.requireNonNull(file, "file");
        functions = List.copyOf(functions);
    }
}
