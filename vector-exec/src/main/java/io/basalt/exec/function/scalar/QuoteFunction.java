package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.function.UnaryOperator;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code quote_ident}, {@code quote_literal} and {@code quote_nullable}: text made safe to splice into SQL.
 * Identifier quoting needs the parser's keyword list, which this module does not know, so the binder hands
 * it in as {@code identifierQuoting}.
 */
public final class QuoteFunction implements ScalarFunction {
    /** The three functions. */
    public enum Kind {
        IDENT, LITERAL, NULLABLE
    }

    private final Kind kind;
    private final UnaryOperator<String> identifierQuoting;

    public QuoteFunction(Kind kind, UnaryOperator<String> identifierQuoting) {
        this.kind = kind;
        this.identifierQuoting = identifierQuoting;
    }

    @Override
    public String name() {
        return "quote_" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            String text = ValueAccess.text(arguments[0], i);
            if (text == null) {
                if (kind == Kind.NULLABLE) {
                    ValueAccess.set(out, i, "NULL");
                }
                continue;
            }
            ValueAccess.set(out, i, kind == Kind.IDENT ? identifierQuoting.apply(text) : literal(text));
        }
        return out;
    }

    /** PostgreSQL's quote_literal: quotes doubled, and backslashes doubled under an E prefix when there are any. */
    public static String literal(String text) {
        boolean backslash = text.indexOf('\\') >= 0;
        StringBuilder out = new StringBuilder(text.length() + 3);
        if (backslash) {
            out.append('E');
        }
        out.append('\'');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\'' || c == '\\') {
                out.append(c);
            }
            out.append(c);
        }
        return out.append('\'').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QuoteFunction that && kind == that.kind;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), kind);
    }
}
