package dev.hushlint.rules.java;

import dev.hushlint.engine.TextFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Not a test: prints how many files the lexical prefilter lets through, and how long it takes. */
public final class PrefilterProbe {
    private PrefilterProbe() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        java.util.Map<Path, String> texts = new java.util.LinkedHashMap<>();
        for (Path p : files) {
            texts.put(p, Files.readString(p));
        }
        for (int warm = 0; warm < 3; warm++) {
            long t0 = System.nanoTime();
            long nl = 0;
            for (String t : texts.values()) {
                char[] a = t.toCharArray();
                for (char c : a) {
                    if (c == '\n') {
                        nl++;
                    }
                }
            }
            System.out.println("calibration newlines=" + nl + " ms=" + (System.nanoTime() - t0) / 1_000_000);
        }
        for (int warm = 0; warm < 2; warm++) {
            long t0 = System.nanoTime();
            for (String t : texts.values()) {
                JavaLexicon.of(t);
            }
            System.out.println("pass ms=" + (System.nanoTime() - t0) / 1_000_000);
        }
        long start = System.nanoTime();
        int cred = 0;
        int url = 0;
        for (Path p : files) {
            JavaLexicon lex = JavaLexicon.of(texts.get(p));
            if (lex.mayHoldCredential()) {
                cred++;
                if (args.length > 1) {
                    System.out.println("C " + p + " " + lex.reason());
                }
            }
            if (lex.mayHoldUrlCredential()) {
                url++;
                if (args.length > 1) {
                    System.out.println("U " + p);
                }
            }
        }
        System.out.println("files=" + files.size() + " credential-candidates=" + cred + " url-candidates=" + url
                + " ms=" + (System.nanoTime() - start) / 1_000_000);
    }
}
