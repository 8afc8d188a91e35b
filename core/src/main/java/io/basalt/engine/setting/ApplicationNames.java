package io.basalt.engine.setting;

import java.nio.charset.StandardCharsets;

/**
 * Values of application_name, cleaned as PostgreSQL cleans them: every byte of the UTF-8 text that is not
 * printable ASCII becomes {@code ?} (so an accented letter becomes {@code ??}), and a name longer than 63
 * bytes is cut, with PostgreSQL's notice that the identifier will be truncated.
 */
final class ApplicationNames {
    private static final int MAX_BYTES = 63;

    private ApplicationNames() {
    }

    static String canonical(Parameter parameter, Assignment assignment) {
        byte[] bytes = assignment.text().getBytes(StandardCharsets.UTF_8);
        StringBuilder cleaned = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            cleaned.append(b >= 32 && b <= 126 ? (char) b : '?');
        }
        String name = cleaned.toString();
        if (name.length() > MAX_BYTES) {
            String truncated = name.substring(0, MAX_BYTES);
            assignment.notices().add("identifier \"" + name + "\" will be truncated to \"" + truncated + "\"");
            return truncated;
        }
        return name;
    }
}
