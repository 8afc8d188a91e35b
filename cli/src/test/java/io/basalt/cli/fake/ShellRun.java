package io.basalt.cli.fake;

import io.basalt.cli.BasaltCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs the whole {@code basalt} command in-process against a {@link FakeSession}, with a given
 * standard input, and captures standard output, standard error and the exit status.
 */
public record ShellRun(int status, String out, String err) {
    public static ShellRun of(FakeSession session, String stdin, Path home, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            BasaltCommand command = new BasaltCommand(
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), outStream, errStream,
                    path -> new FakeDatabase(session, path == null ? null : Path.of(path)), home, false);
            int status = command.run(arguments);
            return new ShellRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
