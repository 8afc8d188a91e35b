package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code WITH [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] (query) [, ...]} in front of a query. The
 * common table expressions are in the order written; with RECURSIVE each may refer to itself and to the
 * others, without it only to those before it.
 */
public record With(boolean recursive, List<CommonTableExpression> tables, int position) implements Node {
    public With {
        tables = List.copyOf(tables);
    }

    /**
     * One named query of a WITH clause. {@code columnAliases} is empty when no column list was written;
     * {@code materialized} is null unless {@code MATERIALIZED} (true) or {@code NOT MATERIALIZED} (false) was
     * written. A data-modifying one has {@code modifying} (an INSERT, UPDATE or DELETE) and no {@code query}.
     */
    public record CommonTableExpression(String name, List<String> columnAliases, Boolean materialized, Query query,
                                        int position, Statement modifying) implements Node {
        public CommonTableExpression {
            columnAliases = List.copyOf(columnAliases);
            if ((query == null) == (modifying == null)) {
                throw new IllegalArgumentException("a WITH query is a query or a data-modifying statement");
            }
        }

        /** A WITH query that is a query. */
        public CommonTableExpression(String name, List<String> columnAliases, Boolean materialized, Query query,
                                     int position) {
            this(name, columnAliases, materialized, query, position, null);
        }
    }

    /** Whether one of the WITH queries is an INSERT, UPDATE or DELETE. */
    public boolean modifiesData() {
        for (CommonTableExpression table : tables) {
            if (table.modifying() != null) {
                return true;
            }
        }
        return false;
    }
}
