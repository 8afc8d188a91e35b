package io.basalt.sql.ast;

import java.util.List;

/** An item of a FROM clause. Aliases are null when not given; {@code columnAliases} empty when not given. */
public sealed interface FromItem extends Node {
    /** A table, view or sequence by name; {@code only}: {@code ONLY name}, a table without its inheritance children. */
    record Table(QualifiedName name, String alias, List<String> columnAliases, int position, boolean only)
            implements FromItem {
        public Table {
            columnAliases = List.copyOf(columnAliases);
        }

        public Table(QualifiedName name, String alias, List<String> columnAliases, int position) {
            this(name, alias, columnAliases, position, false);
        }
    }

    record Subquery(Query query, boolean lateral, String alias, List<String> columnAliases, int position)
            implements FromItem {
        public Subquery {
            columnAliases = List.copyOf(columnAliases);
        }
    }

    /**
     * A function in FROM: {@code generate_series(1, 10) AS g(x)}; {@code columnDefinitions} are the column
     * definition list of a function returning record ({@code AS x(a int, b text)}), empty when not given;
     * {@code withOrdinality} adds the bigint column numbering the function's rows from 1. {@code rowsFrom} holds
     * the functions of {@code ROWS FROM (f(...), g(...))} (empty otherwise; {@code call} is the first): their
     * columns side by side, row i of each in row i, the shorter ones padded with NULLs.
     */
    record Function(Expression.FunctionCall call, boolean lateral, String alias, List<String> columnAliases,
                    int position, List<ColumnDefinition> columnDefinitions, boolean withOrdinality,
                    List<Expression.FunctionCall> rowsFrom) implements FromItem {
        public Function {
            columnAliases = List.copyOf(columnAliases);
            columnDefinitions = List.copyOf(columnDefinitions);
            rowsFrom = List.copyOf(rowsFrom);
        }

        /** A function without {@code WITH ORDINALITY}. */
        public Function(Expression.FunctionCall call, boolean lateral, String alias, List<String> columnAliases,
                        int position, List<ColumnDefinition> columnDefinitions) {
            this(call, lateral, alias, columnAliases, position, columnDefinitions, false, List.of());
        }

        /** A single function, not in ROWS FROM. */
        public Function(Expression.FunctionCall call, boolean lateral, String alias, List<String> columnAliases,
                        int position, List<ColumnDefinition> columnDefinitions, boolean withOrdinality) {
            this(call, lateral, alias, columnAliases, position, columnDefinitions, withOrdinality, List.of());
        }

        /** This function in FROM without WITH ORDINALITY and without column aliases (they name the columns then). */
        public Function withoutOrdinality() {
            return new Function(call, lateral, alias, List.of(), position, columnDefinitions, false, List.of());
        }

        /** Function {@code other} of a ROWS FROM, as a FROM item of its own (its columns named as without alias). */
        public Function member(Expression.FunctionCall other) {
            return new Function(other, lateral, null, List.of(), position, List.of(), false, List.of());
        }

        public Function(Expression.FunctionCall call, boolean lateral, String alias, List<String> columnAliases,
                        int position) {
            this(call, lateral, alias, columnAliases, position, List.of());
        }
    }

    /** One column of a column definition list: {@code a int}. */
    record ColumnDefinition(String name, TypeName type) {
    }

    /**
     * {@code left [NATURAL] {INNER|LEFT|RIGHT|FULL|CROSS} JOIN right [ON condition | USING (columns)]}.
     * {@code condition} is null and {@code using} empty for CROSS and NATURAL joins.
     */
    record Join(JoinType type, boolean natural, FromItem left, FromItem right, Expression condition,
                List<String> using, int position) implements FromItem {
        public Join {
            using = List.copyOf(using);
        }
    }

    enum JoinType { INNER, LEFT, RIGHT, FULL, CROSS }

    /**
     * A join with a name. {@code (left JOIN right ...) [AS] alias [(columns)]} ({@code usingAlias} false): the join's
     * columns under {@code alias}, renamed by {@code columnAliases}, while the names of the items inside go out of
     * reach. {@code left JOIN right USING (columns) AS alias} ({@code usingAlias} true, {@code joined} the USING
     * join, no column aliases): {@code alias} names the merged USING columns only and the inputs stay in reach.
     */
    record JoinAlias(FromItem joined, String alias, List<String> columnAliases, boolean usingAlias, int position)
            implements FromItem {
        public JoinAlias {
            columnAliases = List.copyOf(columnAliases);
        }
    }
}
