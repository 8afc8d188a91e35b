package io.basalt.cli.options;

import java.util.Locale;

/**
 * psql's reading of a boolean setting such as {@code ON_ERROR_STOP=1} or {@code \timing off}: any
 * case, and any prefix of {@code true}, {@code false}, {@code yes}, {@code no}, plus {@code on},
 * {@code of}/{@code off}, {@code 1} and {@code 0}.
 */
public final class BooleanText {
    private BooleanText() {
    }

    /** The value {@code text} stands for, or null when it is not a boolean. */
    public static Boolean parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String value = text.toLowerCase(Locale.ROOT);
        if ("true".startsWith(value) || "yes".startsWith(value) || value.equals("on") || value.equals("1")) {
            return Boolean.TRUE;
        }
        if ("false".startsWith(value) || "no".startsWith(value) || value.equals("0")
                || (value.length() >= 2 && "off".startsWith(value))) {
            return Boolean.FALSE;
        }
        return null;
    }
}
