package dev.hushlint.rules.java;

import dev.hushlint.engine.FactKey;
import dev.hushlint.engine.Location;

/**
 * A {@code static final String NAME = "…";} constant found lexically in some file of the scan: the whole-scan
 * constant table that lets a literal in one file reach a credential API in another.
 *
 * @param packageName the file's package, or "" for the default package
 * @param owner       the file's top-level type (its file name without {@code .java})
 * @param name        the constant's name
 * @param value       the literal's value, unescaped
 * @param location    where the literal is
 */
public record JavaConstant(String packageName, String owner, String name, String value, Location location) {

    public static final FactKey<JavaConstant> KEY = new FactKey<>("java/string-constant", JavaConstant.class);

    /** {@code com.acme.Constants#DB_PASSWORD}: a logical position free of line numbers and values. */
    public String logicalPosition() {
        return (packageName.isEmpty() ? "" : packageName + ".") + owner + "#" + name;
    }

    @Override
    public String toString() {
        return "JavaConstant[" + logicalPosition() + "]";
    }
}
