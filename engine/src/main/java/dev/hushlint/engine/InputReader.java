package dev.hushlint.engine;

/**
 * Turns a text file into a parsed input. Readers know their formats; the engine knows none.
 * Positions stay beside the parsed data (never written into it).
 */
public interface InputReader<I> {

    Class<I> inputType();

    /** A cheap test on the name and, where needed, the first bytes of content. */
    boolean accepts(TextFile file);

    /**
     * Parses the file. Returns {@code null} when the content turns out not to be this kind after all
     * (e.g. a JSON file that is not a CloudFormation template).
     *
     * @throws InputException when the file is of this kind but cannot be parsed: it becomes a tool
     *                        notification, and the file is still scanned by the text rules
     */
    I read(TextFile file) throws InputException;
}
