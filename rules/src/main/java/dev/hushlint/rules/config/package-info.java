/**
 * Configuration-file rules. {@link dev.hushlint.rules.config.ConfigHardcodedCredential} reads each supported
 * format into key/value entries with their lines ({@code LineEntries} for properties, {@code .env},
 * {@code .npmrc} and Dockerfiles; {@code StructuredEntries} for YAML and JSON through Jackson's streaming
 * parsers; {@code XmlEntries} through StAX with DTDs and external entities off), then judges every entry with
 * the shared vocabulary ({@link dev.hushlint.rules.secret.SecretNames}) and value judgements
 * ({@link dev.hushlint.rules.secret.CredentialValues}).
 */
package dev.hushlint.rules.config;
