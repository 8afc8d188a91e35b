package io.basalt.sql.ast;

/**
 * Every syntax tree node knows where it came from: {@code position()} is the 1-based character offset of
 * its first token in the statement text (what PostgreSQL reports as an error's position).
 */
public interface Node {
    int position();
}
