package dev.hushlint.maven;

import dev.hushlint.engine.Finding;
import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.RuleSet;
import dev.hushlint.engine.Severity;
import dev.hushlint.engine.report.JsonWriter;
import dev.hushlint.engine.report.ReportWriter;
import dev.hushlint.engine.report.SarifWriter;
import dev.hushlint.engine.report.TextWriter;
import dev.hushlint.engine.scan.PathDisplay;
import dev.hushlint.engine.scan.ReportCache;
import dev.hushlint.engine.suppress.Baseline;
import dev.hushlint.engine.suppress.BaselineException;
import dev.hushlint.rules.settings.ConfigException;
import dev.hushlint.rules.settings.ScanPolicy;
import dev.hushlint.rules.settings.Settings;
import dev.hushlint.engine.scan.ScanListener;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.rules.BuiltInRules;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scans this module for leaked secrets and secret-hygiene problems, writes SARIF (always) and fails the
 * build on findings at or above {@code failOn}.
 *
 * <p>In a multi-module build each module scans its own base directory minus its child modules'
 * directories, so nothing is scanned twice; paths in every module's SARIF are relative to one base
 * directory (the top-level project directory by default), exactly as {@code hushlint scan} run there
 * writes them, and each module's SARIF has its own category ({@code hushlint-<artifactId>}) so per-module
 * uploads to GitHub code scanning do not replace each other.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /** Skip the check. */
    @Parameter(property = "hushlint.skip", defaultValue = "false")
    boolean skip;

    /** Fail the build on active findings at or above: critical, high, medium, low, or none (never fail). */
    @Parameter(property = "hushlint.failOn", defaultValue = "high")
    String failOn;

    /** Where the SARIF report is written; it is written on every run, whether the build passes or fails. */
    @Parameter(property = "hushlint.sarifFile", defaultValue = "${project.build.directory}/hushlint.sarif")
    File sarifFile;

    /**
     * Extra report formats written beside the SARIF file under the same name: {@code json}
     * ({@code hushlint.json}), {@code text} ({@code hushlint.txt}); {@code sarif} is always written.
     * Comma-separated on the command line: {@code -Dhushlint.formats=json,text}.
     */
    @Parameter(property = "hushlint.formats")
    List<String> formats;

    /**
     * The base directory: SARIF URIs and baseline paths are relative to it. Default: the top-level project
     * directory ({@code maven.multiModuleProjectDirectory}: the directory holding {@code .mvn}, else the one
     * Maven was started in), which is the repository root in the usual layout.
     */
    @Parameter(property = "hushlint.baseDir")
    File baseDir;

    /** The configuration file, shared by all modules. Default: {@code .hushlint.yml} in the base directory. */
    @Parameter(property = "hushlint.configFile")
    File configFile;

    /** A baseline of accepted findings (paths relative to the base directory). */
    @Parameter(property = "hushlint.baseline")
    File baseline;

    /** Globs relative to the module's base directory; when given, only matching files are scanned. */
    @Parameter(property = "hushlint.includes")
    List<String> includes;

    /** Globs relative to the module's base directory, e.g. {@code src/test/resources/fixtures/**}. */
    @Parameter(property = "hushlint.excludes")
    List<String> excludes;

    /** Scan test sources and test resources too. */
    @Parameter(property = "hushlint.includeTests", defaultValue = "true")
    boolean includeTests;

    /**
     * SARIF category ({@code automationDetails.id} = category + {@code /}). Default:
     * {@code hushlint-<artifactId>}, so each module's upload has its own.
     */
    @Parameter(property = "hushlint.category")
    String category;

    /** Also write suppressed and baselined findings into the reports (marked as such). */
    @Parameter(property = "hushlint.includeSuppressed", defaultValue = "false")
    boolean includeSuppressed;

    /** Reuse the previous result when nothing the scan depends on has changed (a content-hash cache). */
    @Parameter(property = "hushlint.cache", defaultValue = "true")
    boolean cache;

    /** Where the incremental-scan cache lives. */
    @Parameter(property = "hushlint.cacheDirectory", defaultValue = "${project.build.directory}/hushlint-cache")
    File cacheDirectory;

    /** Worker threads; default: all cores. */
    @Parameter(property = "hushlint.threads")
    Integer threads;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        if (skip) {
            log.info("hushlint: skipped (hushlint.skip=true)");
            return;
        }
        long start = System.nanoTime();
        Severity threshold = threshold();
        String cat = category();
        List<String> extraFormats = extraFormats();
        Path base = baseDirectory();
        List<Path> extraInputs = configurationInputs(base);
        ScanPolicy policy = policy(extraInputs);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new MojoExecutionException("hushlint.threads must be at least 1, not " + n);
        }

        ModuleScope scope = new ModuleScope(project.getBasedir().toPath(), base, childModuleDirs(), leftOutDirs(),
                includes, excludes);
        ScanRequest request = policy.request(scope.request(n));
        RuleSet rules;
        try {
            rules = policy.ruleSet(BuiltInRules.ruleSet());
        } catch (ConfigException e) {
            throw new MojoExecutionException("hushlint: " + e.getMessage());
        }
        Scanner scanner = new Scanner(rules);

        Report report;
        boolean reused = false;
        try {
            // a cached report holds no secret values, so a baseline's value hashes could not match it
            if (cache && baseline == null) {
                ReportCache.Outcome outcome = new ReportCache(cacheDirectory.toPath())
                        .scan(scanner, rules, request, extraInputs, ScanListener.NONE);
                report = outcome.report();
                reused = outcome.reused();
            } else {
                report = scanner.scan(request);
            }
        } catch (RuntimeException e) {
            throw new MojoExecutionException("hushlint: the scan of " + project.getBasedir() + " failed ("
                    + e.getClass().getName() + "); run with -X for details", e);
        }
        ScanPolicy.Applied applied = policy.apply(report);
        report = applied.report();
        if (applied.baseline() != null) {
            log.info("hushlint: " + applied.baseline().summary());
        }
        write(report, new SarifWriter(cat, includeSuppressed), sarifFile.toPath());
        for (String format : extraFormats) {
            write(report, writerFor(format), sibling(format));
        }

        logReport(report, base);
        // the time spent in the plugin: scan (or cache check) and reports
        long millis = (System.nanoTime() - start) / 1_000_000;
        String summary = TextWriter.summary(report);
        log.info("hushlint: " + summary + " in " + millis + " ms" + (reused ? " (unchanged since the last scan: cached result)" : "")
                + "; SARIF: " + PathDisplay.of(base, sarifFile.toPath()) + " (category " + cat + ")");
        if (report.hasAtLeast(threshold)) {
            long failing = report.activeFindings().stream().filter(f -> f.severity().atLeast(threshold)).count();
            throw new MojoFailureException("hushlint: " + failing + (failing == 1 ? " finding" : " findings")
                    + " at or above " + threshold.label() + " — " + summary
                    + ". Fix them, or run with -Dhushlint.failOn=none to report without failing.");
        }
    }

    // ---- parameters ----------------------------------------------------------------------------------

    private Severity threshold() throws MojoExecutionException {
        String value = failOn == null ? "high" : failOn.trim().toLowerCase(Locale.ROOT);
        if (value.equals("none")) {
            return null;
        }
        try {
            return Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("hushlint.failOn must be critical, high, medium, low or none, not '"
                    + failOn + "'");
        }
    }

    private String category() throws MojoExecutionException {
        String cat = category == null || category.isBlank() ? "hushlint-" + project.getArtifactId() : category.trim();
        if (cat.contains("/")) {
            throw new MojoExecutionException("hushlint.category must not contain '/': " + cat);
        }
        return cat;
    }

    private List<String> extraFormats() throws MojoExecutionException {
        Set<String> out = new LinkedHashSet<>();
        if (formats != null) {
            for (String entry : formats) {
                for (String f : entry.split(",")) {
                    String format = f.trim().toLowerCase(Locale.ROOT);
                    if (format.isEmpty() || format.equals("sarif")) {
                        continue;
                    }
                    if (!format.equals("json") && !format.equals("text")) {
                        throw new MojoExecutionException("hushlint.formats: unknown format '" + f.trim()
                                + "' (expected sarif, json or text)");
                    }
                    out.add(format);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private Path baseDirectory() throws MojoExecutionException {
        File dir = baseDir;
        if (dir == null && session != null && session.getRequest() != null) {
            dir = session.getRequest().getMultiModuleProjectDirectory();
        }
        if (dir == null && session != null && session.getTopLevelProject() != null) {
            dir = session.getTopLevelProject().getBasedir();
        }
        if (dir == null) {
            dir = project.getBasedir();
        }
        if (!dir.isDirectory()) {
            throw new MojoExecutionException("hushlint.baseDir is not a directory: " + dir);
        }
        return dir.toPath().toAbsolutePath().normalize();
    }

    /**
     * The configuration file (explicit, or {@code .hushlint.yml} in the base directory) and the baseline:
     * what the result depends on besides the scanned files, so also part of the cache key.
     */
    private List<Path> configurationInputs(Path base) throws MojoExecutionException {
        if (configFile != null && !configFile.isFile()) {
            throw new MojoExecutionException("hushlint.configFile not found: " + configFile);
        }
        if (baseline != null && !baseline.isFile()) {
            throw new MojoExecutionException("hushlint.baseline not found: " + baseline
                    + " (create one with: hushlint baseline create --output " + baseline.getName() + ")");
        }
        List<Path> inputs = new ArrayList<>();
        inputs.add(configFile != null ? configFile.toPath() : base.resolve(".hushlint.yml"));
        if (baseline != null) {
            inputs.add(baseline.toPath());
        }
        return inputs;
    }

    /** Configuration, baseline and inline-suppression policy; a bad file is a clear build error. */
    private ScanPolicy policy(List<Path> inputs) throws MojoExecutionException {
        try {
            Path config = inputs.get(0);
            Settings settings = Files.isRegularFile(config) ? Settings.load(config) : Settings.none();
            Baseline accepted = baseline == null ? null : Baseline.read(baseline.toPath());
            return ScanPolicy.of(settings, accepted, true);
        } catch (ConfigException | BaselineException e) {
            throw new MojoExecutionException("hushlint: " + e.getMessage());
        }
    }

    /** Directories of child modules (from {@code <modules>}, including active profiles'). */
    private List<Path> childModuleDirs() {
        List<Path> dirs = new ArrayList<>();
        Path moduleDir = project.getBasedir().toPath();
        for (String module : project.getModules()) {
            Path p = moduleDir.resolve(module).normalize();
            dirs.add(Files.isRegularFile(p) ? p.getParent() : p);
        }
        return dirs;
    }

    /** The build directory (whatever its name), and test sources and resources unless {@code includeTests}. */
    private List<Path> leftOutDirs() {
        List<Path> dirs = new ArrayList<>();
        if (project.getBuild() != null && project.getBuild().getDirectory() != null) {
            dirs.add(Path.of(project.getBuild().getDirectory()));
        }
        if (!includeTests) {
            project.getTestCompileSourceRoots().forEach(root -> dirs.add(Path.of(root)));
            if (project.getBuild() != null) {
                for (Resource r : project.getBuild().getTestResources()) {
                    if (r.getDirectory() != null) {
                        dirs.add(project.getBasedir().toPath().resolve(r.getDirectory()));
                    }
                }
            }
        }
        return dirs;
    }

    // ---- output --------------------------------------------------------------------------------------

    private ReportWriter writerFor(String format) {
        return format.equals("json") ? new JsonWriter(includeSuppressed) : new TextWriter(false);
    }

    private Path sibling(String format) {
        String name = sarifFile.getName();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return sarifFile.toPath().resolveSibling(stem + (format.equals("json") ? ".json" : ".txt"));
    }

    private static void write(Report report, ReportWriter writer, Path file) throws MojoExecutionException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writer.write(report, w);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("hushlint: cannot write the report to " + file + ": " + e.getMessage(), e);
        }
    }

    /** One line per finding, {@code path:line [rule-id] message}, at a log level matching its severity. */
    private void logReport(Report report, Path base) {
        Log log = getLog();
        for (Notification n : report.notifications()) {
            String where = n.file() == null ? "" : PathDisplay.of(base, n.file()) + (n.line() > 0 ? ":" + n.line() : "") + ": ";
            String line = where + n.message() + " (" + n.code() + ")";
            if (n.level() == Notification.Level.NOTE) {
                log.info(line);
            } else {
                log.warn(line);
            }
        }
        for (Finding f : report.activeFindings()) {
            String line = PathDisplay.of(base, f.location().file()) + ":" + f.location().startLine()
                    + " [" + f.ruleId() + "] " + f.message();
            switch (f.severity()) {
                case CRITICAL, HIGH -> log.error(line);
                case MEDIUM -> log.warn(line);
                case LOW -> log.info(line);
            }
        }
        if (log.isDebugEnabled()) {
            for (Finding f : report.suppressedFindings()) {
                log.debug("suppressed: " + PathDisplay.of(base, f.location().file()) + ":" + f.location().startLine()
                        + " [" + f.ruleId() + "] " + f.message());
            }
        }
    }
}
