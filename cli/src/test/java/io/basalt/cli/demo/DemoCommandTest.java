package io.basalt.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.cli.DatabaseOpener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo, smaller, over the real engine: it loads, runs every query and prints each result. */
class DemoCommandTest {
    @TempDir
    Path directory;

    @Test
    void loadsAndRunsEveryQuery() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new DemoCommand(outStream, errStream, DatabaseOpener.engine(), 200, 20_000)
                    .run(directory.resolve("demo-db").toString());
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(status).isZero();
        assertThat(printed).contains("Loaded 200 rows into customers", "Loaded 20,000 rows into orders");
        for (String query : DemoCommand.QUERIES) {
            assertThat(printed).contains("basalt=> " + query + ";\n");
        }
        assertThat(printed).contains(" orders | ").contains("\n  20000 | ").contains("(5 rows)");
        assertThat(printed.split("\nTime: ", -1)).hasSize(DemoCommand.QUERIES.size() + 1);
    }
}
