package io.basalt.sql.ast;

import static java.util.Objects.requireNonNull;

/**
 * {@code SHOW name}, {@code SHOW ALL}, and the spellings {@code SHOW TIME ZONE} (name "timezone") and
 * {@code SHOW TRANSACTION ISOLATION LEVEL} (name "transaction_isolation"). {@code name} is case-folded as
 * written; {@code SHOW ALL} has the name "all", as PostgreSQL treats {@code SHOW "all"} the same way.
 */
public record ShowStatement(String name, int position) implements Statement {
    public ShowStatement {
        requireNonNull(name, "name is null");
    }

    /** Whether this is {@code SHOW ALL}. */
    public boolean all() {
        return name.equals("all");
    }
}
