package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.FromItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Names a bound join ({@link FromItem.JoinAlias}). The plan is the join's own; only the scope changes.
 *
 * <p>{@code (a JOIN b) AS x (c1, ...)}: the columns the join shows ({@code *} of the join) take the qualifier
 * {@code x} and, in order, the column aliases; the columns only reachable as {@code a.col} or {@code b.col} (USING
 * inputs, system columns) stay hidden under {@link #outOfReach} qualifiers, so that {@code a.col} fails with
 * PostgreSQL's "invalid reference to FROM-clause entry" and {@code x.*} lists the join's columns. The level sees
 * the item name {@code x} only. {@code a JOIN b USING (c) AS j}: the merged USING columns (the first ones of the
 * join's scope) take the qualifier {@code j}; the level sees {@code a}, {@code b} and {@code j}.
 */
final class JoinAliases {
    private JoinAliases() {
    }

    /** The qualifier that hides a column of FROM item {@code qualifier} inside an aliased join. */
    static String outOfReach(String qualifier) {
        return "\0" + qualifier;
    }

    /** {@code joined} (the bound {@code alias.joined()}) under the name {@code alias} gives it. */
    static FromClauseBinder.Source apply(FromItem.JoinAlias alias, FromClauseBinder.Source joined) {
        List<Scope.Column> columns = joined.scope().columns();
        List<Scope.Column> renamed = new ArrayList<>(columns.size());
        if (alias.usingAlias()) {
            if (joined.itemNames().contains(alias.alias())) {
                throw BasaltException.of(SqlState.DUPLICATE_ALIAS,
                        "table name \"" + alias.alias() + "\" specified more than once");
            }
            int merged = ((FromItem.Join) alias.joined()).using().size();
            for (int i = 0; i < columns.size(); i++) {
                Scope.Column column = columns.get(i);
                renamed.add(i < merged ? requalified(column, alias.alias(), column.name(), false) : column);
            }
            List<String> itemNames = new ArrayList<>(joined.itemNames());
            itemNames.add(alias.alias());
            return new FromClauseBinder.Source(joined.plan(), new Scope(renamed), itemNames);
        }
        List<String> visible = new ArrayList<>();
        for (Scope.Column column : columns) {
            if (shown(column)) {
                visible.add(column.name());
            }
        }
        if (alias.columnAliases().size() > visible.size()) {
            throw BasaltException.at(SqlState.INVALID_COLUMN_REFERENCE, alias.position(), "join expression \""
                    + alias.alias() + "\" has " + visible.size() + " columns available but "
                    + alias.columnAliases().size() + " columns specified");
        }
        List<String> names = new ArrayList<>(visible);
        for (int i = 0; i < alias.columnAliases().size(); i++) {
            names.set(i, alias.columnAliases().get(i));
        }
        int next = 0;
        for (Scope.Column column : columns) {
            if (shown(column)) {
                renamed.add(requalified(column, alias.alias(), names.get(next++), false));
            } else {
                String hidden = column.qualifier() == null || column.qualifier().startsWith("\0") ? column.qualifier()
                        : outOfReach(column.qualifier());
                renamed.add(requalified(column, hidden, column.name(), true));
            }
        }
        return new FromClauseBinder.Source(joined.plan(), new Scope(renamed), List.of(alias.alias()));
    }

    /** Whether {@code *} of the join lists the column. */
    private static boolean shown(Scope.Column column) {
        return !column.hidden() && !column.name().startsWith("\0") && !column.isSystem();
    }

    private static Scope.Column requalified(Scope.Column column, String qualifier, String name, boolean hidden) {
        return new Scope.Column(qualifier, name, column.type(), null, hidden, column.table(),
                column.isSystem() ? -1 : column.tableColumn());
    }
}
