package io.basalt.sql.ast;

import java.util.List;

/**
 * One locking clause of a SELECT: {@code FOR UPDATE | NO KEY UPDATE | SHARE | KEY SHARE [OF t, ...]
 * [NOWAIT | SKIP LOCKED]}. {@code tables} is empty when no OF list was written (every table of the FROM clause).
 */
public record LockingClause(Strength strength, List<QualifiedName> tables, Wait waitPolicy, int position) implements Node {
    public LockingClause {
        tables = List.copyOf(tables);
    }

    /** The lock strength, weakest first. */
    public enum Strength {
        KEY_SHARE("FOR KEY SHARE"), SHARE("FOR SHARE"), NO_KEY_UPDATE("FOR NO KEY UPDATE"), UPDATE("FOR UPDATE");

        private final String text;

        Strength(String text) {
            this.text = text;
        }

        /** The clause as PostgreSQL's messages write it: {@code FOR NO KEY UPDATE}. */
        public String text() {
            return text;
        }
    }

    /** What to do about a row another transaction holds. */
    public enum Wait {
        WAIT, NOWAIT, SKIP_LOCKED
    }
}
