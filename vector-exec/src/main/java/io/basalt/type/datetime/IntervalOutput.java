package io.basalt.type.datetime;

import io.basalt.type.Interval;

/**
 * Text output of intervals in PostgreSQL's four IntervalStyles. Years and months come from the months
 * (12 to a year), hours, minutes and seconds from the microseconds; days stay days. Each field keeps the
 * sign it has, which the styles show differently: {@code -1 days +02:03:00} (postgres), {@code @ 1 day
 * -2 hours ago} (postgres_verbose), {@code -1 -2:03:00} or {@code +0-0 -1 +2:03:00} (sql_standard),
 * {@code P-1DT2H3M} (iso_8601).
 */
public final class IntervalOutput {
    private IntervalOutput() {
    }

    public static String format(Interval interval, IntervalStyle style) {
        if (!interval.isFinite()) {
            return interval.equals(Interval.INFINITY) ? "infinity" : "-infinity";
        }
        int years = interval.months() / 12;
        int months = interval.months() % 12;
        int days = interval.days();
        long time = interval.micros();
        long hours = time / 3_600_000_000L;
        time -= hours * 3_600_000_000L;
        int minutes = (int) (time / 60_000_000L);
        time -= minutes * 60_000_000L;
        int seconds = (int) (time / 1_000_000L);
        int fraction = (int) (time - seconds * 1_000_000L);
        StringBuilder out = new StringBuilder(48);
        switch (style) {
            case POSTGRES -> postgres(out, years, months, days, hours, minutes, seconds, fraction);
            case POSTGRES_VERBOSE -> verbose(out, years, months, days, hours, minutes, seconds, fraction);
            case SQL_STANDARD -> sqlStandard(out, years, months, days, hours, minutes, seconds, fraction);
            case ISO_8601 -> iso8601(out, years, months, days, hours, minutes, seconds, fraction);
        }
        return out.toString();
    }

    private static void postgres(StringBuilder out, int years, int months, int days, long hours, int minutes,
                                 int seconds, int fraction) {
        boolean zero = true;
        boolean before = false;
        long[] values = {years, months, days};
        String[] units = {"year", "mon", "day"};
        for (int i = 0; i < 3; i++) {
            long value = values[i];
            if (value == 0) {
                continue;
            }
            if (!zero) {
                out.append(' ');
            }
            if (before && value > 0) {
                out.append('+');
            }
            out.append(value).append(' ').append(units[i]);
            if (value != 1) {
                out.append('s');
            }
            before = value < 0;
            zero = false;
        }
        if (zero || hours != 0 || minutes != 0 || seconds != 0 || fraction != 0) {
            boolean minus = hours < 0 || minutes < 0 || seconds < 0 || fraction < 0;
            if (!zero) {
                out.append(' ');
            }
            out.append(minus ? "-" : before ? "+" : "");
            appendClock(out, hours, minutes, seconds, fraction);
        }
    }

    private static void verbose(StringBuilder out, int years, int months, int days, long hours, int minutes,
                                int seconds, int fraction) {
        out.append('@');
        boolean[] state = {true, false}; // zero so far, before (negative)
        verbosePart(out, years, "year", state);
        verbosePart(out, months, "mon", state);
        verbosePart(out, days, "day", state);
        verbosePart(out, hours, "hour", state);
        verbosePart(out, minutes, "min", state);
        if (seconds != 0 || fraction != 0) {
            out.append(' ');
            if (seconds < 0 || (seconds == 0 && fraction < 0)) {
                if (state[0]) {
                    state[1] = true;
                } else if (!state[1]) {
                    out.append('-');
                }
            } else if (state[1]) {
                out.append('-');
            }
            out.append(Math.abs(seconds));
            DateTimeOutput.appendFraction(out, Math.abs(fraction));
            out.append(" sec");
            if (Math.abs(seconds) != 1 || fraction != 0) {
                out.append('s');
            }
            state[0] = false;
        }
        if (state[0]) {
            out.append(" 0");
        }
        if (state[1]) {
            out.append(" ago");
        }
    }

    private static void verbosePart(StringBuilder out, long value, String unit, boolean[] state) {
        if (value == 0) {
            return;
        }
        if (state[0]) {
            state[1] = value < 0;
            value = Math.abs(value);
        } else if (state[1]) {
            value = -value;
        }
        out.append(' ').append(value).append(' ').append(unit);
        if (value != 1) {
            out.append('s');
        }
        state[0] = false;
    }

    private static void sqlStandard(StringBuilder out, int years, int months, int days, long hours, int minutes,
                                    int seconds, int fraction) {
        boolean negative = years < 0 || months < 0 || days < 0 || hours < 0 || minutes < 0 || seconds < 0 || fraction < 0;
        boolean positive = years > 0 || months > 0 || days > 0 || hours > 0 || minutes > 0 || seconds > 0 || fraction > 0;
        boolean yearMonth = years != 0 || months != 0;
        boolean dayTime = days != 0 || hours != 0 || minutes != 0 || seconds != 0 || fraction != 0;
        boolean standard = !(negative && positive) && !(yearMonth && dayTime);
        if (!negative && !positive) {
            out.append('0');
            return;
        }
        if (!standard) {
            char yearSign = years < 0 || months < 0 ? '-' : '+';
            char daySign = days < 0 ? '-' : '+';
            char timeSign = hours < 0 || minutes < 0 || seconds < 0 || fraction < 0 ? '-' : '+';
            out.append(yearSign).append(Math.abs(years)).append('-').append(Math.abs(months)).append(' ')
                    .append(daySign).append(Math.abs((long) days)).append(' ')
                    .append(timeSign).append(Math.abs(hours)).append(':');
            DateTimeOutput.appendPadded(out, Math.abs(minutes), 2);
            out.append(':');
            appendSeconds(out, seconds, fraction);
            return;
        }
        if (negative) {
            out.append('-');
        }
        if (yearMonth) {
            out.append(Math.abs(years)).append('-').append(Math.abs(months));
        } else if (days != 0) {
            out.append(Math.abs((long) days)).append(' ').append(Math.abs(hours)).append(':');
            DateTimeOutput.appendPadded(out, Math.abs(minutes), 2);
            out.append(':');
            appendSeconds(out, seconds, fraction);
        } else {
            out.append(Math.abs(hours)).append(':');
            DateTimeOutput.appendPadded(out, Math.abs(minutes), 2);
            out.append(':');
            appendSeconds(out, seconds, fraction);
        }
    }

    private static void iso8601(StringBuilder out, int years, int months, int days, long hours, int minutes,
                                int seconds, int fraction) {
        if (years == 0 && months == 0 && days == 0 && hours == 0 && minutes == 0 && seconds == 0 && fraction == 0) {
            out.append("PT0S");
            return;
        }
        out.append('P');
        isoPart(out, years, 'Y');
        isoPart(out, months, 'M');
        isoPart(out, days, 'D');
        if (hours != 0 || minutes != 0 || seconds != 0 || fraction != 0) {
            out.append('T');
        }
        isoPart(out, hours, 'H');
        isoPart(out, minutes, 'M');
        if (seconds != 0 || fraction != 0) {
            if (seconds < 0 || fraction < 0) {
                out.append('-');
            }
            out.append(Math.abs(seconds));
            DateTimeOutput.appendFraction(out, Math.abs(fraction));
            out.append('S');
        }
    }

    private static void isoPart(StringBuilder out, long value, char unit) {
        if (value != 0) {
            out.append(value).append(unit);
        }
    }

    /** {@code hh:mm:ss[.ffffff]} of absolute values, hours at least two digits. */
    private static void appendClock(StringBuilder out, long hours, int minutes, int seconds, int fraction) {
        DateTimeOutput.appendPadded(out, Math.abs(hours), 2);
        out.append(':');
        DateTimeOutput.appendPadded(out, Math.abs(minutes), 2);
        out.append(':');
        appendSeconds(out, seconds, fraction);
    }

    private static void appendSeconds(StringBuilder out, int seconds, int fraction) {
        DateTimeOutput.appendPadded(out, Math.abs(seconds), 2);
        DateTimeOutput.appendFraction(out, Math.abs(fraction));
    }
}
