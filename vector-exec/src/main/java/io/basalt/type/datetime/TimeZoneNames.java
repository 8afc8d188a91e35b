package io.basalt.type.datetime;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The zone a {@code AT TIME ZONE} / {@code timezone(zone, ...)} argument names, looked up as PostgreSQL
 * does: a time zone abbreviation first ({@code PST} is a fixed offset, {@code MSK} follows its zone), then
 * a tz database name or a POSIX zone ({@code UTC+3}, {@code +3}: hours west of UTC).
 */
public final class TimeZoneNames {
    private static final Pattern BARE_POSIX = Pattern.compile("([+-]?)(\\d{1,2})(?::(\\d{1,2}))?");

    private TimeZoneNames() {
    }

    /**
     * The zone {@code name} stands for.
     *
     * @throws BasaltException 22023 {@code time zone "x" not recognized}
     */
    public static ZoneId resolve(String name) {
        TimeZoneAbbreviations.Abbreviation abbreviation = TimeZoneAbbreviations.find(name);
        if (abbreviation != null) {
            return abbreviation.zone() != null ? abbreviation.zone() : ZoneOffset.ofTotalSeconds(abbreviation.offsetSeconds());
        }
        ZoneId zone = ZoneNames.find(name);
        if (zone != null) {
            return zone;
        }
        Matcher bare = BARE_POSIX.matcher(name.strip());
        if (bare.matches()) {
            int hours = Integer.parseInt(bare.group(2));
            int minutes = bare.group(3) == null ? 0 : Integer.parseInt(bare.group(3));
            int west = hours * 3600 + minutes * 60;
            if (hours <= 18 && minutes < 60) {
                return ZoneOffset.ofTotalSeconds(bare.group(1).equals("-") ? west : -west);
            }
        }
        throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "time zone \"" + name + "\" not recognized");
    }
}
