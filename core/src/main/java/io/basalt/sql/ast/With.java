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
     * written.
     */
    public record CommonTableExpression(String name, List<String> columnAliases, Boolean materialized, Query query,
                                        int position) implements Node {
        public CommonTableExpression {
            columnAliases = List.copyOf(columnAliases);
        }
    }
}
