package io.basalt.cli.command;

import io.basalt.api.CatalogView;
import io.basalt.api.CatalogView.ColumnInfo;
import io.basalt.api.CatalogView.TableInfo;
import io.basalt.cli.format.ExpandedMode;
import io.basalt.cli.format.ListTable;
import io.basalt.cli.format.TablePrinter;
import io.basalt.cli.shell.CommandOutcome;
import io.basalt.cli.shell.CommandScope;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code \dt [PATTERN]} lists tables as psql's {@code List of relations} (Schema, Name, Type,
 * Owner; the owner is always {@code basalt}), and {@code \d NAME} describes each matching table as
 * psql's {@code Table "schema.name"} block (Column, Type, Collation, Nullable, Default). {@code \d}
 * alone lists like {@code \dt}.
 */
final class DescribeCommands {
    static final String OWNER = "basalt";

    private DescribeCommands() {
    }

    static CommandOutcome listTables(CommandScope scope, String pattern) {
        CatalogView catalog = scope.shell().session().catalog();
        NamePattern matcher = pattern == null ? null : NamePattern.parse(pattern);
        List<List<String>> rows = new ArrayList<>();
        for (TableInfo table : catalog.tables()) {
            if (matcher == null || matcher.matches(table.schema(), table.name())) {
                rows.add(List.of(table.schema(), table.name(), "table", OWNER));
            }
        }
        if (rows.isEmpty()) {
            scope.reportError(pattern == null ? "Did not find any relations."
                    : "Did not find any relation named \"" + pattern + "\".");
            return CommandOutcome.SUCCESS;
        }
        ListTable table = new ListTable("List of relations", List.of("Schema", "Name", "Type", "Owner"),
                List.of(false, false, false, false), rows, true);
        TablePrinter.print(table, scope.shell().settings().print(), scope.shell().output().out());
        return CommandOutcome.SUCCESS;
    }

    static CommandOutcome describe(CommandScope scope, String pattern) {
        CatalogView catalog = scope.shell().session().catalog();
        NamePattern matcher = NamePattern.parse(pattern);
        boolean found = false;
        for (TableInfo table : catalog.tables()) {
            if (matcher.matches(table.schema(), table.name())) {
                printTable(scope, table);
                found = true;
            }
        }
        if (!found) {
            scope.reportError("Did not find any relation named \"" + pattern + "\".");
            return CommandOutcome.FAILURE;
        }
        return CommandOutcome.SUCCESS;
    }

    private static void printTable(CommandScope scope, TableInfo table) {
        List<List<String>> rows = new ArrayList<>();
        for (ColumnInfo column : table.columns()) {
            rows.add(java.util.Arrays.asList(column.name(), column.type().displayName(), "",
                    column.notNull() ? "not null" : "",
                    column.defaultExpression() == null ? "" : column.defaultExpression()));
        }
        ListTable description = new ListTable("Table \"" + table.schema() + "." + table.name() + "\"",
                List.of("Column", "Type", "Collation", "Nullable", "Default"),
                List.of(false, false, false, false, false), rows, false);
        // psql shows a table's description in rows even in expanded mode.
        TablePrinter.print(description, scope.shell().settings().print().withExpanded(ExpandedMode.OFF),
                scope.shell().output().out());
    }
}
