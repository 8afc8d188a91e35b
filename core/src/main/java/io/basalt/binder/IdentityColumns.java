package io.basalt.binder;

import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QueryBody;
import java.util.List;

/**
 * PostgreSQL's rules for {@code GENERATED ALWAYS AS IDENTITY} columns: the column takes its values from its
 * sequence, so an INSERT that supplies a value other than DEFAULT fails (428C9), and so does an UPDATE that sets it
 * to anything but DEFAULT. An INSERT with an OVERRIDING clause is not checked: {@code OVERRIDING SYSTEM VALUE} keeps the
 * values written, {@code OVERRIDING USER VALUE} replaces them by the sequence's (see InsertBinder).
 */
final class IdentityColumns {
    private IdentityColumns() {
    }

    /**
     * @param targets the table's column indexes in the order the statement supplies values
     * @param suppliedWidth how many of them receive a value from the statement
     * @param values the statement's VALUES list, or null when the rows come from a query: a column that is
     *     DEFAULT in every row of it receives no value
     */
    static void checkInsert(TableEntry table, List<Integer> targets, int suppliedWidth, QueryBody.Values values) {
        for (int i = 0; i < suppliedWidth && i < targets.size(); i++) {
            ColumnEntry column = table.columns().get(targets.get(i));
            if (column.identity() == ColumnEntry.Identity.ALWAYS && !allDefault(values, i)) {
                throw BasaltException.of(SqlState.GENERATED_ALWAYS,
                                "cannot insert a non-DEFAULT value into column \"" + column.name() + "\"")
                        .withDetail(always(column))
                        .withHint("Use OVERRIDING SYSTEM VALUE to override.");
            }
        }
    }

    /** An UPDATE sets {@code column} to something other than DEFAULT. */
    static void checkUpdate(ColumnEntry column) {
        if (column.identity() == ColumnEntry.Identity.ALWAYS) {
            throw BasaltException.of(SqlState.GENERATED_ALWAYS,
                    "column \"" + column.name() + "\" can only be updated to DEFAULT").withDetail(always(column));
        }
    }

    private static boolean allDefault(QueryBody.Values values, int item) {
        if (values == null) {
            return false;
        }
        for (List<Expression> row : values.rows()) {
            if (!(row.get(item) instanceof Expression.Default)) {
                return false;
            }
        }
        return true;
    }

    private static String always(ColumnEntry column) {
        return "Column \"" + column.name() + "\" is an identity column defined as GENERATED ALWAYS.";
    }
}
