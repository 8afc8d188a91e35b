package io.basalt.sql.ast;

/** {@code CHECKPOINT}: write the committed state of the database's tables to its files and shorten its log. */
public record CheckpointStatement(int position) implements Statement {
}
