package io.basalt.engine.setting;

import java.util.Locale;

/**
 * An on/off parameter. Accepts what PostgreSQL's {@code parse_bool} accepts, without regard to case and
 * without surrounding spaces: {@code true}, {@code false}, {@code yes}, {@code no} and any prefix of them,
 * {@code on}, {@code off} (at least "of"), {@code 1} and {@code 0}. SHOW prints "on" or "off".
 */
public record BooleanType() implements ParameterType {
    @Override
    public String canonical(Parameter parameter, Assignment assignment) {
        Boolean value = parse(assignment.text());
        if (value == null) {
            throw InvalidValue.notBoolean(assignment.writtenName());
        }
        return value ? "on" : "off";
    }

    /** The Boolean {@code text} spells, or null. */
    static Boolean parse(String text) {
        if (text.isEmpty()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return switch (lower.charAt(0)) {
            case 't' -> "true".startsWith(lower) ? Boolean.TRUE : null;
            case 'f' -> "false".startsWith(lower) ? Boolean.FALSE : null;
            case 'y' -> "yes".startsWith(lower) ? Boolean.TRUE : null;
            case 'n' -> "no".startsWith(lower) ? Boolean.FALSE : null;
            // a lone "o" could be either
            case 'o' -> lower.equals("on") ? Boolean.TRUE
                    : lower.length() >= 2 && "off".startsWith(lower) ? Boolean.FALSE : null;
            case '1' -> lower.length() == 1 ? Boolean.TRUE : null;
            case '0' -> lower.length() == 1 ? Boolean.FALSE : null;
            default -> null;
        };
    }
}
