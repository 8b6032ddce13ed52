package dev.hushlint.rules.config;

/**
 * One key and its literal value in a configuration file.
 *
 * @param key   the key as the file names it (a property key, a YAML/JSON path, an element or variable name)
 * @param name  the word that says what the value is (the last path segment, the variable name)
 * @param value the value, unquoted and unescaped
 * @param line  1-based line of the value
 */
record ConfigEntry(String key, String name, String value, int line) {

    @Override
    public String toString() {
        return "ConfigEntry[" + key + " line " + line + "]";
    }
}
