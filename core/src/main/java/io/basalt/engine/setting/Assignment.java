package io.basalt.engine.setting;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A value being given to a parameter, with what checking it needs: the parameter's name as the statement wrote
 * it (PostgreSQL's messages about the value's form quote that spelling), the value's text, the parameter's
 * current value (DateStyle keeps the half of it not mentioned), and where to put notices (application_name
 * reports truncation).
 */
public record Assignment(String writtenName, String text, String current, List<String> notices) {
    public Assignment {
        requireNonNull(writtenName, "writtenName is null");
        requireNonNull(text, "text is null");
        requireNonNull(notices, "notices is null");
    }
}
