package io.basalt.planner;

/**
 * The session's enable_bitmapscan and enable_seqscan while a statement is planned (a scoped value the session binds):
 * with bitmap scans off, a scan never reads through a GIN index; with sequential scans off, it reads through one
 * wherever one serves a conjunct, however small the table (PostgreSQL's way of forcing an index in tests). Unbound,
 * both are on.
 */
public record IndexScanSwitches(boolean bitmapScans, boolean sequentialScans) {
    public static final ScopedValue<IndexScanSwitches> CURRENT = ScopedValue.newInstance();

    private static final IndexScanSwitches DEFAULT = new IndexScanSwitches(true, true);

    /** The switches of the statement being planned. */
    static IndexScanSwitches current() {
        return CURRENT.isBound() ? CURRENT.get() : DEFAULT;
    }

    /** The switches from the settings' texts ({@code on}/{@code off}, as SHOW prints them). */
    public static IndexScanSwitches of(String bitmapScan, String seqScan) {
        return new IndexScanSwitches(!"off".equals(bitmapScan), !"off".equals(seqScan));
    }
}
