package dev.hushlint.rules.java;

import com.github.javaparser.ast.CompilationUnit;
import dev.hushlint.engine.Finding;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.RuleResult;
import dev.hushlint.engine.ScanContext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the three literal rules ({@code java/hardcoded-credential}, {@code java/hardcoded-crypto-key},
 * {@code java/credential-in-url}) share, in two phases so that most files are never parsed:
 * <ol>
 *   <li>{@link JavaLexicon}: one linear pass over the characters (comments, strings and text blocks
 *       understood) decides whether a credential can stand next to a literal;</li>
 *   <li>only then the file is parsed, and one {@link CredentialFinder} walk (kept on the {@link JavaSource}
 *       for the three rules) follows literals through constants ({@link ConstantEvaluator}, with the
 *       scan-wide table of {@link JavaConstantIndexer}) into the sink catalogue ({@link CredentialSinks}),
 *       secret-named names, credential keys, lookups' fallbacks, comparisons, annotations and URLs.</li>
 * </ol>
 */
final class CredentialRuleSupport {

    private CredentialRuleSupport() {
    }

    static JavaLexicon lexicon(JavaSource source) {
        return source.derived("JavaLexicon", s -> JavaLexicon.of(s.file().text()));
    }

    static RuleResult check(RuleInfo info, JavaSource source, ScanContext context, boolean candidate) {
        if (!candidate) {
            return RuleResult.NONE;
        }
        Optional<CompilationUnit> unit = source.unit();
        if (unit.isEmpty()) {
            return RuleResult.of(source.parseFailure());
        }
        List<CredentialHit> hits = source.derived("CredentialFinder",
                s -> CredentialFinder.find(unit.get(), s.file(), context));
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CredentialHit hit : hits) {
            if (!hit.ruleId().equals(info.id())) {
                continue;
            }
            // one literal, one finding: the first (sink) explanation wins over the name-based one
            String key = hit.location().file() + "\0" + hit.location().startLine() + "\0" + hit.location().startColumn()
                    + "\0" + hit.secret();
            if (!seen.add(key)) {
                continue;
            }
            Finding.Builder b = Finding.builder(info)
                    .location(hit.location())
                    .logicalPosition(hit.logicalPosition())
                    .message(hit.message())
                    .secret(hit.secret());
            if (hit.sink() != null) {
                b.property("sink", hit.sink());
            }
            findings.add(b.build());
        }
        return RuleResult.of(findings);
    }
}
