package io.basalt.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.basalt.error.BasaltException;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.Statement;

/** Shortcuts for parser tests: parse and print as S-expressions, or catch the error. */
final class ParsedSql {
    private ParsedSql() {
    }

    /** The one statement of {@code sql}, printed. */
    static String tree(String sql) {
        return SqlTreePrinter.print(Parser.parseStatement(sql));
    }

    /** The expression {@code expression} as the one item of a SELECT list, printed. */
    static String expression(String expression) {
        return SqlTreePrinter.print(parseExpression(expression));
    }

    static Expression parseExpression(String expression) {
        Statement statement = Parser.parseStatement("SELECT " + expression);
        QueryBody.Select select = (QueryBody.Select) ((QueryStatement) statement).query().body();
        assertThat(select.items()).hasSize(1);
        return ((SelectItem.Item) select.items().getFirst()).expression();
    }

    static BasaltException error(String sql) {
        BasaltException error = catchThrowableOfType(BasaltException.class, () -> Parser.parseScript(sql));
        assertThat(error).as("error for %s", sql).isNotNull();
        return error;
    }
}
