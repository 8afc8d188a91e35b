package io.basalt.engine;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import java.nio.file.Path;

/**
 * The process the crash tests halt ({@link CommentPersistenceTest}, {@link LargeCommitReopenTest},
 * {@link DdlCrashRecoveryTest}): opens the database in {@code args[0]}, runs the statements
 * {@code args[1]}, {@code args[2]}, ... (those starting with {@link #FAILS} must fail) and halts the JVM without
 * closing the database, as a crash would.
 */
public final class StatementsCrashChild {
    /** Marks a statement that must fail (the child goes on after it): {@code FAILS + "ALTER TABLE ..."}. */
    public static final String FAILS = "!fails ";

    private StatementsCrashChild() {
    }

    public static void main(String[] args) {
        Database database = Basalt.open(Path.of(args[0]));
        Session session = database.connect();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith(FAILS)) {
                try {
                    session.execute(args[i].substring(FAILS.length())).close();
                    throw new IllegalStateException("did not fail: " + args[i]);
                } catch (io.basalt.error.BasaltException expected) {
                    // the statement's failure is what the test is about
                }
            } else {
                session.execute(args[i]).close();
            }
        }
        Runtime.getRuntime().halt(0);
    }
}
