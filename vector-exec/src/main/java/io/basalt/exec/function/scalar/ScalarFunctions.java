package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of scalar functions: resolves a name and argument types to an implementation, the types
 * the arguments are cast to, and the result type, following PostgreSQL's choices (integers go to the
 * double-precision variant of math functions, numeric arguments to the exact one).
 */
public final class ScalarFunctions {
    /** A resolved call: what to run, what to cast the arguments to, and what it returns. */
    public record Resolved(ScalarFunction function, List<LogicalType> argumentTypes, LogicalType resultType) {
    }

    private ScalarFunctions() {
    }

    /** The implementation for {@code name(types)}, or null when PostgreSQL has no such function. */
    public static Resolved resolve(String name, List<LogicalType> types) {
        Resolved math = math(name, types);
        if (math != null) {
            return math;
        }
        if (name.equals("random") && types.isEmpty()) {
            return new Resolved(new RandomFunction(), types, LogicalType.DOUBLE);
        }
        if ((name.equals("gen_random_uuid") || name.equals("uuidv4")) && types.isEmpty()) {
            return new Resolved(new RandomUuidFunction(), types, LogicalType.UUID);
        }
        if (name.equals("uuidv7") && (types.isEmpty() || types.size() == 1
                && (types.getFirst().id() == TypeId.INTERVAL || types.getFirst().id() == TypeId.UNKNOWN))) {
            return new Resolved(new TimeOrderedUuidFunction(io.basalt.type.datetime.DateTimeSettings.current().zone()),
                    types.isEmpty() ? types : List.of(LogicalType.INTERVAL), LogicalType.UUID);
        }
        if ((name.equals("uuid_extract_version") || name.equals("uuid_extract_timestamp")) && types.size() == 1
                && (types.getFirst().id() == TypeId.UUID || types.getFirst().id() == TypeId.UNKNOWN)) {
            boolean timestamp = name.equals("uuid_extract_timestamp");
            return new Resolved(new UuidFieldFunction(timestamp), List.of(LogicalType.UUID),
                    timestamp ? LogicalType.TIMESTAMPTZ : LogicalType.SMALLINT);
        }
        Resolved bytea = ByteaFunctions.resolve(name, types);
        if (bytea != null) {
            return bytea;
        }
        Resolved string = StringFunctions.resolve(name, types);
        if (string != null) {
            return string;
        }
        return text(name, types);
    }

    private static Resolved math(String name, List<LogicalType> types) {
        int n = types.size();
        if (n == 1 && name.equals("abs") && types.getFirst().isNumber()) {
            return new Resolved(new AbsFunction(), types, types.getFirst());
        }
        Resolved numeric = NumericFunctions.resolve(name, types);
        if (numeric != null) {
            return numeric;
        }
        Resolved floating = FloatFunction.resolve(name, types);
        if (floating != null) {
            return floating;
        }
        MathFunction.Kind kind = switch (name) {
            case "round" -> MathFunction.Kind.ROUND;
            case "trunc" -> MathFunction.Kind.TRUNC;
            case "ceil", "ceiling" -> MathFunction.Kind.CEIL;
            case "floor" -> MathFunction.Kind.FLOOR;
            case "mod" -> MathFunction.Kind.MOD;
            case "power", "pow" -> MathFunction.Kind.POWER;
            case "sqrt" -> MathFunction.Kind.SQRT;
            case "cbrt" -> MathFunction.Kind.CBRT;
            case "exp" -> MathFunction.Kind.EXP;
            case "ln" -> MathFunction.Kind.LN;
            case "log", "log10" -> MathFunction.Kind.LOG10;
            case "sign" -> MathFunction.Kind.SIGN;
            default -> null;
        };
        if (kind == null || !kind.accepts(n) || !allNumbersOrUnknown(types)) {
            return null;
        }
        boolean anyNumeric = false;
        boolean anyDouble = false;
        for (LogicalType type : types) {
            anyNumeric |= type.isNumeric();
            anyDouble |= type.id() == TypeId.DOUBLE;
        }
        MathFunction function = new MathFunction(kind);
        switch (kind) {
            case ROUND, TRUNC -> {
                if (n == 2) {
                    if (types.getFirst().id() == TypeId.DOUBLE || !types.get(1).isIntegral() && types.get(1).id() != TypeId.UNKNOWN) {
                        return null;
                    }
                    return new Resolved(function, List.of(LogicalType.NUMERIC, LogicalType.INTEGER), LogicalType.NUMERIC);
                }
                return anyNumeric ? new Resolved(function, List.of(LogicalType.NUMERIC), LogicalType.NUMERIC)
                        : new Resolved(function, List.of(LogicalType.DOUBLE), LogicalType.DOUBLE);
            }
            case CEIL, FLOOR, SIGN -> {
                return anyNumeric ? new Resolved(function, List.of(LogicalType.NUMERIC), LogicalType.NUMERIC)
                        : new Resolved(function, List.of(LogicalType.DOUBLE), LogicalType.DOUBLE);
            }
            case MOD -> {
                if (anyDouble) {
                    return null;
                }
                if (anyNumeric) {
                    return new Resolved(function, List.of(LogicalType.NUMERIC, LogicalType.NUMERIC), LogicalType.NUMERIC);
                }
                LogicalType common = widerInteger(types.get(0), types.get(1));
                return new Resolved(function, List.of(common, common), common);
            }
            default -> {
                if (anyNumeric && kind != MathFunction.Kind.CBRT) {
                    NumericFunction.Kind exact = switch (kind) {
                        case POWER -> NumericFunction.Kind.POWER;
                        case SQRT -> NumericFunction.Kind.SQRT;
                        case EXP -> NumericFunction.Kind.EXP;
                        case LN -> NumericFunction.Kind.LN;
                        default -> name.equals("log") ? NumericFunction.Kind.LOG_OF : NumericFunction.Kind.LOG10;
                    };
                    List<LogicalType> numerics = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        numerics.add(LogicalType.NUMERIC);
                    }
                    return new Resolved(new NumericFunction(exact), numerics, LogicalType.NUMERIC);
                }
                List<LogicalType> doubles = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    doubles.add(LogicalType.DOUBLE);
                }
                return new Resolved(function, doubles, LogicalType.DOUBLE);
            }
        }
    }

    private static Resolved text(String name, List<LogicalType> types) {
        int n = types.size();
        if ((name.equals("lower") || name.equals("upper")) && n == 1 && stringy(types.getFirst())) {
            return new Resolved(new CaseMappingFunction(name.equals("upper")), List.of(LogicalType.TEXT), LogicalType.TEXT);
        }
        if ((name.equals("length") || name.equals("char_length") || name.equals("character_length")) && n == 1
                && stringy(types.getFirst())) {
            return new Resolved(new LengthFunction(), List.of(LogicalType.TEXT), LogicalType.INTEGER);
        }
        TextFunction.Kind kind = switch (name) {
            case "substring", "substr" -> TextFunction.Kind.SUBSTRING;
            case "position" -> TextFunction.Kind.POSITION;
            case "strpos" -> TextFunction.Kind.STRPOS;
            case "btrim", "trim" -> TextFunction.Kind.BTRIM;
            case "ltrim" -> TextFunction.Kind.LTRIM;
            case "rtrim" -> TextFunction.Kind.RTRIM;
            case "replace" -> TextFunction.Kind.REPLACE;
            case "left" -> TextFunction.Kind.LEFT;
            case "right" -> TextFunction.Kind.RIGHT;
            case "concat" -> TextFunction.Kind.CONCAT;
            case "concat_ws" -> TextFunction.Kind.CONCAT_WS;
            case "split_part" -> TextFunction.Kind.SPLIT_PART;
            case "repeat" -> TextFunction.Kind.REPEAT;
            case "reverse" -> TextFunction.Kind.REVERSE;
            case "lpad" -> TextFunction.Kind.LPAD;
            case "rpad" -> TextFunction.Kind.RPAD;
            case "starts_with" -> TextFunction.Kind.STARTS_WITH;
            case "initcap" -> TextFunction.Kind.INITCAP;
            case "octet_length" -> TextFunction.Kind.OCTET_LENGTH;
            default -> null;
        };
        if (kind == null || !kind.accepts(n)) {
            return null;
        }
        // Which positions are integers; every other argument is text.
        boolean[] integer = new boolean[n];
        switch (kind) {
            case SUBSTRING -> {
                integer[1] = true;
                if (n > 2) {
                    integer[2] = true;
                }
            }
            case LEFT, RIGHT, REPEAT, LPAD, RPAD -> integer[1] = true;
            case SPLIT_PART -> integer[2] = true;
            default -> {
            }
        }
        boolean anyType = kind == TextFunction.Kind.CONCAT || kind == TextFunction.Kind.CONCAT_WS;
        List<LogicalType> argumentTypes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LogicalType type = types.get(i);
            if (integer[i]) {
                if (!type.isIntegral() && type.id() != TypeId.UNKNOWN) {
                    return null;
                }
                argumentTypes.add(LogicalType.INTEGER);
            } else {
                if (!anyType && !stringy(type)) {
                    return null;
                }
                // concat, concat_ws and octet_length see a char's padding (its text output); elsewhere a char
                // becomes text without its trailing spaces
                boolean padded = anyType || kind == TextFunction.Kind.OCTET_LENGTH;
                argumentTypes.add(padded && type.id() == TypeId.CHAR ? LogicalType.BPCHAR : LogicalType.TEXT);
            }
        }
        LogicalType result = switch (kind) {
            case POSITION, STRPOS, OCTET_LENGTH -> LogicalType.INTEGER;
            case STARTS_WITH -> LogicalType.BOOLEAN;
            default -> LogicalType.TEXT;
        };
        return new Resolved(new TextFunction(kind), argumentTypes, result);
    }

    /** The {@code ||} operator over two text values. */
    public static ScalarFunction concatOperator() {
        return new TextFunction(TextFunction.Kind.CONCAT_OPERATOR);
    }

    /** The {@code ||} operator over two bytea values. */
    public static ScalarFunction byteaConcatOperator() {
        return ByteaFunctions.concatOperator();
    }

    private static boolean stringy(LogicalType type) {
        return type.isString();
    }

    private static boolean allNumbersOrUnknown(List<LogicalType> types) {
        for (LogicalType type : types) {
            if (!type.isNumber() && type.id() != TypeId.UNKNOWN) {
                return false;
            }
        }
        return true;
    }

    private static LogicalType widerInteger(LogicalType a, LogicalType b) {
        if (a.id() == TypeId.BIGINT || b.id() == TypeId.BIGINT) {
            return LogicalType.BIGINT;
        }
        if (a.id() == TypeId.INTEGER || b.id() == TypeId.INTEGER || a.id() == TypeId.UNKNOWN || b.id() == TypeId.UNKNOWN) {
            return LogicalType.INTEGER;
        }
        return LogicalType.SMALLINT;
    }
}
