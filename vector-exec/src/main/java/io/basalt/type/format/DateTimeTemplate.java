package io.basalt.type.format;

import static io.basalt.type.format.DateTimePattern.*;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled date/time template of {@code to_char}, {@code to_date} and {@code to_timestamp}: the
 * template text cut once into nodes, each a pattern (with its prefix modifiers {@code FM}, {@code FX},
 * {@code TM} and its suffix {@code TH}/{@code th}/{@code SP}) or a literal character. Patterns match
 * case-sensitively in the spellings PostgreSQL knows ({@code YYYY} and {@code yyyy}, {@code Month},
 * {@code MONTH} and {@code month}), the longest spelling first. Text in double quotes is literal, a
 * backslash inside it quoting the next character; outside quotes a backslash only quotes a double quote.
 */
public final class DateTimeTemplate {
    /** The case a name (month, weekday, era, meridiem) is printed in. */
    public static final int UPPER = 0;
    public static final int CAPITALIZED = 1;
    public static final int LOWER = 2;

    /**
     * One node: {@code pattern} null for a literal {@code character}, else {@code character} is the pattern's
     * spelling as written ({@code HH24}, {@code yyyy}); {@code quoted} for text from inside double quotes; {@code ordinal} 0, or {@link #UPPER}+1 / {@link #LOWER}+1 for {@code TH} / {@code th}.
     */
    public record Node(DateTimePattern pattern, int letterCase, boolean fillMode, boolean translate, int ordinal,
                       String character, boolean quoted) {
        public boolean isPattern() {
            return pattern != null;
        }
    }

    private record Spelling(String text, DateTimePattern pattern, int letterCase) {
    }

    /** Every spelling, longer spellings of a common prefix first. */
    private static final Spelling[] SPELLINGS = spellings();

    private final String text;
    private final List<Node> nodes;
    private final boolean fixedFormat;

    private DateTimeTemplate(String text, List<Node> nodes, boolean fixedFormat) {
        this.text = text;
        this.nodes = nodes;
        this.fixedFormat = fixedFormat;
    }

    /** The template as written. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DateTimeTemplate that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** Whether the template starts with {@code FX} (exact separators and widths when parsing). */
    public boolean fixedFormat() {
        return fixedFormat;
    }

    /** The template {@code text} compiled; never fails (unknown text is literal). */
    public static DateTimeTemplate compile(String text) {
        List<Node> nodes = new ArrayList<>();
        boolean fixed = false;
        int i = 0;
        int length = text.length();
        while (i < length) {
            boolean fillMode = false;
            boolean translate = false;
            // Prefix modifiers, in any order and repeated, before a pattern.
            int start = i;
            while (true) {
                if (text.startsWith("FM", i) || text.startsWith("fm", i)) {
                    fillMode = true;
                    i += 2;
                } else if (text.startsWith("TM", i) || text.startsWith("tm", i)) {
                    translate = true;
                    i += 2;
                } else if (text.startsWith("FX", i) || text.startsWith("fx", i)) {
                    fixed = true;
                    i += 2;
                } else {
                    break;
                }
            }
            Spelling spelling = match(text, i);
            if (spelling == null) {
                if (i > start && (fillMode || translate)) {
                    // A modifier before something that is no pattern is dropped, as PostgreSQL does.
                    continue;
                }
                if (i > start) {
                    continue;
                }
                i = literal(text, i, nodes);
                continue;
            }
            i += spelling.text.length();
            int ordinal = 0;
            if (text.startsWith("TH", i)) {
                ordinal = UPPER + 1;
                i += 2;
            } else if (text.startsWith("th", i)) {
                ordinal = LOWER + 1;
                i += 2;
            }
            if (text.startsWith("SP", i) || text.startsWith("sp", i)) {
                i += 2;
            }
            nodes.add(new Node(spelling.pattern, spelling.letterCase, fillMode, translate, ordinal, spelling.text, false));
        }
        return new DateTimeTemplate(text, List.copyOf(nodes), fixed);
    }

    private static int literal(String text, int i, List<Node> nodes) {
        char c = text.charAt(i);
        if (c == '"') {
            i++;
            while (i < text.length()) {
                char q = text.charAt(i);
                if (q == '"') {
                    return i + 1;
                }
                if (q == '\\' && i + 1 < text.length()) {
                    i++;
                }
                int end = i + Character.charCount(text.codePointAt(i));
                nodes.add(new Node(null, UPPER, false, false, 0, text.substring(i, end), true));
                i = end;
            }
            return i;
        }
        if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            i++;
        }
        int end = i + Character.charCount(text.codePointAt(i));
        nodes.add(new Node(null, UPPER, false, false, 0, text.substring(i, end), false));
        return end;
    }

    private static Spelling match(String text, int at) {
        for (Spelling spelling : SPELLINGS) {
            if (text.startsWith(spelling.text, at)) {
                return spelling;
            }
        }
        return null;
    }

    private static Spelling[] spellings() {
        List<Spelling> all = new ArrayList<>();
        both(all, ERA_DOTTED, "A.D.", "a.d.", "B.C.", "b.c.");
        both(all, ERA, "AD", "ad", "BC", "bc");
        both(all, MERIDIEM_DOTTED, "A.M.", "a.m.", "P.M.", "p.m.");
        both(all, MERIDIEM, "AM", "am", "PM", "pm");
        cased(all, MONTH_NAME, "MONTH", "Month", "month");
        cased(all, MONTH_ABBREVIATION, "MON", "Mon", "mon");
        cased(all, DAY_NAME, "DAY", "Day", "day");
        cased(all, DAY_ABBREVIATION, "DY", "Dy", "dy");
        plain(all, YEAR_COMMA, "Y,YYY");
        plain(all, YEAR4, "YYYY");
        plain(all, YEAR3, "YYY");
        plain(all, YEAR2, "YY");
        plain(all, YEAR1, "Y");
        plain(all, ISO_YEAR4, "IYYY");
        plain(all, ISO_YEAR3, "IYY");
        plain(all, ISO_YEAR2, "IY");
        plain(all, ISO_DAY_OF_YEAR, "IDDD");
        plain(all, ISO_DAY_OF_WEEK, "ID");
        plain(all, ISO_WEEK, "IW");
        plain(all, ISO_YEAR1, "I");
        plain(all, CENTURY, "CC");
        plain(all, MONTH_NUMBER, "MM");
        plain(all, MINUTE, "MI");
        plain(all, MILLISECOND, "MS");
        all.add(new Spelling("RM", ROMAN_MONTH, UPPER));
        all.add(new Spelling("rm", ROMAN_MONTH, LOWER));
        plain(all, DAY_OF_YEAR, "DDD");
        plain(all, DAY_OF_MONTH, "DD");
        plain(all, DAY_OF_WEEK, "D");
        plain(all, WEEK_OF_YEAR, "WW");
        plain(all, WEEK_OF_MONTH, "W");
        plain(all, JULIAN_DAY, "J");
        plain(all, QUARTER, "Q");
        plain(all, HOUR24, "HH24");
        plain(all, HOUR12, "HH12");
        plain(all, HOUR12, "HH");
        plain(all, SECONDS_OF_DAY, "SSSSS");
        plain(all, SECONDS_OF_DAY, "SSSS");
        plain(all, SECOND, "SS");
        plain(all, MICROSECOND, "US");
        DateTimePattern[] fractions = {FRACTION1, FRACTION2, FRACTION3, FRACTION4, FRACTION5, FRACTION6};
        for (int digits = 1; digits <= 6; digits++) {
            plain(all, fractions[digits - 1], "FF" + digits);
        }
        all.add(new Spelling("TZH", ZONE_HOURS, UPPER));
        all.add(new Spelling("TZM", ZONE_MINUTES, UPPER));
        all.add(new Spelling("TZ", ZONE_NAME, UPPER));
        all.add(new Spelling("tz", ZONE_NAME, LOWER));
        all.add(new Spelling("OF", ZONE_OFFSET, UPPER));
        all.add(new Spelling("tzh", ZONE_HOURS, LOWER));
        all.add(new Spelling("tzm", ZONE_MINUTES, LOWER));
        all.add(new Spelling("of", ZONE_OFFSET, LOWER));
        // Longest first, so that HH24 wins over HH and SSSSS over SS.
        all.sort((a, b) -> b.text.length() - a.text.length());
        return all.toArray(new Spelling[0]);
    }

    private static void both(List<Spelling> all, DateTimePattern pattern, String... spellings) {
        for (String spelling : spellings) {
            all.add(new Spelling(spelling, pattern, Character.isUpperCase(spelling.charAt(0)) ? UPPER : LOWER));
        }
    }

    private static void cased(List<Spelling> all, DateTimePattern pattern, String upper, String capitalized, String lower) {
        all.add(new Spelling(upper, pattern, UPPER));
        all.add(new Spelling(capitalized, pattern, CAPITALIZED));
        all.add(new Spelling(lower, pattern, LOWER));
    }

    private static void plain(List<Spelling> all, DateTimePattern pattern, String upper) {
        all.add(new Spelling(upper, pattern, UPPER));
        all.add(new Spelling(upper.toLowerCase(java.util.Locale.ROOT), pattern, LOWER));
    }
}
