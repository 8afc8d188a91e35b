package io.basalt.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Where and when a report was measured: date, CPU, cores, operating system, JVM, the repository's commit
 * (read from {@code .git} above the working directory, without running git) and the engines' versions.
 */
final class Environment {
    private Environment() {
    }

    static List<String[]> describe(String basaltVersion, String duckdbVersion) {
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()});
        facts.add(new String[] {"cpu", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores"
                + (hasAvx2() ? ", AVX2" : "")});
        facts.add(new String[] {"os", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch")});
        facts.add(new String[] {"jvm", System.getProperty("java.vm.name") + " " + Runtime.version()
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB"});
        facts.add(new String[] {"commit", commit()});
        facts.add(new String[] {"basalt", basaltVersion});
        facts.add(new String[] {"duckdb", duckdbVersion});
        return facts;
    }

    private static String cpuInfo() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String cpuModel() {
        for (String line : cpuInfo().split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return System.getProperty("os.arch");
    }

    private static boolean hasAvx2() {
        for (String line : cpuInfo().split("\n")) {
            if (line.startsWith("flags")) {
                return (" " + line + " ").contains(" avx2 ");
            }
        }
        return false;
    }

    /** The commit HEAD points at, abbreviated, or {@code unknown}. */
    static String commit() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path git = directory.resolve(".git");
            if (Files.isDirectory(git)) {
                return headCommit(git);
            }
        }
        return "unknown";
    }

    private static String headCommit(Path git) {
        try {
            String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).strip();
            if (!head.startsWith("ref: ")) {
                return abbreviate(head);
            }
            String ref = head.substring(5);
            Path loose = git.resolve(ref);
            if (Files.exists(loose)) {
                return abbreviate(Files.readString(loose, StandardCharsets.UTF_8).strip());
            }
            Path packed = git.resolve("packed-refs");
            if (Files.exists(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    if (line.endsWith(" " + ref)) {
                        return abbreviate(line.substring(0, line.indexOf(' ')));
                    }
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static String abbreviate(String hash) {
        return hash.length() > 10 ? hash.substring(0, 10) : hash;
    }
}
