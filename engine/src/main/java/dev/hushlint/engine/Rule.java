package dev.hushlint.engine;

/**
 * One check. A rule holds no mutable state: it reads one input of the kind it declares, consults the
 * read-only scan context, and returns what it found. It reports nothing on the side.
 *
 * @param <I> the input kind it reads: {@link TextFile} for every file, or a parsed kind that a registered
 *            {@link InputReader} produces (a Java compilation unit, a template, a Lambda function record)
 */
public interface Rule<I> {

    RuleInfo info();

    Class<I> inputType();

    RuleResult check(I input, ScanContext context);
}
