package io.basalt.sql.ast;

import static java.util.Objects.requireNonNull;

/**
 * One value of a {@code SET} list as PostgreSQL's grammar keeps it, before any parameter gives it a
 * meaning: a string (a quoted string, or a word such as {@code on}, {@code public} or {@code true}, case-folded
 * like any name), a number (its text with the sign, an integer in canonical form: {@code 007} is {@code 7}), or
 * the interval of {@code SET TIME ZONE INTERVAL '...' [qualifier]} ({@code text} is the quoted string,
 * {@code intervalQualifier} the written qualifier such as {@code hour to minute}, or null).
 */
public record SettingValue(Kind kind, String text, String intervalQualifier, int position) implements Node {
    public enum Kind { STRING, NUMBER, INTERVAL }

    public SettingValue {
        requireNonNull(kind, "kind is null");
        requireNonNull(text, "text is null");
    }

    public static SettingValue string(String text, int position) {
        return new SettingValue(Kind.STRING, text, null, position);
    }

    public static SettingValue number(String text, int position) {
        return new SettingValue(Kind.NUMBER, text, null, position);
    }
}
