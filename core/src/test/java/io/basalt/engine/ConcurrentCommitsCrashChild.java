package io.basalt.engine;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The process {@link ConcurrentCommitsCrashTest} kills: opens the database in {@code args[0]}, then runs
 * {@link ConcurrentCommitsCrashTest#SESSIONS} sessions on as many threads, each committing single-row autocommit
 * INSERTs {@code (round, session, k)} for k = 1, 2, ... for ever (round {@code args[1]}), and printing
 * {@code session k} once an INSERT returned. So commits of many sessions share syncs (group commit) and are
 * published in groups, as in the commit benchmark. With {@code args[2]} "checkpoints", every session also sets
 * max_wal_size low, so that automatic checkpoints run between the commits.
 */
public final class ConcurrentCommitsCrashChild {
    private ConcurrentCommitsCrashChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        Database database = Basalt.open(Path.of(args[0]));
        int round = Integer.parseInt(args[1]);
        boolean checkpoints = args.length > 2 && args[2].equals("checkpoints");
        try (Session session = database.connect()) {
            session.execute("CREATE TABLE IF NOT EXISTS commits (round int, session int, k int)").close();
        }
        out.println("ready");
        out.flush();
        Thread[] threads = new Thread[ConcurrentCommitsCrashTest.SESSIONS];
        for (int s = 0; s < threads.length; s++) {
            int number = s;
            threads[s] = new Thread(() -> {
                Session session = database.connect();
                if (checkpoints) {
                    session.execute("SET max_wal_size = '64kB'").close();
                }
                for (int k = 1; ; k++) {
                    session.execute("INSERT INTO commits VALUES (" + round + ", " + number + ", " + k + ")").close();
                    synchronized (out) {
                        out.println(number + " " + k);
                        out.flush();
                    }
                }
            });
            threads[s].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
