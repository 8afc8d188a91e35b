package io.basalt.sql.ast;

/**
 * {@code expression [ASC | DESC] [NULLS FIRST | NULLS LAST]}. {@code nullsFirst} is null when not written
 * (PostgreSQL's default: NULLS LAST for ASC, NULLS FIRST for DESC).
 */
public record OrderItem(Expression expression, boolean descending, Boolean nullsFirst, int position) implements Node {
}
