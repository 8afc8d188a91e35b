package io.basalt.engine;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import io.basalt.storage.file.RowGroupFiles;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The process {@link InsertToRowGroupsCrashTest} kills: opens the database in {@code args[0]} with large inserts
 * going to row-group files from {@link InsertToRowGroupsCrashTest#BATCH} / 4 rows on, then for n = {@code args[1]},
 * {@code args[1]} + 1, ... commits batch n ({@link InsertToRowGroupsCrashTest#BATCH} rows numbered from
 * n * BATCH, by INSERT ... SELECT), a single row marking it, and every third batch a CHECKPOINT; it prints n once
 * the marker's COMMIT returned. Every fifth batch deletes a few rows of the batch before in the same transaction.
 */
public final class InsertToRowGroupsCrashChild {
    private InsertToRowGroupsCrashChild() {
    }

    public static void main(String[] args) {
        System.setProperty(RowGroupFiles.MINIMUM_ROWS_PROPERTY, Integer.toString(InsertToRowGroupsCrashTest.BATCH / 4));
        PrintStream out = System.out;
        Database database = Basalt.open(Path.of(args[0]));
        Session session = database.connect();
        session.execute("CREATE TABLE IF NOT EXISTS t (i bigint, b int, t text)").close();
        session.execute("CREATE TABLE IF NOT EXISTS done (n int)").close();
        out.println("ready");
        out.flush();
        long batch = InsertToRowGroupsCrashTest.BATCH;
        for (int n = Integer.parseInt(args[1]); ; n++) {
            session.execute("BEGIN").close();
            session.execute("INSERT INTO t SELECT i, " + n + ", 'row ' || i FROM generate_series(" + n * batch
                    + ", " + ((n + 1) * batch - 1) + ") i").close();
            if (n % 5 == 0 && n > 0) {
                session.execute("DELETE FROM t WHERE b = " + (n - 1) + " AND i % 1000 = 0").close();
            }
            session.execute("COMMIT").close();
            session.execute("INSERT INTO done VALUES (" + n + ")").close();
            if (n % 3 == 2) {
                session.execute("CHECKPOINT").close();
            }
            out.println(n);
            out.flush();
        }
    }
}
