package io.basalt.sql.ast;

import java.util.List;

/** {@code DROP SCHEMA [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
public record DropSchemaStatement(List<String> names, boolean ifExists, boolean cascade, int position)
        implements Statement {
    public DropSchemaStatement {
        names = List.copyOf(names);
    }
}
