package io.basalt.type.json;

import io.basalt.type.datetime.Calendar;
import io.basalt.type.datetime.DateTimeOutput;
import io.basalt.type.datetime.DateTimeSettings;
import io.basalt.type.datetime.TimeValues;
import io.basalt.type.datetime.TimeWithZone;

/**
 * The text of a jsonpath date/time item as PostgreSQL's JsonEncodeDateTime writes it, whatever DateStyle says:
 * XML Schema style, {@code 2017-03-10}, {@code 12:34:56.789}, {@code 2017-03-10T12:34:56}, offsets always
 * with minutes ({@code +05:30}, {@code +00:00}) and with seconds when they have some. It is what the item
 * becomes in jsonb output and what {@code .string()} gives.
 */
public final class JsonDatetimeText {
    private JsonDatetimeText() {
    }

    public static String format(JsonNode.JsonDatetime item) {
        StringBuilder out = new StringBuilder(32);
        long value = item.value();
        switch (item.type()) {
            case DATE -> out.append(DateTimeOutput.formatDate(value, DateTimeSettings.DEFAULT));
            case TIME -> out.append(TimeValues.formatTime(value));
            case TIMETZ -> {
                out.append(TimeValues.formatTime(TimeWithZone.time(value)));
                appendOffset(out, TimeWithZone.offset(value));
            }
            case TIMESTAMP -> appendTimestamp(out, value);
            case TIMESTAMPTZ -> {
                if (!Calendar.isFiniteTimestamp(value)) {
                    appendTimestamp(out, value);
                } else {
                    appendTimestamp(out, value + item.offsetSeconds() * 1_000_000L);
                    appendOffset(out, item.offsetSeconds());
                }
            }
            default -> throw new IllegalStateException("not a date/time type: " + item.type());
        }
        return out.toString();
    }

    private static void appendTimestamp(StringBuilder out, long local) {
        if (!Calendar.isFiniteTimestamp(local)) {
            out.append(local > 0 ? "infinity" : "-infinity");
            return;
        }
        String date = DateTimeOutput.formatDate(Math.floorDiv(local, Calendar.MICROS_PER_DAY), DateTimeSettings.DEFAULT);
        boolean bc = date.endsWith(" BC");
        out.append(bc ? date.substring(0, date.length() - 3) : date).append('T')
                .append(TimeValues.formatTime(Math.floorMod(local, Calendar.MICROS_PER_DAY)));
        if (bc) {
            out.append(" BC");
        }
    }

    /** {@code +hh:mm} or {@code +hh:mm:ss}, the sign PostgreSQL shows (east is +). */
    private static void appendOffset(StringBuilder out, int offsetSeconds) {
        out.append(offsetSeconds < 0 ? '-' : '+');
        int seconds = Math.abs(offsetSeconds);
        appendTwo(out, seconds / 3600);
        out.append(':');
        appendTwo(out, seconds / 60 % 60);
        if (seconds % 60 != 0) {
            out.append(':');
            appendTwo(out, seconds % 60);
        }
    }

    private static void appendTwo(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        out.append(value);
    }
}
