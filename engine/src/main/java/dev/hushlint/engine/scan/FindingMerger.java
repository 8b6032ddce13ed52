package dev.hushlint.engine.scan;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Redaction;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.RuleInfo;
import dev.hushlint.engine.Severity;
import dev.hushlint.engine.TextFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns raw rule output into a report: one literal, one finding; every secret masked wherever text is
 * shown; findings sorted; stable fingerprints assigned.
 */
public final class FindingMerger {

    /** Snippets longer than this are cut, so a minified file does not put a megabyte line in a report. */
    static final int MAX_SNIPPET = 240;

    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::logicalPosition)
            .thenComparing(Finding::message);

    private FindingMerger() {
    }

    public static Report merge(List<RuleInfo> rules, List<Finding> raw, List<Notification> notifications,
                               Path baseDir, int filesScanned, int filesSkipped, Map<Path, TextFile> texts) {
        Map<String, RuleInfo> byId = new HashMap<>();
        rules.forEach(r -> byId.put(r.id(), r));
        List<Finding> merged = deduplicate(raw, byId);
        Set<String> secrets = new TreeSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
        for (Finding f : raw) {
            if (f.secret() != null && !f.secret().isEmpty()) {
                secrets.add(f.secret());
            }
        }
        Map<Path, List<String>> secretsByFile = new HashMap<>();
        for (Finding f : raw) {
            if (f.secret() != null && !f.secret().isEmpty()) {
                secretsByFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(f.secret());
            }
        }
        List<Finding> redacted = new ArrayList<>(merged.size());
        for (Finding f : merged) {
            List<String> fileSecrets = secretsByFile.getOrDefault(f.location().file(), List.of());
            redacted.add(redact(f, fileSecrets, texts.get(f.location().file())));
        }
        redacted.sort(ORDER);
        List<Finding> fingerprinted = fingerprint(redacted, baseDir);

        List<Notification> masked = new ArrayList<>();
        for (Notification n : new TreeSet<>(notifications)) {
            String message = maskAll(n.message(), secrets);
            masked.add(message.equals(n.message()) ? n : new Notification(n.level(), n.code(), n.file(), n.line(), message));
        }
        return new Report(fingerprinted, masked, rules, baseDir, Report.ToolInfo.hushlint(), filesScanned, filesSkipped);
    }

    /**
     * When several rules report the same value at the same place, keep one finding: a context-aware rule over
     * a generic one, then the higher severity, then the smaller rule id. It takes the highest severity of
     * the group and lists the other rule ids.
     */
    static List<Finding> deduplicate(List<Finding> findings, Map<String, RuleInfo> rules) {
        Map<String, List<Finding>> byLine = new LinkedHashMap<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.secret() == null || f.secret().isEmpty()) {
                out.add(f);
            } else {
                byLine.computeIfAbsent(f.location().file() + "\0" + f.location().startLine(), k -> new ArrayList<>()).add(f);
            }
        }
        Comparator<Finding> preference = Comparator
                .comparing((Finding f) -> isGeneric(f, rules))
                .thenComparing(Finding::severity)
                .thenComparing(Finding::ruleId);
        for (List<Finding> group : byLine.values()) {
            List<Finding> sorted = new ArrayList<>(group);
            sorted.sort(preference);
            List<Finding> kept = new ArrayList<>();
            for (Finding candidate : sorted) {
                int target = -1;
                for (int i = 0; i < kept.size(); i++) {
                    if (sameValue(kept.get(i), candidate)) {
                        target = i;
                        break;
                    }
                }
                if (target < 0) {
                    kept.add(candidate);
                    continue;
                }
                Finding winner = kept.get(target);
                if (winner.ruleId().equals(candidate.ruleId())) {
                    // the same rule twice on one value: keep one
                    continue;
                }
                Set<String> ids = new HashSet<>(winner.alsoMatched());
                ids.addAll(candidate.allRuleIds());
                ids.remove(winner.ruleId());
                Severity severity = Severity.max(winner.severity(), candidate.severity());
                kept.set(target, winner.withAlsoMatched(ids).withSeverity(severity));
            }
            out.addAll(kept);
        }
        return out;
    }

    private static boolean isGeneric(Finding f, Map<String, RuleInfo> rules) {
        RuleInfo info = rules.get(f.ruleId());
        return info != null && info.generic();
    }

    private static boolean sameValue(Finding a, Finding b) {
        String x = a.secret();
        String y = b.secret();
        return x.contains(y) || y.contains(x);
    }

    private static Finding redact(Finding f, List<String> fileSecrets, TextFile text) {
        List<String> secrets = new ArrayList<>(fileSecrets);
        if (f.secret() != null && !f.secret().isEmpty()) {
            secrets.add(f.secret());
        }
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        Finding out = f.withMessage(maskAll(f.message(), secrets));
        Map<String, String> props = new TreeMap<>();
        f.properties().forEach((k, v) -> props.put(k, maskAll(v, secrets)));
        out = out.withProperties(props);
        if (text != null && f.location().startLine() <= text.lineCount()) {
            out = out.withSnippet(snippet(f, text, secrets));
        }
        return out;
    }

    /** The finding's first line with its own region masked (when it carries a secret) and every known secret masked. */
    static String snippet(Finding f, TextFile text, List<String> secrets) {
        String line = text.line(f.location().startLine());
        if (f.secret() != null && !f.secret().isEmpty()) {
            int from = Math.min(line.length(), f.location().startColumn() - 1);
            int to = f.location().endLine() == f.location().startLine()
                    ? Math.min(line.length(), Math.max(from, f.location().endColumn() - 1))
                    : line.length();
            if (to > from) {
                line = line.substring(0, from) + Redaction.mask(line.substring(from, to)) + line.substring(to);
            }
        }
        line = maskAll(line, secrets);
        if (line.length() > MAX_SNIPPET) {
            line = line.substring(0, MAX_SNIPPET) + "…";
        }
        return line.strip();
    }

    /**
     * Masks each secret in {@code text}, and each line of a multi-line secret, so a PEM key split over
     * lines does not show through a one-line snippet.
     */
    static String maskAll(String text, Iterable<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = Redaction.maskIn(out, secret);
            if (secret.indexOf('\n') >= 0 || secret.indexOf('\r') >= 0) {
                for (String piece : secret.split("\\R")) {
                    if (piece.strip().length() >= 6) {
                        out = Redaction.maskIn(out, piece.strip());
                    }
                }
            }
        }
        return out;
    }

    /**
     * Fingerprint = hash(rule, path, logical position) + occurrence index among findings that share them.
     * No line number and nothing of the secret, so it survives edits elsewhere in the file.
     */
    static List<Finding> fingerprint(List<Finding> sorted, Path baseDir) {
        Map<String, Integer> occurrences = new HashMap<>();
        List<Finding> out = new ArrayList<>(sorted.size());
        for (Finding f : sorted) {
            String key = f.ruleId() + "\0" + PathDisplay.of(baseDir, f.location().file()) + "\0" + f.logicalPosition();
            int n = occurrences.merge(key, 1, Integer::sum);
            out.add(f.withFingerprint(sha256Hex(key).substring(0, 32) + ":" + n));
        }
        return out;
    }

    static String sha256Hex(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
