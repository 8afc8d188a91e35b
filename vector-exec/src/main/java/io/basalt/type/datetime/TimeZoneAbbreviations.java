package io.basalt.type.datetime;

import io.basalt.error.BasaltException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The time zone abbreviations date/time input accepts ({@code PST}, {@code EDT}, {@code CET}, {@code Z},
 * ...): PostgreSQL's default set, read from the resource {@code timezone-abbreviations.tsv} (abbreviation,
 * then seconds east of UTC and S or D for standard or daylight time, or a zone name and Z for an
 * abbreviation whose offset has changed over the years, such as {@code MSK}).
 */
final class TimeZoneAbbreviations {
    /** A fixed offset, or (when {@code zone} is not null) the offset a zone had at the time being read. */
    record Abbreviation(int offsetSeconds, boolean daylight, ZoneId zone) {
    }

    private static final Map<String, Abbreviation> TABLE = load();

    private TimeZoneAbbreviations() {
    }

    /** The abbreviation {@code word} (any case), or null. */
    static Abbreviation find(String word) {
        return TABLE.get(word.toLowerCase(Locale.ROOT));
    }

    private static Map<String, Abbreviation> load() {
        Map<String, Abbreviation> table = new HashMap<>();
        try (InputStream in = TimeZoneAbbreviations.class.getResourceAsStream("/io/basalt/type/timezone-abbreviations.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] parts = line.split("\t");
                if (parts.length != 3) {
                    continue;
                }
                String name = parts[0].toLowerCase(Locale.ROOT);
                Abbreviation abbreviation = parts[2].equals("Z")
                        ? new Abbreviation(0, false, ZoneId.of(parts[1]))
                        : new Abbreviation(Integer.parseInt(parts[1]), parts[2].equals("D"), null);
                table.put(name, abbreviation);
            }
        } catch (IOException | RuntimeException broken) {
            throw BasaltException.internal("cannot read the time zone abbreviations: " + broken);
        }
        return table;
    }
}
