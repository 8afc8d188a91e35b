package io.basalt.type;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.datetime.DateTimeConversion;
import io.basalt.type.datetime.DateTimeSettings;
import io.basalt.type.json.JsonParser;
import io.basalt.type.json.Jsonb;
import io.basalt.type.json.JsonbScalarCast;
import io.basalt.type.json.path.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Converts one canonical value (see {@code ValueAccess}) from one SQL type to another with PostgreSQL's
 * rules: input syntax and its error messages, range checks, rounding (half away from zero for NUMERIC,
 * half to even from double to integer), and for VARCHAR(n) truncation on explicit casts but an error on
 * assignment.
 */
public final class ValueConversion {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private ValueConversion() {
    }

    /**
     * @param explicit true for CAST / {@code ::}, false for assignment (INSERT) and implicit coercion
     */
    public static Object convert(Object value, LogicalType from, LogicalType to, boolean explicit) {
        return convert(value, from, to, explicit, DateTimeSettings.current());
    }

    /**
     * Like {@link #convert(Object, LogicalType, LogicalType, boolean)}, with the session settings that
     * date/time conversions depend on given explicitly (for conversions at run time, off the session's thread).
     */
    public static Object convert(Object value, LogicalType from, LogicalType to, boolean explicit,
                                 DateTimeSettings settings) {
        if (value == null) {
            return null;
        }
        if (from.isString() && !to.isString()) {
            return parse((String) value, to, settings);
        }
        if (to.isString() && isDateTimeOrInterval(from)) {
            String text = DateTimeConversion.format(value, from, settings);
            return switch (to.id()) {
                case VARCHAR -> limitLength(text, to, explicit);
                case CHAR -> blankPadded(text, to, explicit);
                default -> text;
            };
        }
        if (from.id() == TypeId.JSONB && (to.isNumber() || to.id() == TypeId.BOOLEAN)) {
            return JsonbScalarCast.convert((Jsonb) value, to);
        }
        if (ByteaIntegerCasts.castable(from, to)) {
            return to.id() == TypeId.BYTEA ? ByteaIntegerCasts.toBytes((Long) value, from)
                    : ByteaIntegerCasts.toInteger((ByteString) value, to);
        }
        if (isDateTimeOrInterval(to)) {
            if (!DateTimeConversion.castable(from.id(), to.id())) {
                throw cannotCast(from, to);
            }
            return DateTimeConversion.convert(value, from, to, settings);
        }
        return switch (to.id()) {
            case BOOLEAN -> toBoolean(value, from);
            case SMALLINT -> checkRange(toLong(value, from, "smallint"), Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
            case INTEGER -> checkRange(toLong(value, from, "integer"), Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
            case BIGINT -> toLong(value, from, "bigint");
            case DOUBLE -> toDouble(value, from);
            case REAL -> toReal(toDouble(value, from));
            case DATE, TIMESTAMP, TIMESTAMPTZ, TIME, TIMETZ, INTERVAL -> throw BasaltException.internal("date/time conversions are handled above");
            case NUMERIC -> fromDecimal(toDecimal(value, from), to);
            case UUID, BYTEA, PG_LSN -> {
                if (from.id() == to.id()) {
                    yield value;
                }
                throw cannotCast(from, to);
            }
            case JSON -> switch (from.id()) {
                case JSON -> value;
                case JSONB -> value.toString();
                default -> throw cannotCast(from, to);
            };
            case JSONB -> switch (from.id()) {
                case JSONB -> value;
                case JSON -> Jsonb.parse((String) value);
                default -> throw cannotCast(from, to);
            };
            case JSONPATH -> {
                if (from.id() == TypeId.JSONPATH) {
                    yield value;
                }
                throw cannotCast(from, to);
            }
            case TSVECTOR, TSQUERY -> {
                if (from.id() == to.id()) {
                    yield value;
                }
                throw cannotCast(from, to);
            }
            case ENUM -> {
                if (to.equals(from)) {
                    yield value;
                }
                throw cannotCast(from, to);
            }
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE -> io.basalt.type.geometric.GeometricCasts.convert(
                    value, from, to);
            case RANGE -> {
                if (to.equals(from)) {
                    yield value;
                }
                throw cannotCast(from, to);
            }
            // the binder resolves names through the catalog; here a name is only carried over
            case REGCLASS, REGTYPE, REGNAMESPACE -> {
                if (from.id() == to.id() || from.isString()) {
                    yield from.id() == TypeId.CHAR ? withoutTrailingBlanks((String) value) : value;
                }
                throw cannotCast(from, to);
            }
            case TEXT, UNKNOWN -> toText(value, from, settings);
            case VARCHAR -> limitLength(toText(value, from, settings), to, explicit);
            // CHAR to CHAR keeps the padding, which the new length then extends or cuts
            case CHAR -> blankPadded(from.id() == TypeId.CHAR ? (String) value : toText(value, from, settings), to, explicit);
            case ARRAY -> {
                if (!from.isArray()) {
                    throw cannotCast(from, to);
                }
                ArrayValue array = (ArrayValue) value;
                java.util.List<Object> converted = new java.util.ArrayList<>(array.length());
                for (int i = 0; i < array.length(); i++) {
                    converted.add(convert(array.get(i), from.element(), to.element(), explicit, settings));
                }
                yield ArrayValue.of(converted, array.lengths(), array.lowerBounds());
            }
            case RECORD -> {
                if (!from.isRecord() || from.record().size() != to.record().size()) {
                    throw cannotCast(from, to);
                }
                RecordValue record = (RecordValue) value;
                java.util.List<Object> converted = new java.util.ArrayList<>(record.size());
                for (int i = 0; i < record.size(); i++) {
                    converted.add(convert(record.get(i), from.record().fieldTypes().get(i),
                            to.record().fieldTypes().get(i), explicit, settings));
                }
                yield RecordValue.of(converted);
            }
        };
    }

    private static boolean isDateTimeOrInterval(LogicalType type) {
        return type.isDateTime() || type.isTimeOfDay() || type.id() == TypeId.INTERVAL;
    }

    /** Parses PostgreSQL's text input of {@code type}, with the current session's date/time settings. */
    public static Object parse(String text, LogicalType type) {
        return parse(text, type, DateTimeSettings.current());
    }

    /** Parses PostgreSQL's text input of {@code type}. */
    public static Object parse(String text, LogicalType type, DateTimeSettings settings) {
        if (isDateTimeOrInterval(type)) {
            return DateTimeConversion.parse(text, type, settings);
        }
        return switch (type.id()) {
            case BOOLEAN -> parseBoolean(text);
            case SMALLINT -> NumberText.parseInteger(text, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
            case INTEGER -> NumberText.parseInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
            case BIGINT -> NumberText.parseInteger(text, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
            case DOUBLE -> parseDouble(text, "double precision");
            case REAL -> toReal(parseDouble(text, "real"));
            case DATE, TIMESTAMP, TIMESTAMPTZ, TIME, TIMETZ, INTERVAL -> throw BasaltException.internal("date/time conversions are handled above");
            case NUMERIC -> fromDecimal(parseDecimal(text), type);
            case UUID -> Uuid.parse(text);
            case PG_LSN -> PgLsn.parse(text);
            case BYTEA -> ByteaText.parse(text);
            case JSON -> JsonParser.validate(text);
            case JSONB -> Jsonb.parse(text);
            case JSONPATH -> JsonPath.normalize(text);
            case TSVECTOR -> io.basalt.type.textsearch.TsVector.parse(text).text();
            case TSQUERY -> io.basalt.type.textsearch.TsQuery.text(io.basalt.type.textsearch.TsQuery.parse(text));
            case TEXT, UNKNOWN, REGCLASS, REGTYPE, REGNAMESPACE -> text;
            case VARCHAR -> limitLength(text, type, false);
            case CHAR -> blankPadded(text, type, false);
            case ARRAY -> ArrayLiteral.parse(text, type.element());
            case ENUM -> type.enumType().key(text);
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE ->
                    io.basalt.type.geometric.GeometricText.parse(text, type.id());
            case RANGE -> io.basalt.type.range.RangeText.parse(text, type.range(), settings);
            case RECORD -> type.record().isAnonymous() && type.record().size() == 0
                    ? RecordText.anonymousInput() : RecordText.parse(text, type.record().size(),
                    (field, index) -> parse(field, type.record().fieldTypes().get(index), settings));
        };
    }

    /** A canonical value of {@code type} as a BigDecimal (for arithmetic and comparisons across types). */
    public static BigDecimal toDecimal(Object value, LogicalType type) {
        return switch (type.id()) {
            case SMALLINT, INTEGER, BIGINT -> BigDecimal.valueOf((Long) value);
            case NUMERIC -> type.isScaledLong() ? scaledLongToDecimal((Long) value, type.scale()) : (BigDecimal) value;
            case DOUBLE, REAL -> {
                double d = (Double) value;
                NumericSpecial special = NumericSpecial.ofDouble(d);
                if (special != null) {
                    yield special;
                }
                // PostgreSQL converts through 15 significant digits (DBL_DIG).
                int digits = type.id() == TypeId.REAL ? 6 : 15;
                BigDecimal rounded = new BigDecimal(d, new java.math.MathContext(digits, RoundingMode.HALF_EVEN))
                        .stripTrailingZeros();
                yield rounded.scale() < 0 ? rounded.setScale(0) : rounded;
            }
            case BOOLEAN -> throw cannotCast(type, LogicalType.NUMERIC);
            default -> parseDecimal(value.toString());
        };
    }

    /** Rounds a decimal to the NUMERIC type's scale, checks its precision and returns the canonical form. */
    public static Object fromDecimal(BigDecimal value, LogicalType type) {
        if (type.precision() < 0) {
            return value;
        }
        if (value instanceof NumericSpecial special) {
            return specialToConstrained(special, type);
        }
        BigDecimal rounded = value.setScale(type.scale(), RoundingMode.HALF_UP);
        int integerDigits = rounded.precision() - rounded.scale();
        int maxIntegerDigits = type.precision() - type.scale();
        if (rounded.signum() != 0 && integerDigits > maxIntegerDigits) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow")
                    .withDetail("A field with precision " + type.precision() + ", scale " + type.scale()
                            + " must round to an absolute value less than "
                            + (maxIntegerDigits != 0 ? "10^" + maxIntegerDigits : "1") + ".");
        }
        if (type.scale() < 0) {
            // a negative scale rounds to tens, hundreds, ...; the value still shows no decimals
            rounded = rounded.setScale(0, RoundingMode.UNNECESSARY);
        }
        return type.isScaledLong() ? rounded.unscaledValue().longValueExact() : rounded;
    }

    /** A scaled 64-bit NUMERIC's unscaled value as a decimal; its NaN sentinel as NaN. */
    public static BigDecimal scaledLongToDecimal(long unscaled, int scale) {
        return unscaled == NumericSpecial.SCALED_LONG_NAN ? NumericSpecial.NAN : BigDecimal.valueOf(unscaled, scale);
    }

    /** NaN fits every NUMERIC(p,s); an infinity fits none (PostgreSQL 14+). */
    private static Object specialToConstrained(NumericSpecial special, LogicalType type) {
        if (special != NumericSpecial.NAN) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow")
                    .withDetail("A field with precision " + type.precision() + ", scale " + type.scale()
                            + " cannot hold an infinite value.");
        }
        if (type.isScaledLong()) {
            return NumericSpecial.SCALED_LONG_NAN;
        }
        return special; // a 128-bit column stores it as its own sentinel (WideDecimalValues)
    }

    private static Object toBoolean(Object value, LogicalType from) {
        return switch (from.id()) {
            case BOOLEAN -> value;
            case INTEGER, SMALLINT, BIGINT -> (Long) value != 0;
            default -> throw cannotCast(from, LogicalType.BOOLEAN);
        };
    }

    private static long toLong(Object value, LogicalType from, String typeName) {
        return switch (from.id()) {
            case SMALLINT, INTEGER, BIGINT -> (Long) value;
            case BOOLEAN -> {
                if (!typeName.equals("integer")) {
                    throw cannotCast(from, typeName.equals("bigint") ? LogicalType.BIGINT : LogicalType.SMALLINT);
                }
                yield ((Boolean) value) ? 1L : 0L;
            }
            case DOUBLE, REAL -> {
                double d = Math.rint((Double) value);
                if (Double.isNaN(d) || d < -9.223372036854776E18 || d >= 9.223372036854776E18) {
                    throw outOfRange(typeName);
                }
                yield (long) d;
            }
            case NUMERIC -> {
                BigDecimal decimal = toDecimal(value, from);
                if (decimal instanceof NumericSpecial special) {
                    throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot convert "
                            + (special == NumericSpecial.NAN ? "NaN" : "infinity") + " to " + typeName);
                }
                BigDecimal rounded = decimal.setScale(0, RoundingMode.HALF_UP);
                if (rounded.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0
                        || rounded.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                    throw outOfRange(typeName);
                }
                yield rounded.longValueExact();
            }
            default -> throw cannotCast(from, LogicalType.BIGINT);
        };
    }

    private static double toDouble(Object value, LogicalType from) {
        return switch (from.id()) {
            case SMALLINT, INTEGER, BIGINT -> (double) (Long) value;
            case DOUBLE, REAL -> (Double) value;
            case NUMERIC -> toDecimal(value, from).doubleValue();
            default -> throw cannotCast(from, LogicalType.DOUBLE);
        };
    }

    private static String toText(Object value, LogicalType from, DateTimeSettings settings) {
        return switch (from.id()) {
            case BOOLEAN -> ((Boolean) value) ? "true" : "false";
            case SMALLINT, INTEGER, BIGINT -> Long.toString((Long) value);
            case DOUBLE -> TextFormat.formatDouble((Double) value, settings.extraFloatDigits());
            case REAL -> TextFormat.formatReal((Double) value, settings.extraFloatDigits());
            case NUMERIC -> toDecimal(value, from).toPlainString();
            case UUID -> value.toString();
            case PG_LSN -> PgLsn.format((Long) value);
            case BYTEA -> settings.byteaEscape() ? ByteaText.formatEscape((ByteString) value)
                    : ByteaText.formatHex((ByteString) value);
            case JSON, JSONPATH, REGCLASS, REGTYPE, REGNAMESPACE, TSVECTOR, TSQUERY -> (String) value;
            case JSONB -> value.toString();
            case ENUM -> from.enumType().label((Double) value);
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE -> io.basalt.type.geometric.GeometricText.format(
                    (ByteString) value, from.id(), settings.extraFloatDigits());
            case RANGE -> io.basalt.type.range.RangeText.format((ByteString) value, from.range(), settings);
            case DATE, TIMESTAMP, TIMESTAMPTZ, TIME, TIMETZ, INTERVAL -> DateTimeConversion.format(value, from, settings);
            case TEXT, VARCHAR, UNKNOWN -> (String) value;
            case CHAR -> withoutTrailingBlanks((String) value);
            // array_out prints each element with its type's output function, so a char keeps its padding
            case ARRAY -> ArrayLiteral.format((ArrayValue) value, (element, index) -> from.element().id() == TypeId.CHAR
                    ? (String) element : toText(element, from.element(), settings));
            case RECORD -> RecordText.format((RecordValue) value, (field, index) -> {
                LogicalType fieldType = from.record().fieldTypes().get(index);
                // record_out prints each field with its type's output function: a char keeps its padding, a boolean is t/f
                return fieldType.id() == TypeId.CHAR ? (String) field
                        : fieldType.id() == TypeId.BOOLEAN ? TextFormat.formatBoolean((Boolean) field)
                        : toText(field, fieldType, settings);
            });
        };
    }

    private static String limitLength(String text, LogicalType to, boolean explicit) {
        int max = to.precision();
        if (max < 0 || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        if (explicit) {
            return text.substring(0, text.offsetByCodePoints(0, max));
        }
        // PostgreSQL allows the excess to be blanks.
        String kept = text.substring(0, text.offsetByCodePoints(0, max));
        if (text.substring(kept.length()).isBlank() && text.substring(kept.length()).chars().allMatch(c -> c == ' ')) {
            return kept;
        }
        throw BasaltException.of(SqlState.STRING_DATA_RIGHT_TRUNCATION,
                "value too long for type character varying(" + max + ")");
    }

    /**
     * A value of CHAR(n): padded with spaces to n characters; a longer one is cut to n when the cast is
     * explicit or the excess is all spaces, else 22001. {@code bpchar} without a length keeps the text as is.
     */
    private static String blankPadded(String text, LogicalType to, boolean explicit) {
        int length = to.precision();
        if (length < 0) {
            return text;
        }
        int characters = text.codePointCount(0, text.length());
        if (characters > length) {
            String kept = text.substring(0, text.offsetByCodePoints(0, length));
            if (!explicit && !onlySpaces(text, kept.length())) {
                throw BasaltException.of(SqlState.STRING_DATA_RIGHT_TRUNCATION,
                        "value too long for type character(" + length + ")");
            }
            return kept;
        }
        return characters == length ? text : text + " ".repeat(length - characters);
    }

    private static boolean onlySpaces(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /** A CHAR value as text: without its trailing spaces, as PostgreSQL's bpchar-to-text conversion drops them. */
    public static String withoutTrailingBlanks(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == ' ') {
            end--;
        }
        return end == value.length() ? value : value.substring(0, end);
    }

    private static long checkRange(long value, long min, long max, String typeName) {
        if (value < min || value > max) {
            throw outOfRange(typeName);
        }
        return value;
    }

    /** A double rounded to float precision, with PostgreSQL's float4 range errors. */
    private static double toReal(double value) {
        float rounded = (float) value;
        if (Float.isInfinite(rounded) && !Double.isInfinite(value)) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        if (rounded == 0.0f && value != 0.0) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
        }
        return rounded;
    }

    private static double parseDouble(String text, String typeName) {
        String trimmed = text.strip();
        switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "infinity", "+infinity", "inf", "+inf":
                return Double.POSITIVE_INFINITY;
            case "-infinity", "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (!DECIMAL.matcher(trimmed).matches()) {
            throw invalidInput(typeName, text);
        }
        double value = Double.parseDouble(trimmed);
        boolean real = typeName.equals("real");
        // Like strtod's ERANGE: nonzero digits that round to zero (denormals are accepted) or to infinity.
        boolean underflow = (real ? (float) value == 0.0f : value == 0.0) && hasNonzeroMantissa(trimmed);
        if (underflow || Double.isInfinite(value) || (real && Float.isInfinite((float) value))) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "\"" + text + "\" is out of range for type " + typeName);
        }
        return value;
    }

    private static boolean hasNonzeroMantissa(String number) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** NUMERIC text input: a finite value of scale >= 0 or a {@link NumericSpecial}. */
    public static BigDecimal parseDecimal(String text) {
        return NumberText.parseNumeric(text);
    }

    private static boolean parseBoolean(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (!word.isEmpty()) {
            if ("true".startsWith(word) || "yes".startsWith(word) || word.equals("on") || word.equals("1")) {
                return true;
            }
            // "o" alone is ambiguous; "of" and "off" are off, as PostgreSQL's parse_bool reads them
            if ("false".startsWith(word) || "no".startsWith(word) || word.length() >= 2 && "off".startsWith(word)
                    || word.equals("0")) {
                return false;
            }
        }
        throw invalidInput("boolean", text);
    }

    private static BasaltException invalidInput(String typeName, String text) {
        return BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }

    private static BasaltException outOfRange(String typeName) {
        return BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, typeName + " out of range");
    }

    public static BasaltException cannotCast(LogicalType from, LogicalType to) {
        return BasaltException.of(SqlState.CANNOT_COERCE,
                "cannot cast type " + from.displayName() + " to " + to.displayName());
    }
}
