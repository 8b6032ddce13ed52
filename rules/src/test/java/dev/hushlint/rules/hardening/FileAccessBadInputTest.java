package dev.hushlint.rules.hardening;

import dev.hushlint.engine.Notification;
import dev.hushlint.engine.Report;
import dev.hushlint.engine.scan.FileAccess;
import dev.hushlint.engine.scan.ScanRequest;
import dev.hushlint.engine.scan.Scanner;
import dev.hushlint.rules.BuiltInRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files that cannot be read, with every built-in reader and rule behind the file access seam (CI runs as
 * root, so chmod cannot make a file unreadable): one io-error notification each, the rest scanned as usual.
 */
class FileAccessBadInputTest {

    private static final String KEY = "AKIAZ7Q3VXPM2LKT5RWN";

    @TempDir
    Path dir;

    @Test
    void anUnreadableFileIsOneNotificationAndTheOthersAreScanned() throws IOException {
        Path locked = write("Locked.java", "class Locked { String k = \"" + KEY + "\"; }\n");
        Path open = write("template.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n# " + KEY + "\nResources: {}\n");
        FileAccess access = file -> {
            if (file.equals(locked)) {
                throw new AccessDeniedException(file.toString());
            }
            return FileAccess.DEFAULT.read(file);
        };
        Report report = new Scanner(BuiltInRules.ruleSet(), access, null).scan(ScanRequest.of(dir).withBaseDir(dir));
        assertThat(report.notifications()).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo("io-error");
            assertThat(n.file()).isEqualTo(locked);
            assertThat(n.message()).isEqualTo("could not read: access denied");
        });
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.location().file()).isEqualTo(open);
            assertThat(f.location().startLine()).isEqualTo(2);
        });
    }

    @Test
    void aFileDeletedDuringTheScanIsOneNotificationAndTheOthersAreScanned() throws IOException {
        Path vanishing = write("src/main/resources/application.yml", "spring:\n  datasource:\n    password: Pg9-wQz4Lm7x\n");
        Path staying = write("main.tf", "locals {\n  key = \"" + KEY + "\"\n}\n");
        FileAccess access = file -> {
            if (file.equals(vanishing)) {
                Files.delete(file); // gone between the directory walk and the read
            }
            return FileAccess.DEFAULT.read(file);
        };
        Report report = new Scanner(BuiltInRules.ruleSet(), access, null).scan(ScanRequest.of(dir).withBaseDir(dir));
        assertThat(report.notifications()).extracting(Notification::code, Notification::file)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("io-error", vanishing));
        assertThat(report.notifications().get(0).message()).contains("disappeared");
        assertThat(report.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.location().file()).isEqualTo(staying));
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
