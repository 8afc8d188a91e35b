package io.basalt.sql.ast;

/** {@code DEALLOCATE [PREPARE] {name | ALL}}; {@code name} is null for ALL. */
public record DeallocateStatement(String name, int position) implements Statement {
    /** Whether this is {@code DEALLOCATE ALL}. */
    public boolean all() {
        return name == null;
    }
}
