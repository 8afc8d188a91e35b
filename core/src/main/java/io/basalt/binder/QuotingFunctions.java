package io.basalt.binder;

import io.basalt.exec.function.scalar.FormatFunction;
import io.basalt.exec.function.scalar.QuoteFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the functions that quote text for SQL: {@code quote_ident}, {@code quote_literal},
 * {@code quote_nullable} and {@code format}. They live here rather than in the executor's catalogue because
 * quoting an identifier needs the parser's keyword list; the executor's functions receive it as
 * {@link IdentifierQuoting#quote}. quote_literal, quote_nullable and format take any type, printed as text.
 */
final class QuotingFunctions {
    private QuotingFunctions() {
    }

    /** The bound call, or null when {@code name} is none of these or the arguments fit no variant. */
    static BoundExpression bind(String name, List<BoundExpression> arguments, int position) {
        QuoteFunction.Kind kind = switch (name) {
            case "quote_ident" -> QuoteFunction.Kind.IDENT;
            case "quote_literal" -> QuoteFunction.Kind.LITERAL;
            case "quote_nullable" -> QuoteFunction.Kind.NULLABLE;
            default -> null;
        };
        if (kind != null) {
            if (arguments.size() != 1 || kind == QuoteFunction.Kind.IDENT && !textual(arguments.getFirst().type())) {
                return null;
            }
            return new BoundExpression.Function(new QuoteFunction(kind, IdentifierQuoting::quote),
                    List.of(Coercion.cast(arguments.getFirst(), LogicalType.TEXT, false)), LogicalType.TEXT, position);
        }
        if (name.equals("format") && !arguments.isEmpty() && textual(arguments.getFirst().type())) {
            List<BoundExpression> cast = new ArrayList<>(arguments.size());
            for (BoundExpression argument : arguments) {
                cast.add(Coercion.cast(argument, LogicalType.TEXT, false));
            }
            return new BoundExpression.Function(new FormatFunction(IdentifierQuoting::quote), cast, LogicalType.TEXT,
                    position);
        }
        return null;
    }

    private static boolean textual(LogicalType type) {
        return type.isString() || type.id() == io.basalt.type.TypeId.UNKNOWN;
    }
}
