package io.basalt.cli.shell;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A one-line progress report on standard error for a statement that runs long: after a second, and then twice a
 * second, the elapsed time and, for {@code COPY ... FROM STDIN}, the rows handed to the engine so far and their rate
 * ({@code COPY: 1200000 rows, 400000 rows/s, 3.0 s}), rewritten in place with a carriage return and erased when the
 * statement ends. The shell shows it at a terminal unless {@code \set PROGRESS off}; scripts (no terminal) see it
 * only with {@code \set PROGRESS on} or {@code -v PROGRESS=on}.
 */
final class ProgressIndicator implements AutoCloseable {
    private static final long FIRST_REPORT_MILLIS = 1000;
    private static final long REPORT_INTERVAL_MILLIS = 500;

    private final ShellOutput output;
    private final String label;
    private final LongSupplier rows;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService timer;
    private final ScheduledFuture<?> task;
    private int shownWidth;

    /**
     * Starts reporting on {@code output}.
     *
     * @param rows rows done so far, or null when they are not known (only the time is shown)
     */
    ProgressIndicator(ShellOutput output, String label, LongSupplier rows) {
        this.output = output;
        this.label = label;
        this.rows = rows;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "basalt-progress");
            thread.setDaemon(true);
            return thread;
        });
        this.task = timer.scheduleAtFixedRate(this::report, FIRST_REPORT_MILLIS, REPORT_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** The report line for {@code done} rows (negative: unknown) after {@code seconds}. */
    static String line(String label, long done, double seconds) {
        if (done < 0) {
            return String.format(Locale.ROOT, "%s: %.1f s", label, seconds);
        }
        long rate = seconds > 0 ? Math.round(done / seconds) : 0;
        return String.format(Locale.ROOT, "%s: %d rows, %d rows/s, %.1f s", label, done, rate, seconds);
    }

    private synchronized void report() {
        String text = line(label, rows == null ? -1 : rows.getAsLong(), (System.nanoTime() - start) / 1e9);
        String padding = " ".repeat(Math.max(0, shownWidth - text.length()));
        output.error("\r" + text + padding);
        output.flush();
        shownWidth = text.length();
    }

    /** Stops reporting and erases the line if one was shown. */
    @Override
    public void close() {
        task.cancel(false);
        timer.shutdown();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (shownWidth > 0) {
                output.error("\r" + " ".repeat(shownWidth) + "\r");
                output.flush();
            }
        }
    }
}
