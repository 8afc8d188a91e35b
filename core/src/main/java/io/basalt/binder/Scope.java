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
 */
final class Scope {
    /** A visible column; {@code tableName} is the underlying table's own name when the item has an alias. */
    record Column(String qualifier, String name, LogicalType type, String tableName) {
        Column(String qualifier, String name, LogicalType type) {
            this(qualifier, name, type, null);
        }
    }

    static final Scope EMPTY = new Scope(List.of());

    private final List<Column> columns;

    Scope(List<Column> columns) {
        this.columns = List.copyOf(columns);
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
            if (column.name().equals(name) && (qualifier == null || qualifier.equals(column.qualifier()))) {
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
        return new BoundExpression.ColumnRef(found, column.qualifier(), column.name(), column.type(), position);
    }

    /**
     * PostgreSQL's error for an unknown qualifier: when the name is a table that appears under an alias,
     * it says so and suggests the alias.
     */
    BasaltException missingQualifier(String qualifier, int position) {
        for (Column column : columns) {
            if (qualifier.equals(column.tableName())) {
                return BasaltException.at(SqlState.UNDEFINED_TABLE, position,
                                "invalid reference to FROM-clause entry for table \"" + qualifier + "\"")
                        .withHint("Perhaps you meant to reference the table alias \"" + column.qualifier() + "\".");
            }
        }
        return BasaltException.at(SqlState.UNDEFINED_TABLE, position,
                "missing FROM-clause entry for table \"" + qualifier + "\"");
    }

    /** The indices of the columns of FROM item {@code qualifier} (for {@code t.*}), or all for null. */
    List<Integer> columnsOf(String qualifier) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (qualifier == null || qualifier.equals(columns.get(i).qualifier())) {
                indices.add(i);
            }
        }
        return indices;
    }
}
