package io.basalt.exec.function.scalar;

import io.basalt.type.LogicalType;
import java.util.List;

/**
 * The catalogue of scalar functions: resolves a name and argument types to an implementation and the
 * types the arguments must be cast to. The function library proper grows here.
 */
public final class ScalarFunctions {
    /** A resolved call: what to run, what to cast the arguments to, and what it returns. */
    public record Resolved(io.basalt.exec.expression.ScalarFunction function, List<LogicalType> argumentTypes,
                           LogicalType resultType) {
    }

    private ScalarFunctions() {
    }

    /** The implementation for {@code name(types)}, or null when there is none. */
    public static Resolved resolve(String name, List<LogicalType> types) {
        if (types.size() != 1) {
            return null;
        }
        LogicalType type = types.getFirst();
        boolean stringy = type.isString();
        return switch (name) {
            case "abs" -> type.isNumber() ? new Resolved(new AbsFunction(), List.of(type), type) : null;
            case "lower", "upper" -> stringy
                    ? new Resolved(new CaseMappingFunction(name.equals("upper")), List.of(LogicalType.TEXT), LogicalType.TEXT)
                    : null;
            case "length", "char_length", "character_length" -> stringy
                    ? new Resolved(new LengthFunction(), List.of(LogicalType.TEXT), LogicalType.INTEGER)
                    : null;
            default -> null;
        };
    }
}
