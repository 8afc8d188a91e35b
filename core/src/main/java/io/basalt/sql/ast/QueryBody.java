package io.basalt.sql.ast;

import java.util.List;

/** The body of a query: a SELECT block, a VALUES list, a set operation, or a parenthesised query. */
public sealed interface QueryBody extends Node {

    /**
     * {@code SELECT [DISTINCT [ON (expressions)]] items [FROM ...] [WHERE ...] [GROUP BY ...] [HAVING ...]
     * [WINDOW ...]}. {@code from} lists the comma-separated FROM items (empty without FROM); {@code where}/
     * {@code having} are null when absent; {@code distinctOn} holds DISTINCT ON's expressions (then
     * {@code distinct} is false); {@code windows} are the named windows of the WINDOW clause, in written order;
     * {@code groupingSets} is null for a plain GROUP BY list, else the expanded sets over {@code groupBy}.
     */
    record Select(boolean distinct, List<Expression> distinctOn, List<SelectItem> items, List<FromItem> from,
                  Expression where, List<Expression> groupBy, Expression having, List<WindowDefinition> windows,
                  int position, GroupingSets groupingSets) implements QueryBody {
        public Select {
            distinctOn = List.copyOf(distinctOn);
            items = List.copyOf(items);
            from = List.copyOf(from);
            groupBy = List.copyOf(groupBy);
            windows = List.copyOf(windows);
        }

        /** A SELECT with a plain GROUP BY list (or none). */
        public Select(boolean distinct, List<Expression> distinctOn, List<SelectItem> items, List<FromItem> from,
                      Expression where, List<Expression> groupBy, Expression having, List<WindowDefinition> windows,
                      int position) {
            this(distinct, distinctOn, items, from, where, groupBy, having, windows, position, null);
        }

        /** A SELECT without a WINDOW clause or grouping sets. */
        public Select(boolean distinct, List<Expression> distinctOn, List<SelectItem> items, List<FromItem> from,
                      Expression where, List<Expression> groupBy, Expression having, int position) {
            this(distinct, distinctOn, items, from, where, groupBy, having, List.of(), position);
        }

        /** A SELECT without DISTINCT ON, a WINDOW clause or grouping sets. */
        public Select(boolean distinct, List<SelectItem> items, List<FromItem> from, Expression where,
                      List<Expression> groupBy, Expression having, int position) {
            this(distinct, List.of(), items, from, where, groupBy, having, List.of(), position);
        }
    }

    /** {@code VALUES (a, b), (c, d)}: every row has the same number of expressions. */
    record Values(List<List<Expression>> rows, int position) implements QueryBody {
        public Values {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** {@code left UNION|INTERSECT|EXCEPT [ALL] right}. */
    record SetOperation(SetOperator operator, boolean all, QueryBody left, QueryBody right, int position)
            implements QueryBody {
    }

    /** A parenthesised query with its own ORDER BY / LIMIT, used as a set-operation operand. */
    record Nested(Query query, int position) implements QueryBody {
    }

    enum SetOperator { UNION, INTERSECT, EXCEPT }
}
