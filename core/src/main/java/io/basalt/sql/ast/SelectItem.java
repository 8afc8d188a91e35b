package io.basalt.sql.ast;

/** An item of a SELECT list or RETURNING list. */
public sealed interface SelectItem extends Node {
    /** {@code *} or {@code t.*}; {@code qualifier} is null for a bare star. */
    record Star(QualifiedName qualifier, int position) implements SelectItem {
    }

    /** {@code expression [AS alias]}; {@code alias} is null when not given. */
    record Item(Expression expression, String alias, int position) implements SelectItem {
    }
}
