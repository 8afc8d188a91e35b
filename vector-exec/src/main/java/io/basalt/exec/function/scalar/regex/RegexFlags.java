package io.basalt.exec.function.scalar.regex;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;

/**
 * The option letters of PostgreSQL's regular-expression functions ({@code 'gi'}, {@code 'n'}, ...) and of
 * embedded options at the start of a pattern ({@code (?i)}), as a value. Later letters override earlier
 * ones as in PostgreSQL: {@code c} undoes {@code i}, {@code s} undoes {@code n}. {@code g} is meaningful only
 * to the functions that accept it; the others reject it with PostgreSQL's message.
 */
public record RegexFlags(boolean caseInsensitive, boolean newlineDot, boolean newlineAnchors, boolean expanded,
                         boolean literal, boolean global) {
    /** The defaults: case-sensitive, not newline-sensitive, an advanced regular expression. */
    public static final RegexFlags DEFAULT = new RegexFlags(false, false, false, false, false, false);

    /**
     * Parses a flags argument for {@code function}; {@code globalAllowed} says whether {@code g} is accepted
     * there. Unknown letters fail with 22023 as in PostgreSQL.
     */
    public static RegexFlags parse(String flags, String function, boolean globalAllowed) {
        RegexFlags parsed = DEFAULT;
        for (int k = 0; k < flags.length(); k++) {
            char letter = flags.charAt(k);
            if (letter == 'g') {
                parsed = parsed.withGlobal();
            } else {
                RegexFlags next = parsed.with(letter);
                if (next == null) {
                    BasaltException error = BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                            "invalid regular expression option: \"" + flags.substring(k, flags.offsetByCodePoints(k, 1))
                                    + "\"");
                    if (function.equals("regexp_replace") && Character.isDigit(flags.charAt(0))) {
                        throw error.withHint("If you meant to use regexp_replace() with a start parameter, cast the"
                                + " fourth argument to integer explicitly.");
                    }
                    throw error;
                }
                parsed = next;
            }
        }
        if (parsed.global && !globalAllowed) {
            BasaltException error = BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    function + "() does not support the \"global\" option");
            throw function.equals("regexp_match") ? error.withHint("Use the regexp_matches function instead.") : error;
        }
        return parsed;
    }

    /** These flags with one more option letter applied (not {@code g}), or null for an unknown letter. */
    RegexFlags with(char letter) {
        return switch (letter) {
            case 'i' -> new RegexFlags(true, newlineDot, newlineAnchors, expanded, literal, global);
            case 'c' -> new RegexFlags(false, newlineDot, newlineAnchors, expanded, literal, global);
            case 'n', 'm' -> new RegexFlags(caseInsensitive, true, true, expanded, literal, global);
            case 's' -> new RegexFlags(caseInsensitive, false, false, expanded, literal, global);
            case 'p' -> new RegexFlags(caseInsensitive, true, false, expanded, literal, global);
            case 'w' -> new RegexFlags(caseInsensitive, false, true, expanded, literal, global);
            case 'x' -> new RegexFlags(caseInsensitive, newlineDot, newlineAnchors, true, literal, global);
            case 't' -> new RegexFlags(caseInsensitive, newlineDot, newlineAnchors, false, literal, global);
            case 'q' -> new RegexFlags(caseInsensitive, newlineDot, newlineAnchors, expanded, true, global);
            case 'e' -> this;
            default -> null;
        };
    }

    private RegexFlags withGlobal() {
        return new RegexFlags(caseInsensitive, newlineDot, newlineAnchors, expanded, literal, true);
    }
}
