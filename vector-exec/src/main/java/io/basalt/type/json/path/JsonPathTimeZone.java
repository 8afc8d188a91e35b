package io.basalt.type.json.path;

import static java.util.Objects.requireNonNull;

import io.basalt.type.datetime.DateTimeSettings;

/**
 * What jsonpath's date/time items may do with the session's time zone. Some conversions always read it
 * (a timestamptz's time of day in {@code .time_tz()}, the offset a cast timestamptz is shown with); those that
 * would make a result depend on it silently (date or timestamp to timestamptz, comparing values with and
 * without a zone) are allowed only when {@code use} is set, as in the {@code _tz} functions, and are errors
 * otherwise. {@code settings} are the session's, captured while the statement was planned.
 */
public record JsonPathTimeZone(boolean use, DateTimeSettings settings) {
    public JsonPathTimeZone {
        requireNonNull(settings, "settings is null");
    }

    /** With the settings of the statement being bound or planned on this thread. */
    public static JsonPathTimeZone current(boolean use) {
        return new JsonPathTimeZone(use, DateTimeSettings.current());
    }
}
