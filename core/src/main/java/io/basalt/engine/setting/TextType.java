package io.basalt.engine.setting;

import static java.util.Objects.requireNonNull;

/**
 * A parameter whose value is text, checked and normalised by {@code check} (PostgreSQL's check hooks: time
 * zone names, date styles, encodings, ...). Errors from a check name the parameter by its canonical name, as
 * PostgreSQL's do.
 */
public record TextType(Check check) implements ParameterType {
    /** Checks one value and returns the text SHOW prints for it. */
    @FunctionalInterface
    public interface Check {
        String canonical(Parameter parameter, Assignment assignment);
    }

    /** Any text, kept as written. */
    public static final TextType ANY = new TextType((parameter, assignment) -> assignment.text());

    public TextType {
        requireNonNull(check, "check is null");
    }

    @Override
    public String canonical(Parameter parameter, Assignment assignment) {
        return check.canonical(parameter, assignment);
    }
}
