package io.basalt.sql.ast;

import static java.util.Objects.requireNonNull;

/**
 * {@code REINDEX [(option [, ...])] {INDEX | TABLE | SCHEMA | DATABASE | SYSTEM} [CONCURRENTLY] [name]}, with the
 * options CONCURRENTLY and VERBOSE (each with an optional boolean) and TABLESPACE name.
 *
 * @param name the index, table or schema, or the database for DATABASE and SYSTEM (null when left out)
 */
public record ReindexStatement(Kind kind, QualifiedName name, boolean concurrently, boolean verbose, int position)
        implements Statement {
    /** What is reindexed. */
    public enum Kind {
        INDEX, TABLE, SCHEMA, DATABASE, SYSTEM
    }

    public ReindexStatement {
        requireNonNull(kind, "kind is null");
    }
}
