package io.basalt.cli.fake;

import io.basalt.api.CatalogView;
import io.basalt.api.ResultColumn;
import io.basalt.cli.BasaltCommand;
import io.basalt.type.LogicalType;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the real shell, interactive when at a terminal, over a {@link FakeSession} that knows a few
 * statements. For trying the line editor, prompts and Ctrl-C/Ctrl-D by hand (or under tmux) without
 * the engine: {@code java -cp cli/target/classes:cli/target/test-classes:cli/target/lib/* ...}.
 */
public final class FakeShellMain {
    private FakeShellMain() {
    }

    public static void main(String[] arguments) {
        FakeSession session = new FakeSession()
                .on("select 1", () -> FakeQueryResult.rows(
                        List.of(new ResultColumn("?column?", LogicalType.INTEGER)), List.of(List.of("1"))))
                .on("select 'a' as x, 2 as n", () -> FakeQueryResult.rows(
                        List.of(new ResultColumn("x", LogicalType.TEXT), new ResultColumn("n", LogicalType.INTEGER)),
                        List.of(List.of("a", "2"))))
                .withTable(new CatalogView.TableInfo("public", "orders", List.of(
                        new CatalogView.ColumnInfo("id", LogicalType.BIGINT, true, null),
                        new CatalogView.ColumnInfo("total", LogicalType.numeric(10, 2), false, "0"))));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        boolean terminal = System.console() != null && System.console().isTerminal();
        int status = new BasaltCommand(System.in, out, System.err, path -> new FakeDatabase(session, null),
                Path.of(System.getenv().getOrDefault("HOME", System.getProperty("user.home"))), terminal).run(arguments);
        System.exit(status);
    }
}
