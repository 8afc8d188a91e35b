package io.basalt.sql.ast;

/** {@code DISCARD SEQUENCES}: forget the session's currval and lastval values. */
public record DiscardSequencesStatement(int position) implements Statement {
}
