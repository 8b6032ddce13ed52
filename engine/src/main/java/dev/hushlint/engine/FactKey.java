package dev.hushlint.engine;

/** A typed key for scan-wide facts; compare by identity of name and type. */
public record FactKey<T>(String name, Class<T> type) {

    public Fact<T> of(T value) {
        return new Fact<>(this, value);
    }
}
