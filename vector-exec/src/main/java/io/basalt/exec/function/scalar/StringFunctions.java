package io.basalt.exec.function.scalar;

import io.basalt.exec.function.scalar.regex.RegexFunction;
import io.basalt.exec.function.scalar.regex.SimilarEscapeFunction;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolution of the string functions beyond {@link TextFunction}'s: the regular-expression family
 * (PostgreSQL 15's regexp_* functions, substring by POSIX or SIMILAR pattern, similar_to_escape), chr, ascii,
 * unistr, translate, overlay and to_hex. Each signature is written as PostgreSQL declares it: 'T' a
 * text argument, 'I' an integer one; unknown literals fit either.
 */
final class StringFunctions {
    private StringFunctions() {
    }

    /** The implementation for {@code name(types)}, or null when none of these functions takes them. */
    static ScalarFunctions.Resolved resolve(String name, List<LogicalType> types) {
        int n = types.size();
        return switch (name) {
            case "regexp_like" -> n >= 2 && n <= 3 ? regex(RegexFunction.Kind.LIKE, "TTT", types, LogicalType.BOOLEAN) : null;
            case "regexp_match" -> n >= 2 && n <= 3 ? regex(RegexFunction.Kind.MATCH, "TTT", types, textArray()) : null;
            case "regexp_split_to_array" -> n >= 2 && n <= 3
                    ? regex(RegexFunction.Kind.SPLIT_TO_ARRAY, "TTT", types, textArray()) : null;
            case "regexp_replace" -> {
                if (n == 3 || n == 4 && !integral(types.get(3))) {
                    yield regex(RegexFunction.Kind.REPLACE, "TTTT", types, LogicalType.TEXT);
                }
                yield n >= 4 && n <= 6 ? regex(RegexFunction.Kind.REPLACE_AT, "TTTIIT", types, LogicalType.TEXT) : null;
            }
            case "regexp_count" -> n >= 2 && n <= 4 ? regex(RegexFunction.Kind.COUNT, "TTIT", types, LogicalType.INTEGER) : null;
            case "regexp_instr" -> n >= 2 && n <= 7
                    ? regex(RegexFunction.Kind.INSTR, "TTIIITI", types, LogicalType.INTEGER) : null;
            case "regexp_substr" -> n >= 2 && n <= 6 ? regex(RegexFunction.Kind.SUBSTR, "TTIITI", types, LogicalType.TEXT) : null;
            case "substring", "substr" -> {
                if (!name.equals("substring") || n < 2 || integral(types.get(1))) {
                    yield null;
                }
                yield n == 2 ? regex(RegexFunction.Kind.SUBSTRING, "TT", types, LogicalType.TEXT)
                        : n == 3 && !integral(types.get(2))
                        ? regex(RegexFunction.Kind.SUBSTRING_SIMILAR, "TTT", types, LogicalType.TEXT) : null;
            }
            case "similar_to_escape", "similar_escape" -> n >= 1 && n <= 2
                    ? signature(new SimilarEscapeFunction(), "TT", types, LogicalType.TEXT) : null;
            case "chr" -> n == 1 ? signature(new CodePointFunction(true), "I", types, LogicalType.TEXT) : null;
            case "ascii" -> n == 1 ? signature(new CodePointFunction(false), "T", types, LogicalType.INTEGER) : null;
            case "unistr" -> n == 1 ? signature(new UnicodeEscapeFunction(), "T", types, LogicalType.TEXT) : null;
            case "translate" -> n == 3 ? signature(new TranslateFunction(), "TTT", types, LogicalType.TEXT) : null;
            case "overlay" -> n >= 3 && n <= 4 ? signature(new OverlayFunction(), "TTII", types, LogicalType.TEXT) : null;
            case "to_hex", "to_oct", "to_bin" -> {
                if (n != 1 || !integral(types.getFirst())) {
                    yield null;
                }
                boolean wide = types.getFirst().id() == TypeId.BIGINT;
                // to_oct and to_bin arrived in PostgreSQL 16
                int radix = name.equals("to_hex") ? 16 : name.equals("to_oct") ? 8 : 2;
                yield new ScalarFunctions.Resolved(new RadixFunction(radix, wide),
                        List.of(wide ? LogicalType.BIGINT : LogicalType.INTEGER), LogicalType.TEXT);
            }
            default -> null;
        };
    }

    private static LogicalType textArray() {
        return LogicalType.arrayOf(LogicalType.TEXT);
    }

    private static ScalarFunctions.Resolved regex(RegexFunction.Kind kind, String shape, List<LogicalType> types,
                                                  LogicalType result) {
        return signature(RegexFunction.of(kind), shape, types, result);
    }

    /** The call when {@code types} fit {@code shape} position by position; null otherwise. */
    private static ScalarFunctions.Resolved signature(io.basalt.exec.expression.ScalarFunction function, String shape,
                                                      List<LogicalType> types, LogicalType result) {
        List<LogicalType> cast = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            LogicalType type = types.get(i);
            boolean integer = shape.charAt(i) == 'I';
            if (type.id() != TypeId.UNKNOWN && (integer ? !type.isIntegral() : !type.isString())) {
                return null;
            }
            cast.add(integer ? LogicalType.INTEGER : LogicalType.TEXT);
        }
        return new ScalarFunctions.Resolved(function, cast, result);
    }

    private static boolean integral(LogicalType type) {
        return type.isIntegral();
    }
}
