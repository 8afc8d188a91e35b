package io.basalt.binder.viewtext;

import io.basalt.binder.ColumnNaming;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.OrderItem;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.With;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a query of a view as PostgreSQL's {@code pg_get_viewdef} prints it (ruleutils' {@code get_query_def}):
 * {@code SELECT} with one output column per line, FROM items with joins on lines of their own, WHERE, GROUP BY,
 * HAVING, ORDER BY, OFFSET and LIMIT each on a new line at PostgreSQL's indentation; {@code *} expanded into the
 * columns it reads; every column reference resolved to the relation it reads and printed with that relation's
 * name; output columns named with {@code AS} where their name is not the column's own.
 */
final class QueryWriter {
    /** One output column: an expression, or a column a {@code *} stands for. */
    record Target(Expression expression, Column column, String name, LogicalType type) {
    }

    private final Catalog catalog;
    final TextLayout layout;
    /** Renames the text follows ({@link ViewText#renamed}): columns are then always qualified. Null: none. */
    private RelationRenames renames;

    Catalog catalog() {
        return catalog;
    }

    QueryWriter(Catalog catalog, TextLayout layout) {
        this.catalog = catalog;
        this.layout = layout;
    }

    QueryWriter(Catalog catalog, TextLayout layout, RelationRenames renames) {
        this(catalog, layout);
        this.renames = renames;
    }

    /**
     * Writes {@code query} at the layout's current indentation and returns its output columns. {@code resultNames}
     * are the view's column names at the top level (null below it); {@code width} cuts the output to the view's
     * columns (-1: all).
     */
    List<Target> query(Query query, NameScope parent, List<String> resultNames, int width) {
        return query(query, parent, resultNames, width, true);
    }

    /**
     * As {@link #query(Query, NameScope, List, int)}; {@code namesVisible} is false for a subquery used as a value,
     * whose unnamed columns ({@code ?column?}) need no {@code AS}. The indentation is the caller's again afterwards.
     */
    List<Target> query(Query query, NameScope parent, List<String> resultNames, int width, boolean namesVisible) {
        int indent = layout.indent;
        boolean outerNamesVisible = this.namesVisible;
        this.namesVisible = namesVisible;
        try {
            return levelQuery(query, parent, resultNames, width);
        } finally {
            layout.indent = indent;
            this.namesVisible = outerNamesVisible;
        }
    }

    private boolean namesVisible = true;
    /** The {@link NameScope#namesAlso} of the next query level written (a FROM subquery's), or null. */
    private NameScope pendingNamesAlso;

    private List<Target> levelQuery(Query query, NameScope parent, List<String> resultNames, int width) {
        NameScope withScope = new NameScope(parent);
        withScope.namesAlso = pendingNamesAlso;
        pendingNamesAlso = null;
        if (query.with() != null) {
            with(query.with(), withScope);
        }
        Level level = body(query.body(), withScope, resultNames, width);
        if (!query.orderBy().isEmpty()) {
            layout.keyword(" ORDER BY ", -TextLayout.STANDARD, TextLayout.STANDARD, 1);
            String separator = "";
            for (OrderItem item : query.orderBy()) {
                layout.append(separator);
                separator = ", ";
                sortExpression(item.expression(), level, true);
                if (item.descending()) {
                    layout.append(" DESC");
                    if (Boolean.FALSE.equals(item.nullsFirst())) {
                        layout.append(" NULLS LAST");
                    }
                } else if (Boolean.TRUE.equals(item.nullsFirst())) {
                    layout.append(" NULLS FIRST");
                }
            }
        }
        ExpressionWriter expressions = new ExpressionWriter(this, level.scope);
        if (query.offset() != null) {
            layout.keyword(" OFFSET ", -TextLayout.STANDARD, TextLayout.STANDARD, 0);
            expressions.write(query.offset(), null);
        }
        if (query.limit() != null) {
            if (query.limitWithTies()) {
                // PostgreSQL parenthesises the count of WITH TIES, whatever it is
                layout.keyword(" FETCH FIRST ", -TextLayout.STANDARD, TextLayout.STANDARD, 0);
                layout.append("(");
                expressions.write(query.limit(), null);
                layout.append(") ROWS WITH TIES");
            } else {
                layout.keyword(" LIMIT ", -TextLayout.STANDARD, TextLayout.STANDARD, 0);
                expressions.write(query.limit(), null);
            }
        }
        return level.targets;
    }

    /** The output columns of {@code query} without writing it (a subquery's, to type the columns read from it). */
    List<Target> outputs(Query query, NameScope parent) {
        return new QueryWriter(catalog, new TextLayout(layout.pretty), renames).query(query, parent, null, -1);
    }

    /** A query level: {@code outputNames} are its output columns' names as printed (null: the targets'). */
    private record Level(NameScope scope, List<Target> targets, boolean setOperation, List<String> outputNames) {
        Level(NameScope scope, List<Target> targets, boolean setOperation) {
            this(scope, targets, setOperation, null);
        }

        /**
         * Whether an output column named {@code column}'s own name is something other than that column read as it
         * is (printed {@code text}): an unqualified reference in ORDER BY would then read as that output column.
         */
        boolean shadows(String column, String text) {
            if (outputNames == null || column == null) {
                return false;
            }
            for (int i = 0; i < outputNames.size() && i < targets.size(); i++) {
                if (!outputNames.get(i).equals(column)) {
                    continue;
                }
                Target target = targets.get(i);
                boolean same = target.column() != null ? target.column().text().equals(text)
                        : target.expression() instanceof Expression.ColumnRef reference
                        && scope.resolve(reference.parts()).text().equals(text);
                if (!same) {
                    return true;
                }
            }
            return false;
        }
    }

    private void with(With with, NameScope scope) {
        layout.indent += TextLayout.STANDARD;
        layout.append(' ');
        String separator = with.recursive() ? "WITH RECURSIVE " : "WITH ";
        for (With.CommonTableExpression table : with.tables()) {
            layout.append(separator);
            separator = ", ";
            layout.append(IdentifierQuoting.quote(table.name()));
            if (!table.columnAliases().isEmpty()) {
                layout.append('(').append(quotedList(table.columnAliases())).append(')');
            }
            layout.append(" AS ");
            if (table.materialized() != null) {
                layout.append(table.materialized() ? "MATERIALIZED " : "NOT MATERIALIZED ");
            }
            layout.append('(');
            layout.keyword("", 0, 0, 0);
            List<Target> outputs;
            if (table.query() != null) {
                outputs = query(table.query(), scope, null, -1);
            } else {
                outputs = List.of();
            }
            layout.keyword("", 0, 0, 0);
            layout.append(')');
            List<String> names = new ArrayList<>();
            List<LogicalType> types = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                names.add(i < table.columnAliases().size() ? table.columnAliases().get(i) : outputs.get(i).name());
                types.add(outputs.get(i).type());
            }
            searchAndCycle(table, scope, names, types);
            scope.withQueries.put(table.name(), new Source.Relation(table.name(), table.name(), names, types));
        }
        layout.indent -= TextLayout.STANDARD;
        layout.keyword("", 0, 0, 0);
    }

    /** A WITH query's SEARCH and CYCLE clauses, whose columns follow the query's. */
    private void searchAndCycle(With.CommonTableExpression table, NameScope scope, List<String> names,
                                List<LogicalType> types) {
        if (table.search() != null) {
            With.Search search = table.search();
            layout.append(search.breadthFirst() ? " SEARCH BREADTH FIRST BY " : " SEARCH DEPTH FIRST BY ")
                    .append(quotedList(search.columns())).append(" SET ")
                    .append(IdentifierQuoting.quote(search.sequenceColumn()));
            names.add(search.sequenceColumn());
            types.add(null);
        }
        if (table.cycle() != null) {
            With.Cycle cycle = table.cycle();
            layout.append(" CYCLE ").append(quotedList(cycle.columns())).append(" SET ")
                    .append(IdentifierQuoting.quote(cycle.markColumn()));
            boolean plain = cycle.markValue() == null
                    || cycle.markValue() instanceof io.basalt.sql.ast.Expression.BooleanLiteral value && value.value()
                    && cycle.markDefault() instanceof io.basalt.sql.ast.Expression.BooleanLiteral otherwise
                    && !otherwise.value();
            if (!plain) {
                layout.append(" TO ");
                new ExpressionWriter(this, scope).write(cycle.markValue(), null);
                layout.append(" DEFAULT ");
                new ExpressionWriter(this, scope).write(cycle.markDefault(), null);
            }
            layout.append(" USING ").append(IdentifierQuoting.quote(cycle.pathColumn()));
            names.add(cycle.markColumn());
            types.add(null);
            names.add(cycle.pathColumn());
            types.add(null);
        }
    }

    private Level body(QueryBody body, NameScope parent, List<String> resultNames, int width) {
        return switch (body) {
            case QueryBody.Select select -> select(select, parent, resultNames, width);
            case QueryBody.Values values -> values(values, parent, resultNames);
            case QueryBody.Nested nested -> {
                layout.append('(');
                List<Target> targets = query(nested.query(), parent, resultNames, width);
                layout.append(')');
                yield new Level(new NameScope(parent), targets, true);
            }
            case QueryBody.SetOperation operation -> setOperation(operation, parent, resultNames, width);
        };
    }

    private Level setOperation(QueryBody.SetOperation operation, NameScope parent, List<String> resultNames,
                               int width) {
        boolean leftParen = operation.left() instanceof QueryBody.SetOperation left
                && (left.operator() != operation.operator() || left.all() != operation.all());
        int subindent = 0;
        if (leftParen) {
            layout.append('(');
            subindent = TextLayout.STANDARD;
            layout.keyword("", subindent, 0, 0);
        }
        Level left = leaf(operation.left(), parent, resultNames, width);
        if (leftParen) {
            layout.keyword(") ", -subindent, 0, 0);
        } else {
            layout.keyword("", -subindent, 0, 0);
        }
        layout.append(operation.operator().name()).append(' ');
        if (operation.all()) {
            layout.append("ALL ");
        }
        boolean rightParen = operation.right() instanceof QueryBody.SetOperation;
        subindent = rightParen ? TextLayout.STANDARD : 0;
        if (rightParen) {
            layout.append('(');
        }
        layout.keyword("", subindent, 0, 0);
        // the right operand's column names are not the result's: an unnamed expression there needs no AS
        boolean outerNamesVisible = namesVisible;
        namesVisible = false;
        try {
            leaf(operation.right(), parent, resultNames == null ? names(left.targets) : resultNames, width);
        } finally {
            namesVisible = outerNamesVisible;
        }
        layout.indent -= subindent;
        if (rightParen) {
            layout.keyword(")", 0, 0, 0);
        }
        return new Level(new NameScope(parent), left.targets, true);
    }

    /** A set operation's operand, written in a context of its own (its indentation does not carry over). */
    private Level leaf(QueryBody body, NameScope parent, List<String> resultNames, int width) {
        int indent = layout.indent;
        boolean outerLeaf = setOperand;
        setOperand = true;
        try {
            return body(body, parent, resultNames, width);
        } finally {
            layout.indent = indent;
            setOperand = outerLeaf;
        }
    }

    /** Whether a set operation's operand is being written: PostgreSQL names its relations as a nested query's. */
    private boolean setOperand;

    private static List<String> names(List<Target> targets) {
        List<String> names = new ArrayList<>();
        for (Target target : targets) {
            names.add(target.name());
        }
        return names;
    }

    private Level values(QueryBody.Values values, NameScope parent, List<String> resultNames) {
        NameScope scope = new NameScope(parent);
        layout.indent += TextLayout.STANDARD;
        layout.append(' ');
        ExpressionWriter expressions = new ExpressionWriter(this, scope);
        layout.append("VALUES ");
        List<Target> targets = new ArrayList<>();
        for (int r = 0; r < values.rows().size(); r++) {
            if (r > 0) {
                layout.append(", ");
            }
            layout.append('(');
            List<Expression> row = values.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    layout.append(',');
                }
                expressions.writeField(row.get(c), expressions.columnType(values.rows(), c));
                if (r == 0) {
                    String name = resultNames != null && c < resultNames.size() ? resultNames.get(c)
                            : "column" + (c + 1);
                    targets.add(new Target(row.get(c), null, name, expressions.columnType(values.rows(), c)));
                }
            }
            layout.append(')');
        }
        return new Level(scope, targets, false);
    }

    private Level select(QueryBody.Select select, NameScope parent, List<String> resultNames, int width) {
        NameScope scope = new NameScope(parent);
        int[] rangeEntries = new int[1];
        for (FromItem item : select.from()) {
            scope.from.add(source(item, scope, rangeEntries));
        }
        scope.prefix = parent.parent != null || setOperand || rangeEntries[0] != 1 || renames != null;
        UsingNames.separate(scope.from);
        ExpressionWriter expressions = new ExpressionWriter(this, scope);
        List<Target> targets = targets(select, scope, expressions);
        if (width >= 0 && targets.size() > width) {
            targets = new ArrayList<>(targets.subList(0, width));
        }
        layout.indent += TextLayout.STANDARD;
        layout.append(' ');
        layout.append("SELECT");
        if (select.distinct()) {
            layout.append(" DISTINCT");
        } else if (!select.distinctOn().isEmpty()) {
            layout.append(" DISTINCT ON (");
            String separator = "";
            for (Expression expression : select.distinctOn()) {
                layout.append(separator);
                separator = ", ";
                sortExpression(expression, new Level(scope, targets, false), true);
            }
            layout.append(')');
        }
        targetList(targets, resultNames, expressions);
        fromClause(select.from(), scope);
        if (select.where() != null) {
            layout.keyword(" WHERE ", -TextLayout.STANDARD, TextLayout.STANDARD, 1);
            expressions.write(select.where(), null);
        }
        List<String> outputNames = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            outputNames.add(resultNames != null && i < resultNames.size() ? resultNames.get(i) : targets.get(i).name());
        }
        Level level = new Level(scope, targets, false, outputNames);
        if (!select.groupBy().isEmpty()) {
            layout.keyword(" GROUP BY ", -TextLayout.STANDARD, TextLayout.STANDARD, 1);
            String separator = "";
            for (Expression expression : select.groupBy()) {
                layout.append(separator);
                separator = ", ";
                sortExpression(expression, level, false);
            }
        }
        if (select.having() != null) {
            layout.keyword(" HAVING ", -TextLayout.STANDARD, TextLayout.STANDARD, 0);
            expressions.write(select.having(), null);
        }
        return level;
    }

    private List<Target> targets(QueryBody.Select select, NameScope scope, ExpressionWriter expressions) {
        List<Target> targets = new ArrayList<>();
        for (SelectItem item : select.items()) {
            switch (item) {
                case SelectItem.Star star -> {
                    if (star.qualifier() == null) {
                        for (Source source : scope.from) {
                            for (int c = 0; c < source.names().size(); c++) {
                                Column column = scope.printed(source.column(c));
                                targets.add(new Target(null, column, source.names().get(c), column.type()));
                            }
                        }
                    } else {
                        Source relation = null;
                        for (Source source : scope.from) {
                            relation = relation != null ? relation : source.find(star.qualifier().last());
                        }
                        if (relation != null) {
                            for (int c = 0; c < relation.names().size(); c++) {
                                Column column = scope.printed(relation.column(c));
                                targets.add(new Target(null, column, relation.names().get(c), column.type()));
                            }
                        }
                    }
                }
                case SelectItem.Item expression -> {
                    String name = expression.alias() != null ? expression.alias()
                            : ColumnNaming.figure(expression.expression());
                    targets.add(new Target(expression.expression(), null, name,
                            expressions.outputType(expression.expression())));
                }
            }
        }
        return targets;
    }

    private void targetList(List<Target> targets, List<String> resultNames, ExpressionWriter expressions) {
        String separator = " ";
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            layout.append(separator);
            separator = ",";
            StringBuilder outer = layout.out;
            layout.out = new StringBuilder();
            String attname;
            if (target.column() != null) {
                layout.append(target.column().text());
                attname = target.column().attname();
            } else if (target.expression() instanceof Expression.ColumnRef reference
                    && expressions.scope.wholeRow(reference.parts(), true) != null) {
                layout.append(expressions.scope.wholeRow(reference.parts(), true));
                attname = null;
            } else if (target.expression() instanceof Expression.ColumnRef reference) {
                Column column = expressions.scope.resolve(reference.parts());
                layout.append(column.text());
                attname = column.attname();
            } else {
                expressions.writeOutput(target.expression());
                attname = null;
            }
            String name = resultNames != null && i < resultNames.size() ? resultNames.get(i) : target.name();
            if (attname == null && !namesVisible) {
                attname = "?column?";
            }
            if (attname == null || !attname.equals(name)) {
                layout.append(" AS ").append(IdentifierQuoting.quote(name));
            }
            String field = layout.out.toString();
            layout.out = outer;
            if (field.startsWith("\n")) {
                layout.removeTrailingSpaces();
            } else if (i > 0) {
                layout.keyword("", -TextLayout.STANDARD, TextLayout.STANDARD, TextLayout.VARIABLE);
            }
            layout.append(field);
        }
    }

    /**
     * An ORDER BY, GROUP BY or DISTINCT ON entry as PostgreSQL prints its target: an output column's name or number
     * stands for that column's expression; a column prints bare, another expression in parentheses when pretty
     * (always for a function call).
     */
    private void sortExpression(Expression expression, Level level, boolean outputNamesFirst) {
        Expression resolved = expression;
        Column column = null;
        if (expression instanceof Expression.NumberLiteral number && number.text().matches("\\d+")) {
            int index = Integer.parseInt(number.text()) - 1;
            if (index >= 0 && index < level.targets.size()) {
                Target target = level.targets.get(index);
                resolved = target.expression();
                column = target.column();
            }
        } else if (expression instanceof Expression.ColumnRef reference && reference.parts().size() == 1
                && (outputNamesFirst || level.scope.resolve(reference.parts()).type() == null
                && !inputColumn(level.scope, reference))) {
            for (Target target : level.targets) {
                if (target.name().equals(reference.parts().getFirst())) {
                    resolved = target.expression();
                    column = target.column();
                    break;
                }
            }
        }
        if (level.setOperation) {
            for (int i = 0; i < level.targets.size(); i++) {
                if (expression instanceof Expression.ColumnRef reference
                        && level.targets.get(i).name().equals(reference.parts().getLast())) {
                    layout.append(Integer.toString(i + 1));
                    return;
                }
            }
        }
        ExpressionWriter expressions = new ExpressionWriter(this, level.scope);
        if (column != null) {
            layout.append(column.text());
        } else if (resolved instanceof Expression.ColumnRef reference && !level.scope.prefix
                && level.shadows(level.scope.resolve(reference.parts()).attname(),
                        level.scope.resolve(reference.parts()).text())
                && level.scope.wholeRow(reference.parts(), false) == null) {
            // unqualified, the name would read as the output column of that name: PostgreSQL qualifies it
            boolean prefix = level.scope.prefix;
            level.scope.prefix = true;
            expressions.write(resolved, null);
            level.scope.prefix = prefix;
        } else if (resolved instanceof Expression.ColumnRef) {
            expressions.write(resolved, null);
        } else {
            boolean paren = layout.pretty || resolved instanceof Expression.FunctionCall;
            if (resolved instanceof Expression.NumberLiteral || resolved instanceof Expression.StringLiteral) {
                paren = false;
            }
            if (paren) {
                layout.append('(');
            }
            expressions.write(resolved, null);
            if (paren) {
                layout.append(')');
            }
        }
    }

    private static boolean inputColumn(NameScope scope, Expression.ColumnRef reference) {
        for (Source source : scope.from) {
            if (source.indexOf(reference.parts().getFirst()) >= 0) {
                return true;
            }
        }
        return false;
    }

    // ---- FROM ------------------------------------------------------------------------------------------------

    /** The source for a FROM item, its relations named (uniquely) in order; counts range-table entries. */
    Source source(FromItem item, NameScope scope, int[] rangeEntries) {
        return switch (item) {
            case FromItem.Table table -> {
                rangeEntries[0]++;
                String name = table.name().last();
                String lookup = table.alias() != null ? table.alias() : name;
                Source.Relation with = table.name().parts().size() == 1 ? scope.withQuery(name) : null;
                List<String> names = new ArrayList<>();
                List<LogicalType> types = new ArrayList<>();
                if (with != null) {
                    names.addAll(with.names());
                    types.addAll(with.types);
                } else {
                    relationColumns(table, names, types);
                }
                List<String> printed = names;
                String printedLookup = lookup;
                String[] resolved = with == null && renames != null ? resolvedRelation(table) : null;
                if (resolved != null) {
                    printed = new ArrayList<>(renames.columnNames(resolved[0], resolved[1], names));
                    if (table.alias() == null) {
                        printedLookup = renames.relationName(resolved[0], resolved[1]);
                    }
                }
                for (int i = 0; i < table.columnAliases().size() && i < names.size(); i++) {
                    names.set(i, table.columnAliases().get(i));
                    printed.set(i, table.columnAliases().get(i));
                }
                if (!table.columnAliases().isEmpty()) {
                    // columns added since the aliases were written keep their names, made unique among the aliases
                    for (int i = table.columnAliases().size(); i < names.size(); i++) {
                        String unique = names.get(i);
                        for (int n = 1; names.subList(0, i).contains(unique); n++) {
                            unique = names.get(i) + "_" + n;
                        }
                        names.set(i, unique);
                        printed.set(i, unique);
                    }
                }
                Source.Relation relation = new Source.Relation(lookup, scope.unique(printedLookup), names, types);
                relation.printedNames = List.copyOf(printed);
                relation.withQuery = with != null;
                if (with == null) {
                    relation.rowType = IdentifierQuoting.quote(resolved != null
                            ? renames.relationName(resolved[0], resolved[1]) : name);
                }
                yield relation;
            }
            case FromItem.Subquery subquery -> {
                rangeEntries[0]++;
                List<Target> outputs = outputs(subquery.query(), subquery.lateral() ? scope : scope.parent);
                List<String> names = new ArrayList<>();
                List<LogicalType> types = new ArrayList<>();
                for (int i = 0; i < outputs.size(); i++) {
                    names.add(i < subquery.columnAliases().size() ? subquery.columnAliases().get(i)
                            : outputs.get(i).name());
                    types.add(outputs.get(i).type());
                }
                String alias = subquery.alias() != null ? subquery.alias() : "unnamed_subquery";
                yield new Source.Relation(alias, scope.unique(alias), names, types);
            }
            case FromItem.Function function -> {
                rangeEntries[0]++;
                String alias = function.alias() != null ? function.alias() : function.call().name().last();
                List<String> names = new ArrayList<>(function.columnAliases());
                if (names.isEmpty()) {
                    names.add(alias);
                }
                List<LogicalType> types = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    types.add(null);
                }
                yield new Source.Relation(alias, scope.unique(alias), names, types);
            }
            case FromItem.Join join -> {
                Source left = source(join.left(), scope, rangeEntries);
                Source right = source(join.right(), scope, rangeEntries);
                rangeEntries[0]++;
                List<String> using = new ArrayList<>(join.using());
                if (join.natural()) {
                    for (String name : left.names()) {
                        if (right.names().contains(name)) {
                            using.add(name);
                        }
                    }
                }
                if (renames != null) {
                    for (String name : using) {
                        keepName(left, name);
                        keepName(right, name);
                    }
                }
                yield new Source.Join(join.type(), left, right, using);
            }
            case FromItem.JoinAlias alias -> {
                Source joined = source(alias.joined(), scope, rangeEntries);
                if (alias.usingAlias() && joined instanceof Source.Join join) {
                    join.usingAlias = alias.alias();
                    yield join;
                }
                List<String> names = new ArrayList<>(joined.names());
                for (int i = 0; i < alias.columnAliases().size() && i < names.size(); i++) {
                    names.set(i, alias.columnAliases().get(i));
                }
                yield new Source.Aliased(joined, alias.alias(), scope.unique(alias.alias()), names);
            }
        };
    }

    /**
     * Makes column {@code name} of {@code source} (a join's USING column) print under that name while renames are
     * followed: a relation whose column of that name is renamed then gets column aliases naming it as before
     * ({@code JOIN t t(a, b, c) USING (c)}), as PostgreSQL prints such a join, so that the USING list still reads.
     */
    private static void keepName(Source source, String name) {
        switch (source) {
            case Source.Relation relation -> {
                int index = relation.names().indexOf(name);
                if (index >= 0 && !relation.printedNames.get(index).equals(name)) {
                    List<String> printed = new ArrayList<>(relation.printedNames);
                    printed.set(index, name);
                    relation.printedNames = List.copyOf(printed);
                    relation.aliasColumns = true;
                }
            }
            case Source.Join join -> {
                if (join.using.contains(name)) {
                    keepName(join.left, name);
                    keepName(join.right, name);
                } else if (join.left.indexOf(name) >= 0) {
                    keepName(join.left, name);
                } else {
                    keepName(join.right, name);
                }
            }
            default -> {
                // an aliased join's columns print under the alias's names, which a rename does not change
            }
        }
    }

    /** The schema and name of the table or view {@code table} reads, or null. */
    private String[] resolvedRelation(FromItem.Table table) {
        List<String> parts = table.name().parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        TableEntry entry = catalog.findTable(schema, table.name().last()).orElse(null);
        if (entry != null) {
            return new String[] {entry.schema(), entry.name()};
        }
        ViewEntry view = catalog.findView(schema, table.name().last()).orElse(null);
        return view == null ? null : new String[] {view.schema(), view.name()};
    }

    private void relationColumns(FromItem.Table table, List<String> names, List<LogicalType> types) {
        List<String> parts = table.name().parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        TableEntry entry = catalog.findTable(schema, table.name().last()).orElse(null);
        if (entry != null) {
            for (var column : entry.columns()) {
                names.add(column.name());
                types.add(column.type());
            }
            return;
        }
        ViewEntry view = catalog.findView(schema, table.name().last()).orElse(null);
        if (view != null) {
            names.addAll(view.columnNames());
            types.addAll(view.columnTypes());
        }
    }

    private void fromClause(List<FromItem> items, NameScope scope) {
        for (int i = 0; i < items.size(); i++) {
            if (i == 0) {
                layout.keyword(" FROM ", -TextLayout.STANDARD, TextLayout.STANDARD, 2);
                fromItem(items.get(i), scope.from.get(i), scope);
            } else {
                layout.append(", ");
                StringBuilder outer = layout.out;
                layout.out = new StringBuilder();
                fromItem(items.get(i), scope.from.get(i), scope);
                String item = layout.out.toString();
                layout.out = outer;
                if (item.startsWith("\n")) {
                    layout.removeTrailingSpaces();
                } else {
                    layout.keyword("", -TextLayout.STANDARD, TextLayout.STANDARD, TextLayout.VARIABLE);
                }
                layout.append(item);
            }
        }
    }

    private void fromItem(FromItem item, Source source, NameScope scope) {
        switch (item) {
            case FromItem.Table table -> {
                Source.Relation relation = (Source.Relation) source;
                if (table.only()) {
                    layout.append("ONLY ");
                }
                String written = relationName(table, relation.withQuery);
                layout.append(written);
                String[] resolved = renames != null && !relation.withQuery ? resolvedRelation(table) : null;
                String shownName = resolved == null ? table.name().last()
                        : renames.relationName(resolved[0], resolved[1]);
                boolean alias = table.alias() != null || !relation.refname.equals(shownName)
                        || !table.columnAliases().isEmpty() || relation.aliasColumns;
                if (alias) {
                    layout.append(' ').append(IdentifierQuoting.quote(relation.refname));
                }
                if (!table.columnAliases().isEmpty() || relation.aliasColumns) {
                    layout.append('(').append(quotedList(relation.printedNames)).append(')');
                }
            }
            case FromItem.Subquery subquery -> {
                Source.Relation relation = (Source.Relation) source;
                if (subquery.lateral()) {
                    layout.append("LATERAL ");
                }
                layout.append('(');
                pendingNamesAlso = subquery.lateral() ? null : scope;
                query(subquery.query(), subquery.lateral() ? scope : scope.parent, null, -1);
                layout.append(')');
                layout.append(' ').append(IdentifierQuoting.quote(relation.refname));
                if (!subquery.columnAliases().isEmpty()) {
                    layout.append('(').append(quotedList(relation.names())).append(')');
                }
            }
            case FromItem.Function function -> {
                Source.Relation relation = (Source.Relation) source;
                if (function.lateral()) {
                    layout.append("LATERAL ");
                }
                new ExpressionWriter(this, scope).write(function.call(), null);
                layout.append(' ').append(IdentifierQuoting.quote(relation.refname));
                // PostgreSQL names a function's columns always: generate_series(1, 3) i(i)
                if (!relation.names().isEmpty()) {
                    layout.append('(').append(quotedList(relation.names())).append(')');
                }
            }
            case FromItem.Join join -> {
                Source.Join joined = (Source.Join) source;
                boolean pretty = layout.pretty;
                if (!pretty) {
                    layout.append('(');
                }
                fromItem(join.left(), joined.left, scope);
                boolean cross = join.type() == FromItem.JoinType.CROSS
                        || join.natural() && joined.using.isEmpty() && join.type() == FromItem.JoinType.INNER;
                String keyword = switch (join.type()) {
                    case INNER, CROSS -> cross ? " CROSS JOIN " : " JOIN ";
                    case LEFT -> " LEFT JOIN ";
                    case RIGHT -> " RIGHT JOIN ";
                    case FULL -> " FULL JOIN ";
                };
                layout.keyword(keyword, -TextLayout.STANDARD, TextLayout.STANDARD, TextLayout.JOIN);
                boolean rightParen = pretty && join.right() instanceof FromItem.Join;
                if (rightParen) {
                    layout.append('(');
                }
                fromItem(join.right(), joined.right, scope);
                if (rightParen) {
                    layout.append(')');
                }
                if (!joined.using.isEmpty()) {
                    layout.append(" USING (").append(quotedList(joined.printedUsing)).append(')');
                    if (joined.usingAlias != null) {
                        layout.append(" AS ").append(IdentifierQuoting.quote(joined.usingAlias));
                    }
                } else if (join.condition() != null) {
                    layout.append(" ON ");
                    if (!pretty) {
                        layout.append('(');
                    }
                    new ExpressionWriter(this, scope).write(join.condition(), null);
                    if (!pretty) {
                        layout.append(')');
                    }
                } else if (!cross && join.type() != FromItem.JoinType.INNER) {
                    layout.append(" ON TRUE");
                }
                if (!pretty) {
                    layout.append(')');
                }
            }
            case FromItem.JoinAlias alias -> {
                if (!(source instanceof Source.Aliased aliased)) {
                    fromItem(alias.joined(), source, scope);
                    return;
                }
                // PostgreSQL parenthesises an aliased join even where precedence does not need it
                boolean paren = layout.pretty || !(alias.joined() instanceof FromItem.Join);
                if (paren) {
                    layout.append('(');
                }
                fromItem(alias.joined(), aliased.joined, scope);
                if (paren) {
                    layout.append(')');
                }
                layout.append(' ').append(IdentifierQuoting.quote(aliased.refname));
                if (!alias.columnAliases().isEmpty()) {
                    layout.append('(').append(quotedList(aliased.names())).append(')');
                }
            }
        }
    }

    /** A table's name, with its schema when the search path would not find it by its name alone. */
    private String relationName(FromItem.Table table, boolean withQuery) {
        List<String> parts = table.name().parts();
        String name = table.name().last();
        String[] resolved = renames != null && !withQuery ? resolvedRelation(table) : null;
        if (resolved != null) {
            String renamed = renames.relationName(resolved[0], resolved[1]);
            String movedTo = renames.movedSchema(resolved[0], resolved[1]);
            if (movedTo != null) {
                return IdentifierQuoting.quote(movedTo) + "." + IdentifierQuoting.quote(renamed);
            }
            return parts.size() < 2 ? IdentifierQuoting.quote(renamed)
                    : IdentifierQuoting.quote(parts.get(parts.size() - 2)) + "." + IdentifierQuoting.quote(renamed);
        }
        if (parts.size() < 2) {
            return IdentifierQuoting.quote(name);
        }
        String schema = parts.get(parts.size() - 2);
        String visibleSchema = catalog.findTable(null, name).map(TableEntry::schema)
                .orElseGet(() -> catalog.findView(null, name).map(ViewEntry::schema).orElse(null));
        if (schema.equals(visibleSchema)) {
            return IdentifierQuoting.quote(name);
        }
        return IdentifierQuoting.quote(schema) + "." + IdentifierQuoting.quote(name);
    }

    static String quotedList(List<String> names) {
        List<String> quoted = new ArrayList<>();
        for (String name : names) {
            quoted.add(IdentifierQuoting.quote(name));
        }
        return String.join(", ", quoted);
    }
}
