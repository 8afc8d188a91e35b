package io.basalt.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code EXECUTE name [(argument, ...)]}: runs a prepared statement with the arguments as its parameters. */
public record ExecuteStatement(String name, List<Expression> arguments, int position) implements Statement {
    public ExecuteStatement {
        requireNonNull(name, "name is null");
        arguments = List.copyOf(arguments);
    }
}
