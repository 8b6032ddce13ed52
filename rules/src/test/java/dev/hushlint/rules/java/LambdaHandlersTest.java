package dev.hushlint.rules.java;

import dev.hushlint.engine.Fact;
import dev.hushlint.engine.FactKey;
import dev.hushlint.engine.ScanContext;
import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.java.flow.LexicalJava;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaHandlersTest {

    @Test
    void lexicalHeadersSkipGenericsRecordComponentsAndBounds() {
        List<LexicalJava.TypeHeader> headers = LexicalJava.typeHeaders("""
                package p;
                public final class A<T extends Comparable<T>> extends com.x.Base<Map<String, T>>
                        implements RequestHandler<Map<String, Object>, String>, java.io.Serializable {
                    <U extends Number> void m(List<? extends U> xs) { }
                    record R(String a, int b) implements Runnable { public void run() { } }
                    interface I extends RequestStreamHandler, AutoCloseable { }
                    enum E implements Supplier<String> { X; public String get() { return ""; } }
                    class Plain { }
                }
                """);
        assertThat(headers).extracting(LexicalJava.TypeHeader::simpleName).containsExactlyInAnyOrder("A", "R", "I", "E");
        assertThat(headers).filteredOn(h -> h.simpleName().equals("A")).singleElement()
                .satisfies(h -> assertThat(h.supertypes()).containsExactly("Base", "RequestHandler", "Serializable"));
        assertThat(headers).filteredOn(h -> h.simpleName().equals("I")).singleElement()
                .satisfies(h -> assertThat(h.supertypes()).containsExactly("RequestStreamHandler", "AutoCloseable"));
    }

    @Test
    void hierarchyIsClosedAcrossFilesIncludingInterfaces() {
        LambdaHandlers indexer = new LambdaHandlers();
        List<LambdaHandlers.TypeEdge> edges = new ArrayList<>();
        for (String src : List.of(
                "package a; public interface ApiFunction extends RequestHandler<String, String> { }",
                "package a; public abstract class Base implements ApiFunction { }",
                "package b; public class Leaf extends a.Base { }",
                "package b; public class Other extends Thread { }")) {
            for (Fact<?> fact : indexer.index(new JavaSource(TextFile.of("X.java", src)))) {
                edges.add((LambdaHandlers.TypeEdge) fact.value());
            }
        }
        assertThat(edges).extracting(LambdaHandlers.TypeEdge::qualifiedName).containsExactly("a.ApiFunction", "a.Base", "b.Leaf", "b.Other");
        ScanContext context = new ScanContext() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<T> facts(FactKey<T> key) {
                return key.equals(LambdaHandlers.TYPES) ? (List<T>) edges : List.of();
            }

            @Override
            public Path baseDir() {
                return Path.of("");
            }
        };
        assertThat(LambdaHandlers.handlerTypes(context)).containsExactlyInAnyOrder("ApiFunction", "Base", "Leaf");
        assertThat(LambdaHandlers.couldDeclareHandler("class Z extends Leaf { }", context)).isTrue();
        assertThat(LambdaHandlers.couldDeclareHandler("class Z implements ApiFunction { }", context)).isTrue();
        assertThat(LambdaHandlers.couldDeclareHandler("class Z extends Other { }", context)).isFalse();
        assertThat(LambdaHandlers.couldDeclareHandler("class Z extends Other { }", ScanContext.empty(Path.of("")))).isFalse();
    }

    @Test
    void filesWithoutSupertypesGiveNoFacts() {
        assertThat(new LambdaHandlers().index(new JavaSource(TextFile.of("X.java", "class A { }")))).isEmpty();
    }
}
