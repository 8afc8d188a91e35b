package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns a clause can see, in the order of the plan's output: each with the name of the FROM item
 * it came from (its alias, or the table's name) so that {@code t.x} and {@code x} both resolve.
 *
 * <p>With several FROM items, name resolution follows PostgreSQL: an unqualified name must match exactly
 * one visible column (else 42702, ambiguous); a join's USING (or NATURAL) columns appear once, as the
 * merged column that has no qualifier, while each input's own column stays {@link Column#hidden() hidden}
 * from unqualified names and from {@code *} but reachable as {@code t.col}. {@link #unreachable} lists the
 * columns of FROM items that exist but cannot be referenced from this clause (the other items of a FROM
 * list, from a JOIN's ON condition), for PostgreSQL's hint in the error.
 */
final class Scope {
    /**
     * A column; {@code tableName} is the underlying table's own name when the item has an alias;
     * {@code hidden} marks a join input's USING column, reachable only qualified; {@code table} and
     * {@code tableColumn} say which stored table column it reads when the FROM item is a table (else null and
     * -1), for PostgreSQL's functional-dependency rule of GROUP BY.
     */
    record Column(String qualifier, String name, LogicalType type, String tableName, boolean hidden,
                  io.basalt.catalog.TableEntry table, int tableColumn) {
        Column(String qualifier, String name, LogicalType type, String tableName, boolean hidden) {
            this(qualifier, name, type, tableName, hidden, null, -1);
        }

        Column(String qualifier, String name, LogicalType type, String tableName) {
            this(qualifier, name, type, tableName, false);
        }

        Column(String qualifier, String name, LogicalType type) {
            this(qualifier, name, type, null, false);
        }

        /** {@code tableColumn} of a system column (tableoid): named with or without qualifier, never by a star. */
        static final int SYSTEM = -2;

        /** A system column of FROM item {@code qualifier}. */
        static Column system(String qualifier, String name, LogicalType type, String tableName) {
            return new Column(qualifier, name, type, tableName, true, null, SYSTEM);
        }

        boolean isSystem() {
            return tableColumn == SYSTEM;
        }

        /** {@code tableColumn} of a system column of RETURNING's old or new row: reached only qualified, never by a star. */
        static final int QUALIFIED_SYSTEM = -3;

        /** A system column of RETURNING's {@code old} or {@code new} row ({@code tableName}: as for its columns). */
        static Column qualifiedSystem(String qualifier, String name, LogicalType type, String tableName) {
            return new Column(qualifier, name, type, tableName, true, null, QUALIFIED_SYSTEM);
        }

        Column asHidden() {
            return new Column(qualifier, name, type, tableName, true, table, tableColumn);
        }
    }

    static final Scope EMPTY = new Scope(List.of());

    private final List<Column> columns;
    private final List<Column> unreachable;

    Scope(List<Column> columns) {
        this(columns, List.of());
    }

    private Scope(List<Column> columns, List<Column> unreachable) {
        this.columns = List.copyOf(columns);
        this.unreachable = List.copyOf(unreachable);
    }

    /** The columns of {@code left} followed by those of {@code right}, as a join's output lists them. */
    static Scope concat(Scope left, Scope right) {
        List<Column> all = new ArrayList<>(left.columns);
        all.addAll(right.columns);
        return new Scope(all);
    }

    /** This scope, knowing that {@code others} exist elsewhere in the FROM clause but are out of reach. */
    Scope withUnreachable(List<Column> others) {
        return new Scope(columns, others);
    }

    List<Column> columns() {
        return columns;
    }

    boolean hasQualifier(String qualifier) {
        for (Column column : columns) {
            if (qualifier.equals(column.qualifier())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Resolves {@code x} or {@code t.x} (a longer name's last two parts). Errors as PostgreSQL words them:
     * unknown column (42703), unknown table qualifier (42P01), ambiguous column (42702).
     */
    BoundExpression.ColumnRef resolve(List<String> parts, int position) {
        String name = parts.getLast();
        String qualifier = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (qualifier != null && !hasQualifier(qualifier)) {
            throw missingQualifier(qualifier, position);
        }
        int found = -1;
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            boolean matches = qualifier == null ? !column.hidden() || column.isSystem()
                    : qualifier.equals(column.qualifier());
            if (matches && column.name().equals(name)) {
                if (found >= 0) {
                    throw BasaltException.at(SqlState.AMBIGUOUS_COLUMN, position,
                            "column reference \"" + name + "\" is ambiguous");
                }
                found = i;
            }
        }
        if (found < 0) {
            String shown = qualifier == null ? "\"" + name + "\"" : qualifier + "." + name;
            throw BasaltException.at(SqlState.UNDEFINED_COLUMN, position, "column " + shown + " does not exist");
        }
        Column column = columns.get(found);
        RelationAccess.column(column.table(), column.tableColumn());
        return new BoundExpression.ColumnRef(found, column.qualifier(), column.name(), column.type(), position);
    }

    /** The positions of the columns an unqualified {@code name} could mean (for USING and NATURAL). */
    List<Integer> unqualifiedMatches(String name) {
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (!column.hidden() && column.name().equals(name)) {
                RelationAccess.column(column.table(), column.tableColumn());
                matches.add(i);
            }
        }
        return matches;
    }

    /**
     * PostgreSQL's error for an unknown qualifier: when the name is a table that appears under an alias,
     * it says so and suggests the alias; when it names a FROM item out of this clause's reach, it says that.
     */
    BasaltException missingQualifier(String qualifier, int position) {
        for (Column column : columns) {
            if (qualifier.equals(column.tableName())) {
                return BasaltException.at(SqlState.UNDEFINED_TABLE, position,
                                "invalid reference to FROM-clause entry for table \"" + qualifier + "\"")
                        .withHint("Perhaps you meant to reference the table alias \"" + column.qualifier() + "\".");
            }
        }
        String outOfReach = JoinAliases.outOfReach(qualifier);
        for (Column column : columns) {
            if (outOfReach.equals(column.qualifier())) {
                return BasaltException.at(SqlState.UNDEFINED_TABLE, position,
                                "invalid reference to FROM-clause entry for table \"" + qualifier + "\"")
                        .withHint("There is an entry for table \"" + qualifier
                                + "\", but it cannot be referenced from this part of the query.");
            }
        }
        for (Column column : unreachable) {
            if (qualifier.equals(column.qualifier())) {
                return BasaltException.at(SqlState.UNDEFINED_TABLE, position,
                                "invalid reference to FROM-clause entry for table \"" + qualifier + "\"")
                        .withHint("There is an entry for table \"" + qualifier
                                + "\", but it cannot be referenced from this part of the query.");
            }
        }
        return BasaltException.at(SqlState.UNDEFINED_TABLE, position,
                "missing FROM-clause entry for table \"" + qualifier + "\"");
    }

    /**
     * The indices of the columns of FROM item {@code qualifier} (for {@code t.*}, hidden ones included), or
     * for null those {@code *} expands to (every column but the hidden ones).
     */
    List<Integer> columnsOf(String qualifier) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            // names starting with NUL are the binder's own (row ids, hoisted set-returning calls)
            boolean internal = column.name().startsWith("\0") || column.isSystem()
                    || column.tableColumn() == Column.QUALIFIED_SYSTEM;
            if (!internal && (qualifier == null ? !column.hidden() : qualifier.equals(column.qualifier()))) {
                RelationAccess.column(column.table(), column.tableColumn());
                indices.add(i);
            }
        }
        return indices;
    }
}
