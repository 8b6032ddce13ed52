package dev.hushlint.maven;

import dev.hushlint.engine.Report;
import dev.hushlint.engine.scan.ReportCache;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.engine.suppress.Baseline;
import dev.hushlint.rules.BuiltInRules;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mojo without a Maven build around it (the invoker ITs run real builds): the gate, the log lines,
 * configuration and baseline.
 */
class CheckMojoTest {

    private static final String KEY = "AKIAQ3ZK7WXN2RMT5PVB";

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();
    private CheckMojo mojo;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(dir.resolve("src/main/resources"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId("orders");
        model.setVersion("1.0");
        MavenProject project = new MavenProject(model);
        project.setFile(dir.resolve("pom.xml").toFile());
        mojo = new CheckMojo();
        mojo.project = project;
        mojo.baseDir = dir.toFile();
        mojo.failOn = "high";
        mojo.sarifFile = dir.resolve("target/hushlint.sarif").toFile();
        mojo.cacheDirectory = dir.resolve("target/hushlint-cache").toFile();
        mojo.cache = true;
        mojo.includeTests = true;
        mojo.setLog(new SystemStreamLog() {
            @Override public void error(CharSequence content) { log.add("[ERROR] " + content); }
            @Override public void warn(CharSequence content) { log.add("[WARNING] " + content); }
            @Override public void info(CharSequence content) { log.add("[INFO] " + content); }
        });
    }

    @Test
    void aFindingAtTheThresholdFailsTheBuildWithTheSummaryAndTheSecretNowhere() throws IOException {
        Files.writeString(dir.resolve("src/main/resources/app.properties"), "region=eu-west-1\naws.key=" + KEY + "\n");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 finding at or above high")
                .hasMessageNotContaining(KEY.substring(4, 12));
        // any rule may claim the key (the token detector or a more specific one): the line names it
        assertThat(log).anySatisfy(line -> assertThat(line)
                .matches("\\[ERROR] src/main/resources/app\\.properties:2 \\[[a-z0-9]+/[a-z0-9-]+] .+"));
        assertThat(String.join("\n", log)).doesNotContain(KEY.substring(4, 12));
        String sarif = Files.readString(dir.resolve("target/hushlint.sarif"), StandardCharsets.UTF_8);
        assertThat(sarif).contains("\"hushlint-orders/\"").doesNotContain(KEY.substring(4, 12));
    }

    @Test
    void failOnNoneReportsWithoutFailingAndTheSecondRunComesFromTheCache() throws Exception {
        Files.writeString(dir.resolve("src/main/resources/app.properties"), "aws.key=" + KEY + "\n");
        mojo.failOn = "none";
        mojo.formats = List.of("json,text");
        mojo.execute();
        mojo.execute();
        assertThat(log.stream().filter(l -> l.contains("cached result")).count()).isEqualTo(1);
        assertThat(dir.resolve("target/hushlint.json")).isRegularFile();
        assertThat(Files.readString(dir.resolve("target/hushlint.txt"))).contains("1 finding");
        assertThat(new String(Files.readAllBytes(mojo.cacheDirectory.toPath().resolve(ReportCache.FILE_NAME)), StandardCharsets.ISO_8859_1))
                .doesNotContain(KEY.substring(4, 12));
    }

    @Test
    void aBaselineAcceptsKnownFindingsButNotANewSecret() throws Exception {
        Files.writeString(dir.resolve("src/main/resources/app.properties"), "aws.key=" + KEY + "\n");
        Report first = new Scanner(BuiltInRules.ruleSet()).scan(ScanRequest.of(dir).withBaseDir(dir));
        Path file = dir.resolve("hushlint-baseline.json");
        Baseline.create(first).write(file);
        mojo.baseline = file.toFile();
        mojo.execute();
        assertThat(log).anySatisfy(line -> assertThat(line).contains("accepted"));
        Files.writeString(dir.resolve("src/main/resources/app.properties"), "aws.key=AKIAZ7MKQ2WX4RTN6PVC\n");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
        mojo.baseline = dir.resolve("missing.json").toFile();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("hushlint.baseline not found");
    }

    @Test
    void theConfigurationFileIsReadAndABadOneIsAClearError() throws Exception {
        Files.writeString(dir.resolve("src/main/resources/app.properties"), "aws.key=" + KEY + "\n");
        Files.writeString(dir.resolve(".hushlint.yml"), "paths:\n  exclude:\n    - \"src/main/resources/**\"\n");
        mojo.execute();
        Files.writeString(dir.resolve(".hushlint.yml"), "pathz:\n  exclude: []\n");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining(".hushlint.yml:1");
        mojo.configFile = dir.resolve("missing.yml").toFile();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("hushlint.configFile not found");
    }

    @Test
    void badParametersAreExecutionErrorsThatSayWhatIsExpected() {
        mojo.failOn = "severe";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("critical, high, medium, low or none");
        mojo.failOn = "high";
        mojo.formats = List.of("html");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("unknown format 'html'");
        mojo.formats = null;
        mojo.category = "a/b";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("must not contain '/'");
    }

    @Test
    void skipDoesNothing() throws Exception {
        Files.writeString(dir.resolve("src/main/resources/app.properties"), "aws.key=" + KEY + "\n");
        mojo.skip = true;
        mojo.execute();
        assertThat(log).containsExactly("[INFO] hushlint: skipped (hushlint.skip=true)");
        assertThat(dir.resolve("target/hushlint.sarif")).doesNotExist();
    }
}
