package dev.hushlint.rules.aws;

import dev.hushlint.rules.tree.Position;

import java.util.Objects;

/**
 * One Lambda environment variable. The value is a secret in transit: {@link #toString()} leaves it out.
 *
 * @param position where the variable is written (its value, or its name when the value is redacted away)
 */
public record EnvironmentVariable(String name, String value, Position position) {

    public EnvironmentVariable {
        Objects.requireNonNull(name, "name");
        value = value == null ? "" : value;
        Objects.requireNonNull(position, "position");
    }

    public EnvironmentVariable withValue(String newValue) {
        return new EnvironmentVariable(name, newValue, position);
    }

    @Override
    public String toString() {
        return "EnvironmentVariable[" + name + " at " + position.line() + "]";
    }
}
