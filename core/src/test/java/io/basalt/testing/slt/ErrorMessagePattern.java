package io.basalt.testing.slt;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * The text a {@code statement error} record expects after its {@code ----} line: a substring of the
 * error message, {@code <REGEX>:pattern} (found anywhere in the message) or {@code <!REGEX>:pattern}
 * (must not be found).
 */
public record ErrorMessagePattern(String text, Kind kind) {
    private static final String REGEX = "<REGEX>:";
    private static final String NOT_REGEX = "<!REGEX>:";

    public enum Kind { SUBSTRING, REGEX, NOT_REGEX }

    public ErrorMessagePattern {
        requireNonNull(text, "text is null");
        requireNonNull(kind, "kind is null");
    }

    /** Reads the expected text as written in a file. */
    public static ErrorMessagePattern parse(String written) {
        if (written.startsWith(REGEX)) {
            return new ErrorMessagePattern(written.substring(REGEX.length()), Kind.REGEX);
        }
        if (written.startsWith(NOT_REGEX)) {
            return new ErrorMessagePattern(written.substring(NOT_REGEX.length()), Kind.NOT_REGEX);
        }
        return new ErrorMessagePattern(written, Kind.SUBSTRING);
    }

    public boolean matches(String message) {
        String actual = message == null ? "" : message;
        return switch (kind) {
            case SUBSTRING -> actual.contains(text);
            case REGEX -> Pattern.compile(text, Pattern.DOTALL).matcher(actual).find();
            case NOT_REGEX -> !Pattern.compile(text, Pattern.DOTALL).matcher(actual).find();
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case SUBSTRING -> "a message containing \"" + text + "\"";
            case REGEX -> "a message matching /" + text + "/";
            case NOT_REGEX -> "a message not matching /" + text + "/";
        };
    }
}
