package io.basalt.engine;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The process {@link TransactionCrashTest} kills: opens the database in {@code args[0]} (creating the accounts on the
 * first run), then commits transfers {@code args[1]}, {@code args[1]} + 1, ... for ever, each a transaction of two
 * UPDATEs and an INSERT into {@code transfers} (every 7th also TRUNCATEs and refills a scratch table, so that a
 * transaction mixes every kind of log record), printing a transfer's number once its COMMIT returned. It is killed
 * at some moment by the parent. With a third argument k, it also runs CHECKPOINT after every k-th transfer and sets
 * max_wal_size low, so that checkpoints of both kinds interleave with the commits ({@link CheckpointCrashTest}).
 */
public final class TransactionCrashChild {
    private TransactionCrashChild() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        Database database = Basalt.open(Path.of(args[0]));
        Session session = database.connect();
        session.execute("CREATE TABLE IF NOT EXISTS accounts (id int PRIMARY KEY, balance bigint NOT NULL)").close();
        session.execute("CREATE TABLE IF NOT EXISTS transfers (n int PRIMARY KEY)").close();
        session.execute("CREATE TABLE IF NOT EXISTS scratch (n int)").close();
        session.execute("INSERT INTO accounts SELECT i, " + TransactionCrashTest.INITIAL_BALANCE
                + " FROM generate_series(1, " + TransactionCrashTest.ACCOUNTS + ") i ON CONFLICT DO NOTHING").close();
        int checkpointEvery = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        if (checkpointEvery > 0) {
            session.execute("SET max_wal_size = '64kB'").close();
        }
        out.println("ready");
        out.flush();
        for (int n = Integer.parseInt(args[1]); ; n++) {
            session.execute("BEGIN").close();
            session.execute("UPDATE accounts SET balance = balance - " + TransactionCrashTest.amount(n)
                    + " WHERE id = " + TransactionCrashTest.from(n)).close();
            session.execute("UPDATE accounts SET balance = balance + " + TransactionCrashTest.amount(n)
                    + " WHERE id = " + TransactionCrashTest.to(n)).close();
            session.execute("INSERT INTO transfers VALUES (" + n + ")").close();
            if (n % 7 == 0) {
                session.execute("TRUNCATE scratch").close();
                session.execute("INSERT INTO scratch SELECT " + n + " FROM generate_series(1, 3)").close();
            }
            session.execute("COMMIT").close();
            if (checkpointEvery > 0 && n % checkpointEvery == 0) {
                session.execute("CHECKPOINT").close();
            }
            out.println(n);
            out.flush();
        }
    }
}
