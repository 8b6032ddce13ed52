package dev.hushlint.rules.java;

import dev.hushlint.engine.InputReader;
import dev.hushlint.engine.TextFile;

/** {@code *.java} files, as lazily parsed {@link JavaSource}s. */
public final class JavaSourceReader implements InputReader<JavaSource> {

    @Override
    public Class<JavaSource> inputType() {
        return JavaSource.class;
    }

    @Override
    public boolean accepts(TextFile file) {
        return file.extension().equals("java");
    }

    @Override
    public JavaSource read(TextFile file) {
        return new JavaSource(file);
    }
}
