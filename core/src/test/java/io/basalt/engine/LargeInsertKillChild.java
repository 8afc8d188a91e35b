package io.basalt.engine;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import io.basalt.storage.file.RowGroupFiles;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The process {@link InsertToRowGroupsCrashTest#aProcessKilledInsideALargeInsertOrItsCommitKeepsItAllOrNothing} kills:
 * opens the database in {@code args[0]} with large inserts going to row-group files from
 * {@link InsertToRowGroupsCrashTest#BATCH} / 4 rows on, and in one transaction inserts
 * {@link LargeInsertKillChild#ROWS} rows of batch {@code args[1]} by INSERT ... SELECT, printing {@code inserting}
 * before the statement, {@code committing} before COMMIT and {@code committed} once COMMIT returned.
 */
public final class LargeInsertKillChild {
    static final int ROWS = 300_000;

    private LargeInsertKillChild() {
    }

    public static void main(String[] args) {
        System.setProperty(RowGroupFiles.MINIMUM_ROWS_PROPERTY, Integer.toString(InsertToRowGroupsCrashTest.BATCH / 4));
        PrintStream out = System.out;
        Database database = Basalt.open(Path.of(args[0]));
        Session session = database.connect();
        session.execute("CREATE TABLE IF NOT EXISTS big (i bigint, b int, t text)").close();
        int batch = Integer.parseInt(args[1]);
        long first = (long) batch * ROWS;
        session.execute("BEGIN").close();
        out.println("inserting");
        out.flush();
        session.execute("INSERT INTO big SELECT i, " + batch + ", 'row ' || i FROM generate_series(" + first + ", "
                + (first + ROWS - 1) + ") i").close();
        out.println("committing");
        out.flush();
        session.execute("COMMIT").close();
        out.println("committed");
        out.flush();
        session.close();
        database.close();
    }
}
