package io.basalt.type.datetime;

import java.time.ZoneId;

/**
 * Finds the time zone abbreviation a piece of text starts with ({@code EST} in {@code EST+1}), the longest
 * one that matches, ignoring case, as PostgreSQL's DecodeTimezoneAbbrevPrefix does for the {@code TZ} template
 * pattern of {@code to_timestamp} and jsonpath's {@code .datetime()}.
 */
public final class ZoneAbbreviationPrefix {
    /** The longest abbreviation in PostgreSQL's default set has this many characters. */
    private static final int LONGEST = 6;

    /**
     * A match: {@code length} characters; a fixed offset (seconds east of UTC), or when {@code zone} is not
     * null the offset that zone has at the time being read.
     */
    public record Match(int length, int offsetSeconds, ZoneId zone) {
    }

    private ZoneAbbreviationPrefix() {
    }

    /** The longest abbreviation at {@code at} in {@code text}, or null. */
    public static Match longest(String text, int at) {
        int end = at;
        while (end < text.length() && end - at < LONGEST && Character.isLetter(text.charAt(end))) {
            end++;
        }
        for (int length = end - at; length > 0; length--) {
            TimeZoneAbbreviations.Abbreviation found = TimeZoneAbbreviations.find(text.substring(at, at + length));
            if (found != null) {
                return new Match(length, found.offsetSeconds(), found.zone());
            }
        }
        return null;
    }
}
