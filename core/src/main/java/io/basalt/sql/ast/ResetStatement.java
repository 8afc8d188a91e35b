package io.basalt.sql.ast;

/**
 * {@code RESET name}, {@code RESET ALL} ({@code name} null) and {@code RESET TIME ZONE} (name "timezone"):
 * back to the value the session started with.
 */
public record ResetStatement(String name, int position) implements Statement {
    /** Whether this is {@code RESET ALL}. */
    public boolean all() {
        return name == null;
    }
}
