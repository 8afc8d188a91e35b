package io.basalt.cli.shell;

import static java.util.Objects.requireNonNull;

import io.basalt.api.CopyStreams;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.cli.error.ErrorReport;
import io.basalt.cli.format.PrintSettings;
import io.basalt.cli.format.QueryResultTable;
import io.basalt.cli.format.TablePrinter;
import io.basalt.cli.script.ScannedPiece;
import io.basalt.cli.script.StatementScanner;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Runs one SQL statement (or the statements of one query string) and shows its outcome as psql does: the rows as a table, or the command
 * tag ({@code CREATE TABLE}, {@code INSERT 0 2}) unless quiet; a table followed by the tag for
 * {@code INSERT/UPDATE/DELETE ... RETURNING}; notices ({@code NOTICE:  ...}) and errors on
 * standard error, errors with their position; and
 * with {@code \timing} the {@code Time:} line after either. Echoing the statement ({@code -e}) is
 * the caller's business, since a {@code -c} string is echoed once for all its statements.
 */
public final class StatementExecutor {
    /** The variable that switches the progress report on or off ({@code \set PROGRESS off}). */
    public static final String PROGRESS = "PROGRESS";

    private final Session session;
    private final ShellSettings settings;
    private final ShellOutput output;
    private final IntSupplier terminalWidth;

    public StatementExecutor(Session session, ShellSettings settings, ShellOutput output, IntSupplier terminalWidth) {
        this.session = requireNonNull(session, "session is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.output = requireNonNull(output, "output is null");
        this.terminalWidth = requireNonNull(terminalWidth, "terminalWidth is null");
    }

    /**
     * Executes {@code sql} and prints its outcome.
     *
     * @param sql            the statement
     * @param errorQuery     the text error positions refer to when shown: the statement itself, or
     *                       the whole {@code -c} string it came from
     * @param offset         where {@code sql} starts inside {@code errorQuery}
     * @param locationPrefix put before {@code ERROR:}, e.g. {@code basalt:file.sql:3: }, or empty
     * @param print          how to print rows (the current settings, or {@code \gx}'s expanded variant)
     * @return whether the statement succeeded
     */
    public boolean execute(String sql, String errorQuery, int offset, String locationPrefix, PrintSettings print) {
        return execute(sql, errorQuery, offset, locationPrefix, print, CopyStreams.NONE);
    }

    /** As {@link #execute(String, String, int, String, PrintSettings)}, with the streams a COPY reads and writes. */
    public boolean execute(String sql, String errorQuery, int offset, String locationPrefix, PrintSettings print,
                           CopyStreams copyStreams) {
        List<ScannedPiece.SqlStatement> statements = StatementScanner.splitSql(sql);
        if (statements.size() > 1) {
            return executeAll(statements, errorQuery, offset, locationPrefix, print, copyStreams);
        }
        long start = System.nanoTime();
        boolean success;
        try (QueryResult result = executeWithProgress(sql, copyStreams)) {
            double elapsed = (System.nanoTime() - start) / 1e6;
            printNotices(result, locationPrefix);
            printResult(result, print);
            printTiming(elapsed);
            success = true;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError failure) {
            double elapsed = (System.nanoTime() - start) / 1e6;
            printError(failure, errorQuery, offset, locationPrefix);
            printTiming(elapsed);
            success = false;
        }
        output.flush();
        return success;
    }

    /**
     * Sends several statements as one query string ({@link Session#executeAll}: one implicit transaction) and
     * prints as psql 15 does: each result once the next statement has run, so that the next statement's notices
     * and warnings come before it, and after the last result or the error that ended the string, the
     * {@code \timing} line for the whole string.
     */
    private boolean executeAll(List<ScannedPiece.SqlStatement> statements, String errorQuery, int offset,
                               String locationPrefix, PrintSettings print, CopyStreams copyStreams) {
        long start = System.nanoTime();
        List<String> texts = new ArrayList<>(statements.size());
        for (ScannedPiece.SqlStatement statement : statements) {
            texts.add(statement.text());
        }
        QueryResult[] previous = new QueryResult[1];
        int[] finished = new int[1];
        boolean success = true;
        try {
            session.executeAll(texts, copyStreams, result -> {
                finished[0]++;
                printNotices(result, locationPrefix);
                printAndClose(previous[0], print);
                previous[0] = result;
            });
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError failure) {
            printAndClose(previous[0], print);
            previous[0] = null;
            int failedAt = offset + statements.get(Math.min(finished[0], statements.size() - 1)).startOffset();
            printError(failure, errorQuery, failedAt, locationPrefix);
            success = false;
        }
        printAndClose(previous[0], print);
        printTiming((System.nanoTime() - start) / 1e6);
        output.flush();
        return success;
    }

    private void printAndClose(QueryResult result, PrintSettings print) {
        if (result != null) {
            try (result) {
                printResult(result, print);
            }
        }
    }

    /** Runs the statement with its progress report, which ends (and is erased) before anything is printed. */
    private QueryResult executeWithProgress(String sql, CopyStreams copyStreams) {
        ProgressIndicator progress = progress(sql, copyStreams);
        try {
            return session.execute(sql, copyStreams);
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
    }

    /**
     * A progress report for the statement, or null: shown when {@code PROGRESS} is on, or unset at a terminal
     * ({@link ProgressIndicator}). COPY FROM STDIN reports the rows the shell has handed over.
     */
    private ProgressIndicator progress(String sql, CopyStreams copyStreams) {
        String setting = settings.variable(PROGRESS);
        Boolean on = setting == null ? null : io.basalt.cli.options.BooleanText.parse(setting);
        boolean show = on != null ? on : setting == null && terminal();
        if (!show) {
            return null;
        }
        String head = sql.stripLeading();
        String label = head.length() >= 4 && head.regionMatches(true, 0, "COPY", 0, 4) ? "COPY" : "running";
        java.util.function.LongSupplier rows = copyStreams instanceof ShellCopyStreams shell
                ? shell::rowsRead : null;
        return new ProgressIndicator(output, label, rows);
    }

    private static boolean terminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    private void printResult(QueryResult result, PrintSettings print) {
        String tag = result.commandTag();
        if (result.returnsRows()) {
            TablePrinter.print(new QueryResultTable(result), print.withTerminalWidth(terminalWidth.getAsInt()), output.out());
            if (!settings.quiet() && isDataModification(tag)) {
                output.println(tag);
            }
        } else if (!settings.quiet()) {
            output.println(tag);
        }
    }

    private void printError(Throwable failure, String errorQuery, int offset, String locationPrefix) {
        if (failure instanceof BasaltException raised) {
            for (String notice : raised.notices()) {
                output.error(locationPrefix + "NOTICE:  " + notice + "\n");
            }
        }
        Throwable reported = translate(failure);
        if (reported instanceof BasaltException basalt && "sqlstate".equalsIgnoreCase(settings.variables().get("VERBOSITY"))) {
            // psql's \set VERBOSITY sqlstate: the code alone
            output.error(locationPrefix + "ERROR:  " + basalt.sqlState().code() + "\n");
        } else {
            output.error(ErrorReport.of(reported).shiftedBy(offset).render(errorQuery, locationPrefix));
        }
    }

    /** Notices go to standard error before the result, as psql receives them while the statement runs. */
    private void printNotices(QueryResult result, String locationPrefix) {
        for (String warning : result.warnings()) {
            output.error(locationPrefix + "WARNING:  " + warning + "\n");
        }
        List<String> notices = result.notices();
        if (notices == null) {
            return;
        }
        for (String notice : notices) {
            output.error(locationPrefix + "NOTICE:  " + notice + "\n");
        }
    }

    private void printTiming(double milliseconds) {
        if (settings.timing()) {
            output.println(ElapsedTime.format(milliseconds));
        }
    }

    /** psql prints the tag after the rows of INSERT, UPDATE, DELETE and MERGE with RETURNING. */
    private static boolean isDataModification(String tag) {
        return tag != null && (tag.startsWith("INSERT") || tag.startsWith("UPDATE") || tag.startsWith("DELETE")
                || tag.startsWith("MERGE"));
    }

    /** Errors of the JVM itself, worded as PostgreSQL words them. */
    private static Throwable translate(Throwable failure) {
        if (failure instanceof StackOverflowError) {
            return BasaltException.of(SqlState.INTERNAL_ERROR, "stack depth limit exceeded");
        }
        if (failure instanceof OutOfMemoryError) {
            return BasaltException.of(SqlState.OUT_OF_MEMORY, "out of memory");
        }
        return failure;
    }
}
