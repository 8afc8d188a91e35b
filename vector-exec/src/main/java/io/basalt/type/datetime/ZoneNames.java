package io.basalt.type.datetime;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Time zone names of the tz database, looked up without regard to case as PostgreSQL does. */
public final class ZoneNames {
    private static final Map<String, String> NAMES = new HashMap<>();

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

    /** The zone {@code name} (any case), or null when the tz database has no such zone. */
    public static ZoneId find(String name) {
        String id = NAMES.get(name.toLowerCase(Locale.ROOT));
        return id == null ? null : ZoneId.of(id, ZoneId.SHORT_IDS);
    }

    /** The proper spelling of the zone {@code name} (any case), or null. */
    public static String spelling(String name) {
        return NAMES.get(name.toLowerCase(Locale.ROOT));
    }
}
