package dev.hushlint.rules.secret;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Rule;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.Severity;
import dev.hushlint.engine.TextFile;

import java.util.ArrayList;
import java.util.List;

/** A provider token of known format anywhere in any text file, comments included. */
public final class KnownFormatSecret implements Rule<TextFile> {

    public static final RuleInfo INFO = RuleInfo.builder("secret/known-format")
            .name("KnownFormatSecret")
            .severity(Severity.CRITICAL)
            .summary("A provider token, key or private key of known format is written in a file")
            .help("""
                    A credential of a recognisable format (AWS access key, GitHub or Slack token, Stripe secret key, \
                    PEM private key …) is stored in the repository. Anyone who can read the repository, a build \
                    log or a package can use it.

                    **Fix:** revoke and rotate the credential first — removing it from the file does not remove it \
                    from history. Then load it at runtime from AWS Secrets Manager or Parameter Store (cached \
                    outside the Lambda handler), or use the execution role instead of static keys.

                    Bad:
                    ```properties
                    github.token=ghp_…   # a live 40-character token, shortened here
                    ```
                    Good:
                    ```properties
                    github.token=${GITHUB_TOKEN}
                    ```
                    Vendors' documentation examples (`AKIAIOSFODNN7EXAMPLE`) and placeholders are not reported.""")
            .cwe(798)
            .precision("very-high")
            .generic()
            .build();

    private final SecretDetector detector;

    public KnownFormatSecret() {
        this(SecretDetector.standard());
    }

    public KnownFormatSecret(SecretDetector detector) {
        this.detector = detector;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<TextFile> inputType() {
        return TextFile.class;
    }

    @Override
    public RuleResult check(TextFile file, ScanContext context) {
        List<Finding> findings = new ArrayList<>();
        // javac reads unicode escapes before anything else, so a token may be spelled \u0041KIA… in a .java file
        JavaUnicodeEscapes escapes = file.fileName().endsWith(".java") ? JavaUnicodeEscapes.translate(file.text()) : null;
        String text = escapes == null ? file.text() : escapes.text();
        for (SecretMatch m : detector.find(text)) {
            int start = escapes == null ? m.start() : escapes.rawOffset(m.start());
            int end = escapes == null ? m.end() : escapes.rawOffset(m.end());
            Finding.Builder finding = Finding.builder(INFO)
                    .location(file.location(start, end))
                    .logicalPosition(m.pattern().id())
                    .message(m.pattern().description() + " found in " + file.fileName())
                    .secret(m.value())
                    .property("pattern", m.pattern().id());
            if (m.checksumValid()) {
                finding.property("checksum", "valid"); // the provider's published checksum confirms the format
            }
            findings.add(finding.build());
        }
        return RuleResult.of(findings);
    }
}
