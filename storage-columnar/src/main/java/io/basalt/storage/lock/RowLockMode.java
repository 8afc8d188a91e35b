package io.basalt.storage.lock;

/**
 * The strength of a row lock, as PostgreSQL names them. SELECT ... FOR KEY SHARE / FOR SHARE / FOR NO KEY UPDATE /
 * FOR UPDATE take them explicitly; an UPDATE holds its rows as NO KEY UPDATE and a DELETE as UPDATE (Basalt does
 * not look at whether an UPDATE changed a key column) until its transaction ends.
 *
 * <p>Conflicts (PostgreSQL's table): KEY SHARE conflicts with UPDATE only; SHARE with NO KEY UPDATE and UPDATE;
 * NO KEY UPDATE with SHARE, NO KEY UPDATE and UPDATE; UPDATE with every mode.
 */
public enum RowLockMode {
    KEY_SHARE("FOR KEY SHARE"), SHARE("FOR SHARE"), NO_KEY_UPDATE("FOR NO KEY UPDATE"), UPDATE("FOR UPDATE");

    private final String clause;

    RowLockMode(String clause) {
        this.clause = clause;
    }

    /** The clause as written in SQL, for messages: {@code FOR NO KEY UPDATE}. */
    public String clause() {
        return clause;
    }

    /** Whether a lock of this mode held by one transaction keeps another from taking {@code requested}. */
    public boolean conflictsWith(RowLockMode requested) {
        return switch (this) {
            case KEY_SHARE -> requested == UPDATE;
            case SHARE -> requested == NO_KEY_UPDATE || requested == UPDATE;
            case NO_KEY_UPDATE -> requested != KEY_SHARE;
            case UPDATE -> true;
        };
    }

    /** The stronger of the two. */
    public RowLockMode max(RowLockMode other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
