package io.basalt.storage.transaction;

import java.util.Locale;

/**
 * A transaction's isolation level, as PostgreSQL names them. READ UNCOMMITTED behaves as READ COMMITTED (as in
 * PostgreSQL) but keeps its name for SHOW.
 */
public enum IsolationLevel {
    READ_UNCOMMITTED, READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE;

    /** Whether every statement takes a new snapshot (else the first statement's serves the whole transaction). */
    public boolean snapshotPerStatement() {
        return this == READ_UNCOMMITTED || this == READ_COMMITTED;
    }

    /** The name SHOW transaction_isolation prints: {@code repeatable read}. */
    public String displayName() {
        return name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /** The level named {@code name} as SHOW prints it, or null. */
    public static IsolationLevel of(String name) {
        for (IsolationLevel level : values()) {
            if (level.displayName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return level;
            }
        }
        return null;
    }
}
