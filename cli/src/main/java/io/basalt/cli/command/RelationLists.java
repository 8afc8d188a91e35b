package io.basalt.cli.command;

import io.basalt.cli.format.ListTable;
import io.basalt.cli.format.TablePrinter;
import io.basalt.cli.shell.CommandOutcome;
import io.basalt.cli.shell.CommandScope;
import java.util.ArrayList;
import java.util.List;

/**
 * psql's relation lists, read from pg_class: {@code \d} (tables, views, materialized views, sequences),
 * {@code \dt}, {@code \di} (with each index's table), {@code \dv}, {@code \dm}, {@code \ds}, as {@code List of
 * relations} (Schema, Name, Type, Owner), and {@code \dn} ({@code List of schemas}). Without a pattern only objects
 * an unqualified name finds are listed, and never those of pg_catalog or information_schema; a pattern without a
 * schema also lists only visible ones, as psql does.
 */
final class RelationLists {
    private RelationLists() {
    }

    /** Lists the relations whose pg_class.relkind is among {@code kinds}. */
    static CommandOutcome list(CommandScope scope, String kinds, String pattern) {
        NamePattern matcher = pattern == null ? null : NamePattern.parse(pattern);
        boolean indexes = kinds.equals("i");
        List<List<String>> found = CatalogRows.of(scope.shell().session(),
                "SELECT n.nspname, c.relname, c.relkind, pg_table_is_visible(c.oid), t.relname"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " LEFT JOIN pg_index i ON i.indexrelid = c.oid LEFT JOIN pg_class t ON t.oid = i.indrelid"
                        + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2");
        List<List<String>> rows = new ArrayList<>();
        for (List<String> relation : found) {
            char kind = relation.get(2).charAt(0);
            if (kinds.indexOf(kind == 'I' ? 'i' : kind) < 0) {
                continue;
            }
            boolean visible = "t".equals(relation.get(3));
            if (matcher == null ? !visible : !matcher.matches(relation.get(0), relation.get(1))
                    || !matcher.qualified() && !visible) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(relation.get(0), relation.get(1),
                    typeName(relation.get(2).charAt(0)), DescribeCommands.OWNER));
            if (indexes) {
                row.add(relation.get(4));
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            scope.reportError(pattern == null ? "Did not find any relations."
                    : "Did not find any relation named \"" + pattern + "\".");
            return CommandOutcome.SUCCESS;
        }
        List<String> headers = new ArrayList<>(List.of("Schema", "Name", "Type", "Owner"));
        List<Boolean> alignment = new ArrayList<>(List.of(false, false, false, false));
        if (indexes) {
            headers.add("Table");
            alignment.add(false);
        }
        ListTable table = new ListTable("List of relations", headers, alignment, rows, true);
        TablePrinter.print(table, scope.shell().settings().print(), scope.shell().output().out());
        return CommandOutcome.SUCCESS;
    }

    /** psql's name for a relation kind in lists. */
    static String typeName(char kind) {
        return switch (kind) {
            case 'r' -> "table";
            case 'p' -> "partitioned table";
            case 'v' -> "view";
            case 'm' -> "materialized view";
            case 'S' -> "sequence";
            case 'i' -> "index";
            case 'I' -> "partitioned index";
            default -> "special";
        };
    }

    /** {@code \dn [PATTERN]}: the schemas, without pg_catalog, information_schema and temporary ones. */
    static CommandOutcome schemas(CommandScope scope, String pattern) {
        NamePattern matcher = pattern == null ? null : NamePattern.parse(pattern);
        List<List<String>> rows = new ArrayList<>();
        for (List<String> schema : CatalogRows.of(scope.shell().session(),
                "SELECT nspname FROM pg_namespace ORDER BY 1")) {
            String name = schema.getFirst();
            boolean system = name.startsWith("pg_") || name.equals("information_schema");
            if (matcher == null ? !system : matcher.matches("", name)) {
                rows.add(List.of(name, name.equals("public") ? "pg_database_owner" : DescribeCommands.OWNER));
            }
        }
        ListTable table = new ListTable("List of schemas", List.of("Name", "Owner"), List.of(false, false), rows,
                true);
        TablePrinter.print(table, scope.shell().settings().print(), scope.shell().output().out());
        return CommandOutcome.SUCCESS;
    }
}
