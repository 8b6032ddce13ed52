package dev.hushlint.engine.suppress;

import java.util.List;

/**
 * Finds inline suppression markers in one input: comments in any text file (the engine's
 * {@link CommentSuppressor}), annotations in a parsed Java file (the rules module's). Registered with the
 * {@link dev.hushlint.engine.RuleSet}; the scanner calls each on every file it reads, and
 * {@link InlineSuppressions} matches the markers against the merged findings. Stateless.
 *
 * @param <I> the input kind it reads, as for a rule
 */
public interface Suppressor<I> {

    Class<I> inputType();

    List<SuppressionMarker> markers(I input);
}
