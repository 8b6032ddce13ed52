package dev.hushlint.maven;

import dev.hushlint.engine.scan.FileWalker;
import dev.hushlint.engine.scan.ScanRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModuleScopeTest {

    @TempDir
    Path top;

    private Path file(String relative) throws IOException {
        Path p = top.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x\n");
        return p;
    }

    private List<String> scanned(ModuleScope scope) {
        ScanRequest request = scope.request(1);
        return new FileWalker(request).walk().files().stream()
                .map(f -> top.relativize(f).toString().replace('\\', '/')).toList();
    }

    @Test
    void aParentLeavesOutItsChildModulesAndItsBuildDirectory() throws IOException {
        file("pom.xml");
        file("config/deploy.env");
        file("service-a/pom.xml");
        file("libs/README.md");
        file("libs/lib-b/pom.xml");
        file("out/generated.txt");
        ModuleScope parent = new ModuleScope(top, top, List.of(top.resolve("service-a"), top.resolve("libs/lib-b")),
                List.of(top.resolve("out")), List.of(), List.of());
        assertThat(scanned(parent)).containsExactly("config/deploy.env", "libs/README.md", "pom.xml");

        ModuleScope child = new ModuleScope(top.resolve("libs/lib-b"), top, List.of(), List.of(), List.of(), List.of());
        assertThat(scanned(child)).containsExactly("libs/lib-b/pom.xml");
    }

    @Test
    void userExcludesAndIncludesAreRelativeToTheModule() throws IOException {
        file("mod/src/main/resources/app.properties");
        file("mod/src/test/resources/fixtures/keys.properties");
        file("mod/src/main/java/A.java");
        Path module = top.resolve("mod");
        ModuleScope excluding = new ModuleScope(module, top, List.of(), List.of(), List.of(),
                List.of("src/test/resources/fixtures/**"));
        assertThat(scanned(excluding)).containsExactly("mod/src/main/java/A.java", "mod/src/main/resources/app.properties");

        ModuleScope including = new ModuleScope(module, top, List.of(), List.of(), List.of("**/*.properties"), List.of());
        assertThat(scanned(including)).containsExactly("mod/src/main/resources/app.properties",
                "mod/src/test/resources/fixtures/keys.properties");
    }

    @Test
    void globCharactersInModulePathsAreTakenLiterally() throws IOException {
        file("a[1]/x.txt");
        file("a[1]/child/y.txt");
        file("a1/child/z.txt");
        ModuleScope scope = new ModuleScope(top.resolve("a[1]"), top, List.of(top.resolve("a[1]/child")), List.of(),
                List.of(), List.of());
        assertThat(scope.engineExcludes()).containsExactly("a\\[1\\]/child");
        assertThat(scanned(scope)).containsExactly("a[1]/x.txt");
    }
}
