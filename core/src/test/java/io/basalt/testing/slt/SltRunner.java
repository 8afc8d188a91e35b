package io.basalt.testing.slt;

import static java.util.Objects.requireNonNull;

import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.testing.OpenRootsSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a parsed sqllogictest file against a Basalt database and collects every record that did not
 * behave as written, rather than stopping at the first, so one run shows all that is wrong (the first
 * failure usually explains the ones after it).
 *
 * <p>Contract: the database comes from a {@link DatabaseOpener}, called once at the start and again
 * at each {@code restart}, after every session and the database were closed; it must reopen the same
 * stored database. Sessions are opened on first use, one per connection name ({@code statement ok
 * con1}), the unnamed one by default. Everything is closed at the end, and root allocators still
 * open then (compared with before the file ran) are reported as a leak. SQL errors must be
 * {@link BasaltException}s: any other exception, and any internal error (XX000) that the file did
 * not ask for, is a failure even where the record expects an error.
 */
public final class SltRunner {
    private static final int STACK_FRAMES_SHOWN = 12;

    /** Opens the database a file runs against: the first time, and again at every {@code restart}. */
    @FunctionalInterface
    public interface DatabaseOpener {
        Database open();
    }

    private final Set<String> features;
    private final boolean checkTypeLetters;
    private final boolean checkErrorMessages;
    /** Statements each new session runs first (settings a foreign suite needs). */
    private final java.util.List<String> sessionSetup = new java.util.ArrayList<>();

    /**
     * @param features         what {@code require} may name without the file being skipped
     * @param checkTypeLetters whether type letters must match the column types (Basalt's own files)
     */
    public SltRunner(Set<String> features, boolean checkTypeLetters) {
        this(features, checkTypeLetters, true);
    }

    /**
     * @param checkErrorMessages whether an expected error's message must match (false for other engines' files,
     *                           whose messages are their own: any error but an internal one then passes)
     */
    public SltRunner(Set<String> features, boolean checkTypeLetters, boolean checkErrorMessages) {
        this.features = Set.copyOf(features);
        this.checkTypeLetters = checkTypeLetters;
        this.checkErrorMessages = checkErrorMessages;
    }

    /**
     * Has every session run {@code sql} when it is opened. The scripts run their connections one after another
     * on one thread, so a statement that would wait for another connection's transaction never returns: other
     * engines' scripts, which expect a conflict to fail at once, run with a lock_timeout.
     */
    public SltRunner onEachSession(String sql) {
        sessionSetup.add(sql);
        return this;
    }

    public SltRunResult run(SltScript script, DatabaseOpener opener) {
        requireNonNull(script, "script is null");
        requireNonNull(opener, "opener is null");
        return new Run(script, opener).execute();
    }

    /** One execution of one file; holds the open database, its sessions and the labelled results. */
    private final class Run {
        private final SltScript script;
        private final DatabaseOpener opener;
        private final Map<String, Session> sessions = new LinkedHashMap<>();
        private final Map<String, LabelledResult> labels = new HashMap<>();
        private final List<SltFailure> failures = new ArrayList<>();
        private Database database;
        private int recordsRun;
        private int lastLine;

        Run(SltScript script, DatabaseOpener opener) {
            this.script = script;
            this.opener = opener;
        }

        SltRunResult execute() {
            OpenRootsSnapshot before = OpenRootsSnapshot.take();
            String skipReason = null;
            try {
                if (!open(0)) {
                    return result(null);
                }
                for (SltRecord record : script.records()) {
                    lastLine = record.line();
                    if (record instanceof SltRecord.Require require && !features.contains(require.feature())) {
                        skipReason = "requires " + require.feature() + " (line " + require.line() + ")";
                        break;
                    }
                    recordsRun++;
                    if (!run(record)) {
                        break;
                    }
                }
            } finally {
                closeAll();
            }
            List<String> leaked = before.openedSince();
            if (!leaked.isEmpty()) {
                failures.add(new SltFailure(script.name(), lastLine, null,
                        "Arrow memory still held after the database was closed: " + String.join(", ", leaked)));
            }
            return result(skipReason);
        }

        private SltRunResult result(String skipReason) {
            return new SltRunResult(script.name(), recordsRun, failures, skipReason);
        }

        /** Runs one record; false when the file cannot go on (the database did not reopen). */
        private boolean run(SltRecord record) {
            switch (record) {
                case SltRecord.Statement statement -> statement(statement);
                case SltRecord.Query query -> query(query);
                case SltRecord.Require ignored -> {
                }
                case SltRecord.Restart restart -> {
                    closeAll();
                    return open(restart.line());
                }
            }
            return true;
        }

        private void statement(SltRecord.Statement statement) {
            try {
                session(statement.connection()).execute(statement.sql()).close();
                if (statement.expectation() == SltRecord.Expectation.FAILS) {
                    fail(statement.line(), statement.sql(),
                            "statement succeeded, expected it to fail" + expectedError(statement));
                }
            } catch (BasaltException e) {
                if (statement.expectation() == SltRecord.Expectation.SUCCEEDS) {
                    fail(statement.line(), statement.sql(), "statement failed: " + describeWithStack(e));
                } else {
                    errorMismatch(statement, e).ifPresent(problem -> fail(statement.line(), statement.sql(), problem));
                }
            } catch (RuntimeException | AssertionError e) {
                fail(statement.line(), statement.sql(), "statement threw " + stackSummary(e));
            }
        }

        private void query(SltRecord.Query query) {
            try (QueryResult result = session(query.connection()).query(query.sql())) {
                RenderedResult actual = RenderedResult.of(result);
                Optional<String> mismatch = ResultComparison.compare(query, actual, checkTypeLetters);
                mismatch.ifPresent(problem -> fail(query.line(), query.sql(), problem));
                if (query.label() != null) {
                    checkLabel(query, ResultComparison.hash(ResultComparison.sorted(actual.rows(), query.sortMode())));
                }
            } catch (BasaltException e) {
                fail(query.line(), query.sql(), "query failed: " + describeWithStack(e));
            } catch (RuntimeException | AssertionError e) {
                fail(query.line(), query.sql(), "query threw " + stackSummary(e));
            }
        }

        private void checkLabel(SltRecord.Query query, String hash) {
            LabelledResult first = labels.putIfAbsent(query.label(), new LabelledResult(query.line(), hash));
            if (first != null && !first.hash().equals(hash)) {
                fail(query.line(), query.sql(), "result differs from the one labelled '" + query.label()
                        + "' at line " + first.line());
            }
        }

        private Optional<String> errorMismatch(SltRecord.Statement statement, BasaltException e) {
            String actualState = e.sqlState().code();
            boolean internalAskedFor = SqlState.INTERNAL_ERROR.code().equals(statement.sqlState());
            if (e.sqlState() == SqlState.INTERNAL_ERROR && !internalAskedFor) {
                return Optional.of("internal error (a bug, not the SQL error expected"
                        + expectedError(statement) + "): " + stackSummary(e));
            }
            if (statement.sqlState() != null && !statement.sqlState().equals(actualState)) {
                return Optional.of("expected SQLSTATE " + statement.sqlState() + ", got " + describe(e));
            }
            if (checkErrorMessages && statement.message() != null && !statement.message().matches(e.getMessage())) {
                return Optional.of("expected " + statement.message() + ", got " + describe(e));
            }
            return Optional.empty();
        }

        private boolean open(int line) {
            try {
                database = opener.open();
                return true;
            } catch (RuntimeException | AssertionError e) {
                fail(line, null, "could not open the database: " + stackSummary(e));
                return false;
            }
        }

        private Session session(String connection) {
            String name = connection == null ? "" : connection;
            Session session = sessions.get(name);
            if (session == null) {
                session = database.connect();
                for (String setup : sessionSetup) {
                    session.execute(setup).close();
                }
                sessions.put(name, session);
            }
            return session;
        }

        private void closeAll() {
            for (Session session : sessions.values()) {
                try {
                    session.close();
                } catch (RuntimeException | AssertionError e) {
                    fail(lastLine, null, "closing a session threw " + stackSummary(e));
                }
            }
            sessions.clear();
            if (database != null) {
                try {
                    database.close();
                } catch (RuntimeException | AssertionError e) {
                    fail(lastLine, null, "closing the database threw " + stackSummary(e));
                }
                database = null;
            }
        }

        private void fail(int line, String sql, String problem) {
            failures.add(new SltFailure(script.name(), line, sql, problem));
        }
    }

    private record LabelledResult(int line, String hash) {
    }

    private static String expectedError(SltRecord.Statement statement) {
        StringBuilder text = new StringBuilder();
        if (statement.sqlState() != null) {
            text.append(" with SQLSTATE ").append(statement.sqlState());
        }
        if (statement.message() != null) {
            text.append(text.isEmpty() ? " with " : " and ").append(statement.message());
        }
        return text.toString();
    }

    /** An error as psql shows it: {@code ERROR 42P01: relation "x" does not exist}. */
    static String describe(BasaltException e) {
        return "ERROR " + e.sqlState().code() + ": " + e.getMessage();
    }

    /** Like {@link #describe}, plus the stack and cause of an internal error, which is a bug to chase. */
    static String describeWithStack(BasaltException e) {
        if (e.sqlState() != SqlState.INTERNAL_ERROR) {
            return describe(e);
        }
        return describe(e) + "\n    " + stackSummary(e);
    }

    /** An unexpected exception with the top of its stack, enough to find where it came from. */
    static String stackSummary(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, STACK_FRAMES_SHOWN); i++) {
            text.append("\n        at ").append(frames[i]);
        }
        if (frames.length > STACK_FRAMES_SHOWN) {
            text.append("\n        ...");
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            text.append("\n    caused by ").append(stackSummary(cause));
        }
        return text.toString();
    }
}
