package io.basalt.sql.ast;

/**
 * {@code expression [ASC | DESC | USING op] [NULLS FIRST | NULLS LAST]}. {@code nullsFirst} is null when not written
 * (PostgreSQL's default: NULLS LAST for ASC, NULLS FIRST for DESC). {@code usingOperator} is the operator of
 * {@code USING} when it is not plain {@code <} or {@code >} (text's {@code ~<~} and {@code ~>~}), kept so that a view's
 * text can show it; null otherwise.
 */
public record OrderItem(Expression expression, boolean descending, Boolean nullsFirst, int position,
                        String usingOperator) implements Node {
    public OrderItem(Expression expression, boolean descending, Boolean nullsFirst, int position) {
        this(expression, descending, nullsFirst, position, null);
    }
}
