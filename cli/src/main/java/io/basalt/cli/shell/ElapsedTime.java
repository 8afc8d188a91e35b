package io.basalt.cli.shell;

import java.util.Locale;

/**
 * psql's {@code \timing} line: {@code Time: 0.319 ms}, and from one second on also the duration
 * as {@code (mm:ss.fff)}, {@code (hh:mm:ss.fff)} or {@code (d d hh:mm:ss.fff)}.
 */
public final class ElapsedTime {
    private ElapsedTime() {
    }

    public static String format(double milliseconds) {
        String base = String.format(Locale.ROOT, "Time: %.3f ms", milliseconds);
        if (milliseconds < 1000.0) {
            return base;
        }
        double seconds = milliseconds / 1000.0;
        double minutes = Math.floor(seconds / 60.0);
        seconds -= 60.0 * minutes;
        if (minutes < 60.0) {
            return base + String.format(Locale.ROOT, " (%02d:%06.3f)", (int) minutes, seconds);
        }
        double hours = Math.floor(minutes / 60.0);
        minutes -= 60.0 * hours;
        if (hours < 24.0) {
            return base + String.format(Locale.ROOT, " (%02d:%02d:%06.3f)", (int) hours, (int) minutes, seconds);
        }
        double days = Math.floor(hours / 24.0);
        hours -= 24.0 * days;
        return base + String.format(Locale.ROOT, " (%.0f d %02d:%02d:%06.3f)", days, (int) hours, (int) minutes, seconds);
    }
}
