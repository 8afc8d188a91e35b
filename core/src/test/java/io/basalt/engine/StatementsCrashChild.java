package io.basalt.engine;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import java.nio.file.Path;

/**
 * The process the crash tests halt ({@link CommentPersistenceTest}, {@link LargeCommitReopenTest},
 * {@link DdlCrashRecoveryTest}): opens the database in {@code args[0]}, runs the statements
 * {@code args[1]}, {@code args[2]}, ... and halts the JVM without closing the database, as a crash would.
 */
public final class StatementsCrashChild {
    private StatementsCrashChild() {
    }

    public static void main(String[] args) {
        Database database = Basalt.open(Path.of(args[0]));
        Session session = database.connect();
        for (int i = 1; i < args.length; i++) {
            session.execute(args[i]).close();
        }
        Runtime.getRuntime().halt(0);
    }
}
