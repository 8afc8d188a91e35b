package io.basalt.storage.lock;

/**
 * PostgreSQL's eight table-level lock modes, weakest first, with its conflict table. Every statement takes one of
 * them on each table it names and keeps it until its transaction ends: SELECT takes ACCESS SHARE, SELECT ... FOR
 * UPDATE / SHARE ROW SHARE, INSERT / UPDATE / DELETE / MERGE / COPY FROM ROW EXCLUSIVE, VACUUM and ANALYZE SHARE
 * UPDATE EXCLUSIVE, CREATE INDEX SHARE, CREATE TRIGGER and a new foreign key SHARE ROW EXCLUSIVE, and ALTER TABLE,
 * DROP, TRUNCATE and REFRESH MATERIALIZED VIEW ACCESS EXCLUSIVE; LOCK TABLE takes the mode it names. Two modes
 * held by different transactions on the same table must not conflict; a transaction never conflicts with itself.
 */
public enum RelationLockMode {
    ACCESS_SHARE("ACCESS SHARE", "AccessShareLock"),
    ROW_SHARE("ROW SHARE", "RowShareLock"),
    ROW_EXCLUSIVE("ROW EXCLUSIVE", "RowExclusiveLock"),
    SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE", "ShareUpdateExclusiveLock"),
    SHARE("SHARE", "ShareLock"),
    SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE", "ShareRowExclusiveLock"),
    EXCLUSIVE("EXCLUSIVE", "ExclusiveLock"),
    ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE", "AccessExclusiveLock");

    private static final RelationLockMode[] MODES = values();

    /**
     * For each mode, the bit set (by ordinal) of the modes it conflicts with: PostgreSQL's table of "Conflicting
     * Lock Modes", which is symmetric.
     */
    private static final int[] CONFLICTS = {
        bits(ACCESS_EXCLUSIVE),
        bits(EXCLUSIVE, ACCESS_EXCLUSIVE),
        bits(SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE),
        bits(SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE),
        bits(ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE),
        bits(ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE),
        bits(ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
                ACCESS_EXCLUSIVE),
        bits(ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
                ACCESS_EXCLUSIVE),
    };

    private final String sqlName;
    private final String lockName;

    RelationLockMode(String sqlName, String lockName) {
        this.sqlName = sqlName;
        this.lockName = lockName;
    }

    /** The mode as LOCK TABLE spells it ({@code SHARE ROW EXCLUSIVE}). */
    public String sqlName() {
        return sqlName;
    }

    /** The mode as PostgreSQL's messages and pg_locks name it ({@code ShareRowExclusiveLock}). */
    public String lockName() {
        return lockName;
    }

    /** This mode's bit in a set of held modes. */
    public int bit() {
        return 1 << ordinal();
    }

    /** Whether a transaction asking for this mode must wait for another that holds any of {@code heldModes}. */
    public boolean conflictsWithAny(int heldModes) {
        return (CONFLICTS[ordinal()] & heldModes) != 0;
    }

    /**
     * The mode LOCK TABLE names.
     *
     * @return null when {@code sqlName} is not one
     */
    public static RelationLockMode ofSqlName(String sqlName) {
        for (RelationLockMode mode : MODES) {
            if (mode.sqlName.equals(sqlName)) {
                return mode;
            }
        }
        return null;
    }

    private static int bits(RelationLockMode... modes) {
        int bits = 0;
        for (RelationLockMode mode : modes) {
            bits |= 1 << mode.ordinal();
        }
        return bits;
    }
}
