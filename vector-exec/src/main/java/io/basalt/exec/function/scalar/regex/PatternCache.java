package io.basalt.exec.function.scalar.regex;

import java.util.regex.Pattern;

/**
 * The most recently compiled pattern of one function call site. A call's pattern and flags are nearly
 * always constants, so they are translated and compiled once per query rather than once per row; a
 * changing pattern recompiles only when it differs from the previous row's. The entry is immutable and
 * published through a volatile field, so threads sharing the call site never see a torn pair.
 */
final class PatternCache {
    private record Entry(String pattern, String flagsText, Pattern compiled, RegexFlags flags) {
    }

    private final String function;
    private final boolean globalAllowed;
    private volatile Entry last;

    PatternCache(String function, boolean globalAllowed) {
        this.function = function;
        this.globalAllowed = globalAllowed;
    }

    /** The compiled {@code pattern} under the option letters {@code flagsText} (never null). */
    Pattern pattern(String pattern, String flagsText) {
        return entry(pattern, flagsText).compiled;
    }

    /** The parsed {@code flagsText}, from the same cache entry as {@link #pattern}. */
    RegexFlags flags(String pattern, String flagsText) {
        return entry(pattern, flagsText).flags;
    }

    private Entry entry(String pattern, String flagsText) {
        Entry entry = last;
        if (entry != null && entry.pattern.equals(pattern) && entry.flagsText.equals(flagsText)) {
            return entry;
        }
        RegexFlags flags = RegexFlags.parse(flagsText, function, globalAllowed);
        entry = new Entry(pattern, flagsText, RegexTranslator.compile(pattern, flags), flags);
        last = entry;
        return entry;
    }
}
