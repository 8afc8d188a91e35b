package io.basalt.cli.dump;

import static java.util.Objects.requireNonNull;

import io.basalt.api.Database;
import io.basalt.api.Session;
import io.basalt.cli.DatabaseOpener;
import io.basalt.error.BasaltException;
import java.io.PrintStream;

/**
 * {@code basalt dump DBPATH}: writes the database in directory DBPATH to standard output as a SQL script, as
 * pg_dump's plain format does (schema, {@code COPY ... FROM stdin} data blocks, indexes), which
 * {@code basalt NEWDB -f file.sql} (or psql) runs to recreate it. Exit status 0 on success, 1 on a bad command line,
 * 2 when the database cannot be opened or read.
 */
public final class DumpCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final DatabaseOpener opener;

    public DumpCommand(PrintStream out, PrintStream err, DatabaseOpener opener) {
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.opener = requireNonNull(opener, "opener is null");
    }

    public int run(String... arguments) {
        if (arguments.length != 1 || arguments[0].startsWith("-")) {
            err.println("basalt: usage: basalt dump DBPATH > file.sql");
            return 1;
        }
        Database database;
        try {
            database = opener.open(arguments[0]);
        } catch (RuntimeException e) {
            err.println("basalt: error: could not open database \"" + arguments[0] + "\": " + e.getMessage());
            return 2;
        }
        try (database; Session session = database.connect()) {
            session.dump(out);
            out.flush();
            return 0;
        } catch (BasaltException e) {
            out.flush();
            err.println("basalt: error: dump failed: " + e.getMessage());
            return 2;
        }
    }
}
