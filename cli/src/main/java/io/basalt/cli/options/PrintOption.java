package io.basalt.cli.options;

import io.basalt.cli.format.ExpandedMode;
import io.basalt.cli.format.OutputFormat;
import io.basalt.cli.format.PrintSettings;
import java.util.Locale;

/**
 * psql's {@code \pset NAME [VALUE]} (and {@code -P NAME=VALUE}) for the options the shell supports:
 * {@code format} (aligned, unaligned, csv; unique prefixes allowed), {@code null},
 * {@code tuples_only}, {@code expanded} (also {@code x}) and {@code fieldsep}. Without a value a
 * boolean option toggles and the others show their current value.
 */
public final class PrintOption {
    /** The settings after the change and the line psql prints about it, e.g. {@code Output format is csv.} */
    public record Outcome(PrintSettings settings, String message) {
    }

    private PrintOption() {
    }

    /** @throws IllegalArgumentException with psql's wording when the option or value is not accepted */
    public static Outcome apply(PrintSettings settings, String name, String value) {
        return switch (name) {
            case "format" -> format(settings, value);
            case "null" -> {
                PrintSettings changed = value == null ? settings : settings.withNullDisplay(value);
                yield new Outcome(changed, "Null display is \"" + changed.nullDisplay() + "\".");
            }
            case "tuples_only" -> tuplesOnly(settings, value, "tuples_only");
            case "expanded", "x" -> expanded(settings, value, "expanded");
            case "fieldsep" -> {
                PrintSettings changed = value == null ? settings : settings.withFieldSeparator(value);
                yield new Outcome(changed, "Field separator is \"" + changed.fieldSeparator() + "\".");
            }
            default -> throw new IllegalArgumentException("\\pset: unknown option: " + name);
        };
    }

    /** psql's {@code \t [on|off]}: toggles (or sets) tuples-only mode. */
    public static Outcome tuplesOnly(PrintSettings settings, String value, String optionName) {
        boolean on = value == null ? !settings.tuplesOnly() : parseBoolean(value, optionName);
        return new Outcome(settings.withTuplesOnly(on), on ? "Tuples only is on." : "Tuples only is off.");
    }

    /** psql's {@code \x [on|off|auto]}: toggles (or sets) expanded display. */
    public static Outcome expanded(PrintSettings settings, String value, String optionName) {
        ExpandedMode mode;
        if (value == null) {
            mode = settings.expanded() == ExpandedMode.ON ? ExpandedMode.OFF : ExpandedMode.ON;
        } else if (value.equalsIgnoreCase("auto")) {
            mode = ExpandedMode.AUTO;
        } else {
            Boolean on = BooleanText.parse(value);
            if (on == null) {
                throw new IllegalArgumentException("unrecognized value \"" + value + "\" for \"" + optionName
                        + "\"\nAvailable values are: on, off, auto.");
            }
            mode = on ? ExpandedMode.ON : ExpandedMode.OFF;
        }
        String message = switch (mode) {
            case ON -> "Expanded display is on.";
            case OFF -> "Expanded display is off.";
            case AUTO -> "Expanded display is used automatically.";
        };
        return new Outcome(settings.withExpanded(mode), message);
    }

    /** psql's {@code \a}: switches between aligned and unaligned. */
    public static Outcome toggleAligned(PrintSettings settings) {
        OutputFormat format = settings.format() == OutputFormat.ALIGNED ? OutputFormat.UNALIGNED : OutputFormat.ALIGNED;
        return new Outcome(settings.withFormat(format), formatMessage(format));
    }

    private static Outcome format(PrintSettings settings, String value) {
        if (value == null) {
            return new Outcome(settings, formatMessage(settings.format()));
        }
        String wanted = value.toLowerCase(Locale.ROOT);
        OutputFormat match = null;
        for (OutputFormat candidate : OutputFormat.values()) {
            if (!wanted.isEmpty() && candidate.name().toLowerCase(Locale.ROOT).startsWith(wanted)) {
                match = candidate;
            }
        }
        if (match == null) {
            throw new IllegalArgumentException("\\pset: allowed formats are aligned, csv, unaligned");
        }
        return new Outcome(settings.withFormat(match), formatMessage(match));
    }

    private static String formatMessage(OutputFormat format) {
        return "Output format is " + format.name().toLowerCase(Locale.ROOT) + ".";
    }

    private static boolean parseBoolean(String value, String optionName) {
        Boolean parsed = BooleanText.parse(value);
        if (parsed == null) {
            throw new IllegalArgumentException("unrecognized value \"" + value + "\" for \"" + optionName
                    + "\": Boolean expected");
        }
        return parsed;
    }
}
