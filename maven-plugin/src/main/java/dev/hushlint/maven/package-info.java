/**
 * The hushlint Maven plugin: goal {@code hushlint:check} ({@link dev.hushlint.maven.CheckMojo}), which scans
 * each module's own directory ({@link dev.hushlint.maven.ModuleScope}), writes SARIF and gates the build.
 * Integration tests: real Maven builds of the projects in {@code src/it/}.
 */
package dev.hushlint.maven;
