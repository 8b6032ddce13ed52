package dev.hushlint.rules.java;

import java.util.List;

/**
 * One credential-taking parameter of a public API, as data.
 *
 * @param packages  packages the owner lives in (an explicit import of the same simple name from another
 *                  package rules the sink out)
 * @param owner     simple name of the class (for builders: the type the builder chain starts from)
 * @param method    method name, or {@code <init>} for a constructor
 * @param arity     number of arguments, or -1 for any
 * @param parameter 0-based index of the credential parameter
 * @param kind      what the parameter holds
 * @param label     what the parameter is called in messages ("password", "secret access key")
 */
public record CredentialSink(List<String> packages, String owner, String method, int arity, int parameter,
                             Kind kind, String label) {

    public enum Kind {
        /** a password or passphrase */
        PASSWORD,
        /** an API key, token, client secret or secret access key */
        SECRET,
        /** an AWS access key id: half of a static credential pair */
        ACCESS_KEY_ID,
        /** key material: HMAC/JWT signing keys, cipher keys, PBE passwords */
        CRYPTO_KEY,
        /** a connection string: a finding only when it holds a key or password part */
        CONNECTION_STRING,
        /** {@code "user:password"} in one string */
        USER_COLON_PASSWORD
    }

    /** A stable id for reports and tests: {@code Owner.method/arity#parameter}. */
    public String id() {
        return owner + "." + method + "/" + (arity < 0 ? "*" : String.valueOf(arity)) + "#" + parameter;
    }

    /** How messages name the API: {@code DriverManager.getConnection} or {@code new SecretKeySpec}. */
    public String display() {
        return method.equals("<init>") ? "new " + owner : owner + "." + method;
    }

    public boolean isCryptoKey() {
        return kind == Kind.CRYPTO_KEY;
    }
}
