package io.basalt.sql.ast;

import java.util.List;

/**
 * A scalar expression as written. Operator nodes keep the operator's spelling; the binder resolves it
 * against the operand types as PostgreSQL does.
 */
public sealed interface Expression extends Node {

    /**
     * {@code DEFAULT}: the column's default value, allowed only as a whole value of INSERT's VALUES or of UPDATE's
     * SET; anywhere else the binder rejects it (42601) as PostgreSQL does.
     */
    record Default(int position) implements Expression {
    }

    /** {@code NULL}. */
    record NullLiteral(int position) implements Expression {
    }

    /** {@code TRUE} / {@code FALSE}. */
    record BooleanLiteral(boolean value, int position) implements Expression {
    }

    /**
     * An unsigned numeric constant exactly as written: {@code 42}, {@code 3.14}, {@code 1e10}, {@code .5}.
     * A leading minus is a separate {@link Unary}; the binder types it (integer, bigint or numeric).
     */
    record NumberLiteral(String text, int position) implements Expression {
    }

    /** A string constant with escapes already processed ('it''s', E'\n', $$...$$). */
    record StringLiteral(String value, int position) implements Expression {
    }

    /** {@code type 'string'}: {@code DATE '2024-01-01'}, {@code INTERVAL '1 day'}. */
    record TypedLiteral(TypeName type, String value, int position) implements Expression {
    }

    /** A column reference, possibly qualified: {@code a}, {@code t.a}, {@code s.t.a}. */
    record ColumnRef(List<String> parts, int position) implements Expression {
        public ColumnRef {
            parts = List.copyOf(parts);
        }
    }

    /** {@code $n}, 1-based. */
    record Parameter(int index, int position) implements Expression {
    }

    /** Prefix operators: {@code -x}, {@code +x}, {@code NOT x} (operator "-", "+", "NOT"). */
    record Unary(String operator, Expression operand, int position) implements Expression {
    }

    /**
     * Infix operators: arithmetic ({@code + - * / % ^}), comparison ({@code = <> != < <= > >=}; "!=" is
     * reported as "<>"), {@code ||}, and the logical {@code AND} / {@code OR} (upper case).
     */
    record Binary(String operator, Expression left, Expression right, int position) implements Expression {
    }

    /** {@code x IS [NOT] NULL} (also {@code ISNULL} / {@code NOTNULL}). */
    record IsNull(Expression operand, boolean negated, int position) implements Expression {
    }

    /** {@code x IS [NOT] TRUE | FALSE | UNKNOWN}; {@code value} null means UNKNOWN. */
    record IsBoolean(Expression operand, Boolean value, boolean negated, int position) implements Expression {
    }

    /** {@code x IS [NOT] DISTINCT FROM y}. */
    record IsDistinctFrom(Expression left, Expression right, boolean negated, int position) implements Expression {
    }

    /** {@code x [NOT] BETWEEN [SYMMETRIC] low AND high}. */
    record Between(Expression operand, Expression low, Expression high, boolean negated, boolean symmetric,
                   int position) implements Expression {
    }

    /** {@code x [NOT] IN (a, b, ...)}. */
    record InList(Expression operand, List<Expression> values, boolean negated, int position) implements Expression {
        public InList {
            values = List.copyOf(values);
        }
    }

    /** {@code x [NOT] IN (subquery)}. */
    record InSubquery(Expression operand, Query query, boolean negated, int position) implements Expression {
    }

    /** {@code [NOT] EXISTS (subquery)}; NOT arrives as a {@link Unary}. */
    record Exists(Query query, int position) implements Expression {
    }

    /** {@code (subquery)} used as a value. */
    record ScalarSubquery(Query query, int position) implements Expression {
    }

    /** {@code ARRAY(subquery)}: the subquery's one column as an array. */
    record ArraySubquery(Query query, int position) implements Expression {
    }

    /** {@code x op ANY|SOME|ALL (subquery or array expression)}. */
    record Quantified(String operator, boolean all, Expression left, Query query, Expression array, int position)
            implements Expression {
    }

    /**
     * {@code x [NOT] LIKE|ILIKE pattern [ESCAPE e]}, also the operators {@code ~~ ~~* !~~ !~~*}.
     * {@code escape} is null when not given.
     */
    record Like(Expression operand, Expression pattern, Expression escape, boolean negated, boolean caseInsensitive,
                int position) implements Expression {
    }

    /**
     * {@code CASE [operand] WHEN ... THEN ... [ELSE ...] END}; {@code operand} and {@code otherwise} are
     * null when absent.
     */
    record Case(Expression operand, List<When> whens, Expression otherwise, int position) implements Expression {
        public Case {
            whens = List.copyOf(whens);
        }
    }

    record When(Expression condition, Expression result, int position) implements Node {
    }

    /** {@code CAST(x AS type)} and {@code x::type}. */
    record Cast(Expression operand, TypeName type, int position) implements Expression {
    }

    /**
     * A function call: {@code name([DISTINCT] args) [FILTER (WHERE f)] [OVER (...)]}; {@code count(*)} has
     * {@code star} set and no arguments. Also carries COALESCE, NULLIF, GREATEST, LEAST and other
     * keyword-named functions by their lower-case name. {@code filter} and {@code over} are null when absent.
     * With {@code withinGroup} (an ordered-set aggregate, {@code f(direct args) WITHIN GROUP (ORDER BY ...)})
     * {@code arguments} are the direct arguments and {@code orderBy} the WITHIN GROUP sort list.
     */
    record FunctionCall(QualifiedName name, List<Expression> arguments, boolean distinct, boolean star,
                        List<OrderItem> orderBy, Expression filter, WindowSpec over, int position,
                        boolean withinGroup) implements Expression {
        public FunctionCall {
            arguments = List.copyOf(arguments);
            orderBy = List.copyOf(orderBy);
        }

        /** A call without {@code WITHIN GROUP}: {@code orderBy} is the ORDER BY written inside the parentheses. */
        public FunctionCall(QualifiedName name, List<Expression> arguments, boolean distinct, boolean star,
                            List<OrderItem> orderBy, Expression filter, WindowSpec over, int position) {
            this(name, arguments, distinct, star, orderBy, filter, over, position, false);
        }
    }

    /**
     * {@code OVER (...)} or {@code OVER name}: {@code reference} names a WINDOW clause entry (null when
     * inline); {@code frame} is the frame clause text kept as a structure for later binding, null when absent;
     * {@code bare} tells {@code OVER name} (the named window itself) from {@code OVER (name ...)} (a copy of it).
     */
    record WindowSpec(String reference, List<Expression> partitionBy, List<OrderItem> orderBy, WindowFrame frame,
                      boolean bare, int position) implements Node {
        public WindowSpec {
            partitionBy = List.copyOf(partitionBy);
            orderBy = List.copyOf(orderBy);
        }
    }

    /**
     * {@code ROWS|RANGE|GROUPS BETWEEN start AND end [EXCLUDE ...]}; bound kinds are
     * "UNBOUNDED PRECEDING", "PRECEDING", "CURRENT ROW", "FOLLOWING", "UNBOUNDED FOLLOWING" with offsets
     * for the two offset kinds (else null); {@code end} fields are null for the one-bound form.
     * {@code position} is the mode keyword's, {@code startPosition}/{@code endPosition} each bound's first token's.
     */
    record WindowFrame(String mode, String startKind, Expression startOffset, String endKind, Expression endOffset,
                       String exclusion, int position, int startPosition, int endPosition) implements Node {
    }

    /** {@code ARRAY[a, b, ...]}. */
    record ArrayConstructor(List<Expression> elements, int position) implements Expression {
        public ArrayConstructor {
            elements = List.copyOf(elements);
        }
    }

    /** {@code x[i]} or {@code x[lo:hi]} ({@code upper} null for a single subscript). */
    record Subscript(Expression operand, Expression lower, Expression upper, boolean slice, int position)
            implements Expression {
    }

    /** {@code ROW(a, b)} or {@code (a, b)}. */
    record RowConstructor(List<Expression> fields, int position) implements Expression {
        public RowConstructor {
            fields = List.copyOf(fields);
        }
    }

    /** {@code name => value} or {@code name := value}: a function argument given by its parameter's name. */
    record NamedArgument(String name, Expression value, int position) implements Expression {
    }

    /** {@code VARIADIC array}, the last argument of a call: the array's elements are the variadic arguments. */
    record VariadicArgument(Expression value, int position) implements Expression {
    }

    /**
     * {@code (operand).field}: a field of a composite value; {@code field} is {@code "*"} for {@code (operand).*}.
     */
    record FieldSelection(Expression operand, String field, int position) implements Expression {
    }
}
