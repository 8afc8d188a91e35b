package io.basalt.engine.setting;

import static java.util.Objects.requireNonNull;

/**
 * An integer parameter between {@code min} and {@code max}, optionally with a unit. Values are read as
 * PostgreSQL's {@code parse_int} reads them: C's {@code strtol} with base 0 (so {@code 0x100} is hexadecimal and
 * {@code 010} octal), falling back to a decimal fraction or exponent that is rounded half to even, then
 * optionally spaces and a case-sensitive unit. SHOW prints the value in the largest unit that holds it exactly.
 */
public record IntegerType(int min, int max, IntegerUnit unit) implements ParameterType {
    private static final String EXCEEDS_INTEGER_RANGE = "Value exceeds integer range.";

    public IntegerType {
        requireNonNull(unit, "unit is null");
    }

    @Override
    public String canonical(Parameter parameter, Assignment assignment) {
        int value = parse(assignment.writtenName(), assignment.text());
        if (value < min || value > max) {
            throw InvalidValue.outOfRange(assignment.writtenName(), value, unit, min, max);
        }
        return unit.format(value);
    }

    /** The value {@code text} spells in the base unit, or an error naming {@code name}. */
    public int parse(String name, String text) {
        // strtol first; a fraction or exponent after its digits, or a value beyond 64 bits, goes to strtod
        NumberScan scan = NumberScan.integer(text);
        int integerEnd = scan == null ? 0 : scan.end();
        if ((scan != null && scan.overflow())
                || (integerEnd < text.length() && isFractionStart(text.charAt(integerEnd)))) {
            scan = NumberScan.decimal(text);
            if (scan != null && scan.overflow()) {
                scan = null;
            }
        }
        if (scan == null) {
            throw InvalidValue.of(name, text);
        }
        double value = scan.value();
        int end = scan.end();
        end = skipSpaces(text, end);
        if (end < text.length()) {
            if (unit == IntegerUnit.NONE) {
                throw InvalidValue.of(name, text);
            }
            int unitEnd = end;
            while (unitEnd < text.length() && !isSpace(text.charAt(unitEnd))) {
                unitEnd++;
            }
            String unitName = text.substring(end, unitEnd);
            value = skipSpaces(text, unitEnd) == text.length() ? unit.toBase(value, unitName) : Double.NaN;
            if (Double.isNaN(value)) {
                throw InvalidValue.of(name, text).withHint(unit.hint());
            }
        }
        double rounded = Math.rint(value);
        if (Double.isNaN(rounded) || rounded > Integer.MAX_VALUE || rounded < Integer.MIN_VALUE) {
            throw InvalidValue.of(name, text).withHint(EXCEEDS_INTEGER_RANGE);
        }
        return (int) rounded;
    }

    private static boolean isFractionStart(char c) {
        return c == '.' || c == 'e' || c == 'E';
    }

    static int skipSpaces(String text, int from) {
        int at = from;
        while (at < text.length() && isSpace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** C's {@code isspace} in the C locale. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
