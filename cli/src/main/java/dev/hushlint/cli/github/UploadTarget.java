package dev.hushlint.cli.github;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an upload goes: repository, commit and ref, each from its flag, else the GitHub Actions
 * environment ({@code GITHUB_REPOSITORY}, {@code GITHUB_SHA}, {@code GITHUB_REF}), else {@code git}.
 *
 * @param owner       repository owner
 * @param name        repository name
 * @param sha         the full commit SHA the SARIF is about
 * @param ref         {@code refs/heads/…}, {@code refs/tags/…} or {@code refs/pull/N/merge|head}
 * @param checkoutUri the file URI of the checkout root, or null
 */
record UploadTarget(String owner, String name, String sha, String ref, String checkoutUri) {

    private static final Pattern REPO = Pattern.compile("([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern REF = Pattern.compile("refs/(heads|tags|pull)/\\S+");
    private static final Pattern REMOTE = Pattern.compile("github[^/:]*[:/]+([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\\.git)?/?$");

    /** Runs {@code git} with arguments and returns its trimmed output, or null when it fails. */
    interface Git {
        String run(String... args);

        Git NONE = args -> null;

        static Git in(Path dir) {
            return args -> {
                try {
                    List<String> cmd = new java.util.ArrayList<>();
                    cmd.add("git");
                    cmd.addAll(List.of(args));
                    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false)
                            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                    String out;
                    try (InputStream in = p.getInputStream()) {
                        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                    }
                    if (!p.waitFor(10, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        return null;
                    }
                    return p.exitValue() == 0 && !out.isEmpty() ? out : null;
                } catch (IOException e) {
                    return null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            };
        }
    }

    static UploadTarget resolve(String repoFlag, String shaFlag, String refFlag, String checkoutFlag,
                                Function<String, String> env, Git git) throws UploadFailure {
        String repo = first(repoFlag, env.apply("GITHUB_REPOSITORY"));
        if (repo == null) {
            String remote = git.run("config", "--get", "remote.origin.url");
            if (remote != null) {
                Matcher m = REMOTE.matcher(remote);
                if (m.find()) {
                    repo = m.group(1) + "/" + m.group(2);
                }
            }
        }
        if (repo == null) {
            throw usage("which repository? Give --repo OWNER/NAME (or set GITHUB_REPOSITORY)");
        }
        Matcher rm = REPO.matcher(repo.trim());
        if (!rm.matches()) {
            throw usage("--repo must be OWNER/NAME, not '" + repo + "'");
        }

        String sha = first(shaFlag, env.apply("GITHUB_SHA"));
        if (sha == null) {
            sha = git.run("rev-parse", "HEAD");
        }
        if (sha == null) {
            throw usage("which commit? Give --sha (or set GITHUB_SHA, or run inside a git checkout)");
        }
        sha = sha.trim().toLowerCase(java.util.Locale.ROOT);
        if (!SHA.matcher(sha).matches()) {
            throw usage("--sha must be a full 40-character commit SHA, not '" + sha + "'");
        }

        String ref = first(refFlag, env.apply("GITHUB_REF"));
        if (ref == null) {
            ref = git.run("symbolic-ref", "-q", "HEAD");
        }
        if (ref == null) {
            throw usage("which ref? Give --ref refs/heads/BRANCH (or set GITHUB_REF); a detached HEAD has none");
        }
        ref = ref.trim();
        if (!ref.startsWith("refs/")) {
            ref = "refs/heads/" + ref;
        }
        if (!REF.matcher(ref).matches()) {
            throw usage("--ref must look like refs/heads/BRANCH, refs/tags/TAG or refs/pull/N/merge, not '" + ref + "'");
        }

        String checkout = checkoutFlag;
        if (checkout == null) {
            String dir = first(env.apply("GITHUB_WORKSPACE"), git.run("rev-parse", "--show-toplevel"));
            checkout = dir == null ? null : Path.of(dir).toAbsolutePath().normalize().toUri().toString();
        } else if (!checkout.contains(":")) {
            checkout = Path.of(checkout).toAbsolutePath().normalize().toUri().toString();
        }
        return new UploadTarget(rm.group(1), rm.group(2), sha, ref, checkout);
    }

    String repository() {
        return owner + "/" + name;
    }

    private static String first(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    private static UploadFailure usage(String message) {
        return new UploadFailure(UploadFailure.USAGE, message);
    }
}
