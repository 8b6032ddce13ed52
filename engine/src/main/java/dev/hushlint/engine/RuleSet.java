package dev.hushlint.engine;

import dev.hushlint.engine.suppress.CommentSuppressor;
import dev.hushlint.engine.suppress.Suppressor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the engine runs: readers, indexers and rules, registered explicitly, and the finders of inline
 * suppression markers. Rules are kept sorted by id; ids must be unique.
 */
public final class RuleSet {

    private final List<InputReader<?>> readers;
    private final List<Indexer<?>> indexers;
    private final List<Rule<?>> rules;
    private final List<Suppressor<?>> suppressors;
    private final boolean inlineSuppressions;

    public RuleSet(List<? extends InputReader<?>> readers, List<? extends Indexer<?>> indexers,
                   List<? extends Rule<?>> rules) {
        this(readers, indexers, rules, List.of(new CommentSuppressor()), true);
    }

    /**
     * @param suppressors        finders of inline suppression markers (comments, Java annotations)
     * @param inlineSuppressions false when inline suppressions are forbidden ({@code --no-inline-ignores}):
     *                           no marker is looked for, and suppressions rules attach are dropped
     */
    public RuleSet(List<? extends InputReader<?>> readers, List<? extends Indexer<?>> indexers,
                   List<? extends Rule<?>> rules, List<? extends Suppressor<?>> suppressors,
                   boolean inlineSuppressions) {
        this.suppressors = List.copyOf(suppressors);
        this.inlineSuppressions = inlineSuppressions;
        this.readers = List.copyOf(readers);
        this.indexers = List.copyOf(indexers);
        List<Rule<?>> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(r -> r.info().id()));
        Set<String> seen = new HashSet<>();
        for (Rule<?> rule : sorted) {
            if (!seen.add(rule.info().id())) {
                throw new IllegalArgumentException("duplicate rule id " + rule.info().id());
            }
        }
        this.rules = List.copyOf(sorted);
    }

    public List<InputReader<?>> readers() {
        return readers;
    }

    public List<Indexer<?>> indexers() {
        return indexers;
    }

    public List<Rule<?>> rules() {
        return rules;
    }

    /** The marker finders to run: none when inline suppressions are forbidden. */
    public List<Suppressor<?>> suppressors() {
        return inlineSuppressions ? suppressors : List.of();
    }

    public boolean inlineSuppressions() {
        return inlineSuppressions;
    }

    /** The same rule set with inline suppressions forbidden or allowed (and its suppressors kept). */
    public RuleSet withInlineSuppressions(boolean allowed) {
        return new RuleSet(readers, indexers, rules, suppressors, allowed);
    }

    /** The same readers, indexers and suppressors with more rules (custom rules from configuration). */
    public RuleSet withRules(List<? extends Rule<?>> extra) {
        List<Rule<?>> all = new ArrayList<>(rules);
        all.addAll(extra);
        return new RuleSet(readers, indexers, all, suppressors, inlineSuppressions);
    }

    public List<RuleInfo> infos() {
        return rules.stream().map(Rule::info).toList();
    }

    public Optional<Rule<?>> rule(String id) {
        return rules.stream().filter(r -> r.info().id().equals(id)).findFirst();
    }

    /** A rule set with only the rules the predicate keeps (readers and indexers stay). */
    public RuleSet filter(java.util.function.Predicate<RuleInfo> keep) {
        return new RuleSet(readers, indexers, rules.stream().filter(r -> keep.test(r.info())).toList(),
                suppressors, inlineSuppressions);
    }
}
