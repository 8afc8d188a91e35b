package io.basalt.type.datetime;

import java.util.HashMap;
import java.util.Map;

/**
 * The words PostgreSQL recognises inside date/time input, lower case: month and weekday names, AM/PM,
 * AD/BC, the special values ({@code epoch}, {@code infinity}, {@code now}, {@code today}, ...), the
 * julian-day prefix {@code j}, the ISO time marker {@code t} and the noise words {@code on}/{@code at}.
 * Time zone abbreviations are a separate table ({@link TimeZoneAbbreviations}).
 */
final class DateTimeKeywords {
    enum Kind { MONTH, WEEKDAY, AM_PM, AD_BC, SPECIAL, JULIAN, ISO_TIME, DST_MODIFIER, IGNORED }

    /** A recognised word: what kind it is and its value (month 1-12, weekday 0-6, AM=0/PM=1, AD=0/BC=1, special). */
    record Keyword(Kind kind, int value) {
    }

    static final int EPOCH = 0;
    static final int INFINITY = 1;
    static final int MINUS_INFINITY = 2;
    static final int NOW = 3;
    static final int TODAY = 4;
    static final int TOMORROW = 5;
    static final int YESTERDAY = 6;
    static final int ALLBALLS = 7;

    private static final Map<String, Keyword> WORDS = new HashMap<>();

    static {
        String[][] months = {{"jan", "january"}, {"feb", "february"}, {"mar", "march"}, {"apr", "april"},
                {"may"}, {"jun", "june"}, {"jul", "july"}, {"aug", "august"}, {"sep", "sept", "september"},
                {"oct", "october"}, {"nov", "november"}, {"dec", "december"}};
        for (int m = 0; m < months.length; m++) {
            for (String name : months[m]) {
                WORDS.put(name, new Keyword(Kind.MONTH, m + 1));
            }
        }
        String[][] days = {{"sun", "sunday"}, {"mon", "monday"}, {"tue", "tues", "tuesday"},
                {"wed", "wednes", "wednesday"}, {"thu", "thur", "thurs", "thursday"}, {"fri", "friday"},
                {"sat", "saturday"}};
        for (int d = 0; d < days.length; d++) {
            for (String name : days[d]) {
                WORDS.put(name, new Keyword(Kind.WEEKDAY, d));
            }
        }
        WORDS.put("am", new Keyword(Kind.AM_PM, 0));
        WORDS.put("a.m.", new Keyword(Kind.AM_PM, 0));
        WORDS.put("pm", new Keyword(Kind.AM_PM, 1));
        WORDS.put("p.m.", new Keyword(Kind.AM_PM, 1));
        WORDS.put("ad", new Keyword(Kind.AD_BC, 0));
        WORDS.put("bc", new Keyword(Kind.AD_BC, 1));
        WORDS.put("epoch", new Keyword(Kind.SPECIAL, EPOCH));
        WORDS.put("infinity", new Keyword(Kind.SPECIAL, INFINITY));
        WORDS.put("+infinity", new Keyword(Kind.SPECIAL, INFINITY));
        WORDS.put("-infinity", new Keyword(Kind.SPECIAL, MINUS_INFINITY));
        WORDS.put("now", new Keyword(Kind.SPECIAL, NOW));
        WORDS.put("today", new Keyword(Kind.SPECIAL, TODAY));
        WORDS.put("tomorrow", new Keyword(Kind.SPECIAL, TOMORROW));
        WORDS.put("yesterday", new Keyword(Kind.SPECIAL, YESTERDAY));
        WORDS.put("allballs", new Keyword(Kind.SPECIAL, ALLBALLS));
        WORDS.put("j", new Keyword(Kind.JULIAN, 0));
        WORDS.put("jd", new Keyword(Kind.JULIAN, 0));
        WORDS.put("julian", new Keyword(Kind.JULIAN, 0));
        WORDS.put("t", new Keyword(Kind.ISO_TIME, 0));
        WORDS.put("dst", new Keyword(Kind.DST_MODIFIER, 3600));
        WORDS.put("on", new Keyword(Kind.IGNORED, 0));
        WORDS.put("at", new Keyword(Kind.IGNORED, 0));
    }

    private DateTimeKeywords() {
    }

    /** The keyword {@code word} (lower case), or null. */
    static Keyword find(String word) {
        return WORDS.get(word);
    }
}
