package io.basalt.type.datetime;

/**
 * The abbreviation the session's zone shows at an instant, as {@code to_char}'s {@code TZ} and the
 * non-ISO DateStyles print it: the POSIX zone's own name when the session set one, else the zone's
 * abbreviation at that instant ({@code PST}, {@code LMT}, or the offset such as {@code +0530}).
 */
public final class ZoneAbbreviation {
    private ZoneAbbreviation() {
    }

    public static String of(DateTimeSettings settings, long utcMicros) {
        if (settings.zoneAbbreviation() != null) {
            return settings.zoneAbbreviation();
        }
        return DateTimeOutput.abbreviation(settings.zone(), utcMicros);
    }
}
