package io.basalt.sql.ast;

/** One entry of a SELECT's {@code WINDOW name AS (spec)} clause; {@code position} is the name's. */
public record WindowDefinition(String name, Expression.WindowSpec spec, int position) implements Node {
}
