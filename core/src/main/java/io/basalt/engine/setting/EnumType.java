package io.basalt.engine.setting;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parameter that takes one of a list of words, matched without regard to case. {@code hidden} maps words
 * accepted but not listed in the hint to the value they stand for ({@code debug} is {@code debug2}).
 */
public record EnumType(List<String> values, Map<String, String> hidden) implements ParameterType {
    public EnumType {
        values = List.copyOf(values);
        hidden = Map.copyOf(hidden);
    }

    public EnumType(String... values) {
        this(List.of(values), Map.of());
    }

    @Override
    public String canonical(Parameter parameter, Assignment assignment) {
        String lower = assignment.text().toLowerCase(Locale.ROOT);
        for (String value : values) {
            if (value.equals(lower)) {
                return value;
            }
        }
        String alias = hidden.get(lower);
        if (alias != null) {
            return alias;
        }
        requireNonNull(parameter, "parameter is null");
        throw InvalidValue.of(assignment.writtenName(), assignment.text())
                .withHint("Available values: " + String.join(", ", values) + ".");
    }
}
