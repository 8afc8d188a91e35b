package io.basalt.sql.ast;

/** A SELECT / VALUES / set operation used as a statement. */
public record QueryStatement(Query query, int position) implements Statement {
}
