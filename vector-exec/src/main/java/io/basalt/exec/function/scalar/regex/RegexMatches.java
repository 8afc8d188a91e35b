package io.basalt.exec.function.scalar.regex;

import io.basalt.type.ArrayValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Walking the matches of a pattern through a string the way PostgreSQL's regexp functions do: from a
 * start offset, one match or all of them, stepping one character past an empty match; and the pieces
 * between matches for regexp_split_to_array and regexp_split_to_table, where empty matches at the very
 * start or end, or right after the previous match, do not split.
 */
public final class RegexMatches {
    private RegexMatches() {
    }

    /**
     * Finds the next match at or after UTF-16 index {@code from}; false when there is none. Contract: the
     * matcher is left on the match found.
     */
    static boolean find(Matcher matcher, int from, int length) {
        return from <= length && matcher.find(from);
    }

    /** Where the search continues after the current match: past it, or one character on when it is empty. */
    static int next(Matcher matcher, String text) {
        int end = matcher.end();
        if (end == matcher.start()) {
            return end < text.length() ? text.offsetByCodePoints(end, 1) : end + 1;
        }
        return end;
    }

    /** regexp_match's array: the capture groups (NULL where a group did not take part), or the whole match. */
    public static ArrayValue groups(Matcher matcher) {
        List<Object> elements = new ArrayList<>();
        if (matcher.groupCount() == 0) {
            elements.add(matcher.group());
        } else {
            for (int g = 1; g <= matcher.groupCount(); g++) {
                elements.add(matcher.group(g));
            }
        }
        return ArrayValue.of(elements);
    }

    /** Every match's array (only the first unless {@code global}), as regexp_matches returns them. */
    public static List<ArrayValue> all(Matcher matcher, String text, boolean global) {
        List<ArrayValue> rows = new ArrayList<>();
        int from = 0;
        while (find(matcher, from, text.length())) {
            rows.add(groups(matcher));
            if (!global) {
                break;
            }
            from = next(matcher, text);
        }
        return rows;
    }

    /** The pieces of {@code text} between the (non-degenerate) matches, as regexp_split_to_array returns them. */
    public static List<Object> split(Matcher matcher, String text) {
        List<Object> pieces = new ArrayList<>();
        int length = text.length();
        int pieceStart = 0;
        int previousEnd = 0;
        int from = 0;
        while (find(matcher, from, length)) {
            int start = matcher.start();
            int end = matcher.end();
            if (start < length && end > previousEnd) {
                pieces.add(text.substring(pieceStart, start));
                pieceStart = end;
            }
            previousEnd = end;
            from = next(matcher, text);
        }
        pieces.add(text.substring(pieceStart));
        return pieces;
    }
}
