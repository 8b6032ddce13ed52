package dev.hushlint.engine;

import java.util.Objects;

/** One scan-wide fact under a typed key. */
public record Fact<T>(FactKey<T> key, T value) {

    public Fact {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (!key.type().isInstance(value)) {
            throw new IllegalArgumentException("fact " + key.name() + " expects " + key.type().getName());
        }
    }
}
