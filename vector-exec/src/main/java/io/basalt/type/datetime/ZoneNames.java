package io.basalt.type.datetime;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Time zone names of the tz database, looked up without regard to case as PostgreSQL does. */
public final class ZoneNames {
    private static final Map<String, String> NAMES = new HashMap<>();
    /** {@code STD offset}: letters (or an angle-bracketed name), then an offset in hours west of UTC. */
    private static final Pattern POSIX = Pattern.compile(
            "([A-Za-z]{3,}|<[A-Za-z0-9+:-]+>)([+-]?)(\\d{1,2})(?::(\\d{1,2})(?::(\\d{1,2}))?)?");

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (!id.startsWith("SystemV/")) {
                NAMES.put(id.toLowerCase(Locale.ROOT), id);
            }
        }
        for (String id : new String[] {"EST", "MST", "HST"}) {
            NAMES.put(id.toLowerCase(Locale.ROOT), id);
        }
    }

    private ZoneNames() {
    }

    /**
     * The zone {@code name} (any case), or null when the tz database has no such zone. A POSIX zone without
     * daylight-saving rules ({@code GMT+8}, {@code MST+7:00}: hours WEST of UTC) is the fixed offset it names.
     */
    public static ZoneId find(String name) {
        String id = NAMES.get(name.toLowerCase(Locale.ROOT));
        if (id != null) {
            return ZoneId.of(id, ZoneId.SHORT_IDS);
        }
        Matcher posix = POSIX.matcher(name);
        if (!posix.matches()) {
            return null;
        }
        long hours = Long.parseLong(posix.group(3));
        long minutes = posix.group(4) == null ? 0 : Long.parseLong(posix.group(4));
        long seconds = posix.group(5) == null ? 0 : Long.parseLong(posix.group(5));
        long west = (hours * 60 + minutes) * 60 + seconds;
        if (hours > 18 || minutes > 59 || seconds > 59 || west > 18 * 3600) {
            return null;
        }
        return ZoneOffset.ofTotalSeconds((int) (posix.group(2).equals("-") ? west : -west));
    }

    /** The proper spelling of the zone {@code name} (any case), or null. */
    public static String spelling(String name) {
        return NAMES.get(name.toLowerCase(Locale.ROOT));
    }
}
