package io.basalt.engine.setting;

import java.util.List;

/**
 * The unit of an integer parameter and how values are written in it, as PostgreSQL's GUC machinery reads and
 * prints them: memory in kilobytes (written with {@code B}, {@code kB}, {@code MB}, {@code GB} or {@code TB}),
 * memory in blocks of 8 kB (written with the same units, printed as memory), time in milliseconds (written
 * with {@code us}, {@code ms}, {@code s}, {@code min}, {@code h} or {@code d}), or no unit at all. Unit names are case-sensitive, as in PostgreSQL.
 */
public enum IntegerUnit {
    NONE(List.of(), List.of(), null),
    KILOBYTES(List.of("B", "kB", "MB", "GB", "TB"), List.of(1.0 / 1024, 1.0, 1024.0, 1024.0 * 1024, 1024.0 * 1024 * 1024),
            "kB"),
    BLOCKS(List.of("B", "kB", "MB", "GB", "TB"),
            List.of(1.0 / 8192, 1.0 / 8, 128.0, 128.0 * 1024, 128.0 * 1024 * 1024), "8kB"),
    MILLISECONDS(List.of("us", "ms", "s", "min", "h", "d"),
            List.of(1.0 / 1000, 1.0, 1000.0, 60_000.0, 3_600_000.0, 86_400_000.0), "ms");

    private final List<String> names;
    private final List<Double> multipliers;
    private final String baseName;

    IntegerUnit(List<String> names, List<Double> multipliers, String baseName) {
        this.names = names;
        this.multipliers = multipliers;
        this.baseName = baseName;
    }

    /** The base unit's name ("kB", "ms"), or null for a plain number. */
    public String baseName() {
        return baseName;
    }

    /** The value of {@code amount} written in unit {@code name} in this base unit, or NaN for an unknown name. */
    double toBase(double amount, String name) {
        int index = names.indexOf(name);
        return index < 0 ? Double.NaN : amount * multipliers.get(index);
    }

    /** PostgreSQL's hint naming the units a value may be written in, or null without units. */
    String hint() {
        if (names.isEmpty()) {
            return null;
        }
        StringBuilder hint = new StringBuilder("Valid units for this parameter are ");
        for (int i = 0; i < names.size(); i++) {
            hint.append(i == 0 ? "" : i == names.size() - 1 ? ", and " : ", ").append('"').append(names.get(i)).append('"');
        }
        return hint.append('.').toString();
    }

    /**
     * A positive value as SHOW prints it: in the largest unit that represents it exactly ({@code 4096} kB is
     * "4MB", {@code 1500} ms "1500ms"); zero and negative values print bare, without a unit.
     */
    String format(int value) {
        if (this == NONE || value <= 0) {
            return Integer.toString(value);
        }
        if (this == BLOCKS) {
            return formatKilobytes(value * 8L);
        }
        for (int i = names.size() - 1; i >= 0; i--) {
            double multiplier = multipliers.get(i);
            if (multiplier >= 1 && value % (long) multiplier == 0) {
                return value / (long) multiplier + names.get(i);
            }
        }
        return value + baseName;
    }

    /** Kilobytes in the largest memory unit that holds them exactly. */
    private static String formatKilobytes(long kilobytes) {
        String[] units = {"TB", "GB", "MB"};
        long[] sizes = {1024L * 1024 * 1024, 1024L * 1024, 1024L};
        for (int i = 0; i < units.length; i++) {
            if (kilobytes % sizes[i] == 0) {
                return kilobytes / sizes[i] + units[i];
            }
        }
        return kilobytes + "kB";
    }
}
