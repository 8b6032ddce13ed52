package dev.hushlint.engine;

import java.util.List;

/**
 * The first pass: collects scan-wide facts (constants across Java files, class hierarchy, IAM roles and
 * policies from exports) that rules read through {@link ScanContext#facts(FactKey)}. Stateless.
 */
public interface Indexer<I> {

    Class<I> inputType();

    List<Fact<?>> index(I input);
}
