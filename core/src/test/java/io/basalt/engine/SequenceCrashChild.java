package io.basalt.engine;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The process {@link SequenceCrashTest} kills: opens the database in {@code args[0]}, creates a sequence and a
 * table with a serial column (first run only), takes {@code args[1]} values from each, printing every value once
 * the call returned it, optionally sets the sequence with setval ({@code args[2]}), and halts without closing
 * anything, as a crash would.
 */
public final class SequenceCrashChild {
    private SequenceCrashChild() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        int count = Integer.parseInt(args[1]);
        Database database = Basalt.open(Path.of(args[0]));
        Session session = database.connect();
        session.execute("CREATE SEQUENCE IF NOT EXISTS s").close();
        session.execute("CREATE TABLE IF NOT EXISTS t (id serial, k integer)").close();
        for (int k = 0; k < count; k++) {
            try (QueryResult result = session.query("SELECT nextval('s')")) {
                out.println("s " + result.getText(0, 0));
            }
            session.execute("INSERT INTO t (k) VALUES (" + k + ")").close();
            try (QueryResult result = session.query("SELECT currval('t_id_seq')")) {
                out.println("t " + result.getText(0, 0));
            }
            out.flush();
        }
        if (args.length > 2) {
            session.query("SELECT setval('s', " + args[2] + ")").close();
            out.println("set " + args[2]);
            out.flush();
        }
        Runtime.getRuntime().halt(0);
    }
}
