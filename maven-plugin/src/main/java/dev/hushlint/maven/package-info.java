/** The hushlint Maven plugin (goal {@code check}); built by its own issue. */
package dev.hushlint.maven;
