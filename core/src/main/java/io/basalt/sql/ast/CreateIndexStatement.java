package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table [USING method]
 * (element [, ...]) [INCLUDE (column [, ...])] [NULLS [NOT] DISTINCT] [WITH (...)] [WHERE predicate]}.
 * {@code name} is null when not given; {@code method} is lower case ("btree" when not given).
 */
public record CreateIndexStatement(String name, QualifiedName table, boolean unique, boolean ifNotExists,
                                   String method, List<Element> elements, List<String> include,
                                   boolean nullsNotDistinct, Expression where, int position) implements Statement {
    /**
     * One key of the index: a column ({@code column} not null) or an expression, its operator class (null when
     * not given), ASC or DESC, and NULLS FIRST / LAST (null when not given).
     */
    public record Element(String column, Expression expression, String operatorClass, boolean descending,
                          Boolean nullsFirst, int position) {
    }

    public CreateIndexStatement {
        elements = List.copyOf(elements);
        include = List.copyOf(include);
    }
}
