package io.basalt.plan.logical;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.lexer.IdentifierQuoting;
import java.util.ArrayList;
import java.util.List;

/**
 * A bound expression over a table's columns written as PostgreSQL's pg_get_constraintdef and pg_get_expr write
 * one (the same deparsing EXPLAIN uses: every operator application parenthesised, constants with their type when
 * needed), column references by the table's current column names, quoted as needed.
 */
public final class ConditionText {
    private ConditionText() {
    }

    /** {@code expression}, whose column reference i is column {@code columnNames.get(i)}. */
    public static String write(BoundExpression expression, List<String> columnNames) {
        List<ExplainExpressions.Column> input = new ArrayList<>();
        for (String name : columnNames) {
            String quoted = IdentifierQuoting.quote(name);
            input.add(new ExplainExpressions.Column(quoted, quoted, true));
        }
        return ExplainExpressions.deparse(expression, input, false);
    }
}
