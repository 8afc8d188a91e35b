package io.basalt.engine;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The process {@link AlterTableRollbackTest} kills: in the new database {@code args[0]} it commits a transaction
 * block of ALTER TABLE statements and rows written under them, then leaves a second block open that alters the
 * table again (drops a column, renames the table) and writes a row, lets another session CHECKPOINT meanwhile,
 * prints "ready" and waits to be killed.
 */
public final class AlterTableCrashChild {
    private AlterTableCrashChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        Database database = Basalt.open(Path.of(args[0]));
        Session session = database.connect();
        session.execute("CREATE TABLE t (a int, b text)").close();
        session.execute("INSERT INTO t VALUES (1, 'x'), (2, 'y')").close();
        session.execute("BEGIN").close();
        session.execute("ALTER TABLE t ADD COLUMN c int DEFAULT 7").close();
        session.execute("ALTER TABLE t ALTER COLUMN a TYPE bigint").close();
        session.execute("INSERT INTO t VALUES (3, 'z', 9)").close();
        session.execute("ALTER TABLE t RENAME COLUMN b TO bb").close();
        session.execute("COMMIT").close();
        session.execute("BEGIN").close();
        session.execute("ALTER TABLE t DROP COLUMN a").close();
        session.execute("ALTER TABLE t RENAME TO u").close();
        session.execute("INSERT INTO u VALUES ('w', 1)").close();
        try (Session other = database.connect()) {
            other.execute("CHECKPOINT").close();
        }
        out.println("ready");
        out.flush();
        Thread.sleep(600_000);
    }
}
