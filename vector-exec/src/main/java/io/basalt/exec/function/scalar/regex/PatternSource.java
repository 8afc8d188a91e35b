package io.basalt.exec.function.scalar.regex;

import java.util.regex.Pattern;

/**
 * A compiled pattern with the options it was compiled under, for callers outside this package (the
 * set-returning regexp functions are evaluated by the binder).
 */
public record PatternSource(Pattern pattern, RegexFlags flags) {
    /** Compiles {@code pattern} with option letters {@code flagsText} for {@code function}. */
    public static PatternSource compile(String pattern, String flagsText, String function, boolean globalAllowed) {
        RegexFlags flags = RegexFlags.parse(flagsText, function, globalAllowed);
        return new PatternSource(RegexTranslator.compile(pattern, flags), flags);
    }
}
