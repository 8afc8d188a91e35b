package io.basalt.engine;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a test's main class in a separate JVM (same java binary, same classpath, this JVM's flags minus agents,
 * plus the flags Basalt cannot run without), for tests that kill a process that has a database open. The storage
 * module's tests have the same launcher; test classes are not shared between modules.
 */
final class ChildJvm {
    private static final List<String> REQUIRED = List.of(
            "--add-modules=jdk.incubator.vector",
            "--enable-native-access=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow",
            "-ea");

    private ChildJvm() {
    }

    /** A process builder for {@code mainClass} with {@code arguments}; stderr goes to {@code errorLog}. */
    static ProcessBuilder of(Class<?> mainClass, Path errorLog, String... arguments) {
        return of(mainClass, errorLog, List.of(), arguments);
    }

    /** {@link #of}, with {@code flags} after this JVM's (so that e.g. an {@code -Xmx} there wins). */
    static ProcessBuilder of(Class<?> mainClass, Path errorLog, List<String> flags, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!flag.startsWith("-javaagent") && !flag.startsWith("-agent") && !flag.startsWith("-Xrunjdwp")) {
                command.add(flag);
            }
        }
        for (String flag : REQUIRED) {
            if (!command.contains(flag)) {
                command.add(flag);
            }
        }
        command.addAll(flags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectError(errorLog.toFile());
    }
}
