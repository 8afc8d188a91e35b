package io.basalt.datasets;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Checks the constant arguments of the data-set table functions and converts them to Java numbers,
 * with PostgreSQL's wording when they do not fit: a call with the wrong number or kinds of arguments
 * names the function with its argument types and says it does not exist (SQLSTATE 42883), as PostgreSQL
 * does when no function matches.
 */
public final class TableFunctionArguments {
    private final String function;
    private final List<Object> arguments;

    public TableFunctionArguments(String function, List<Object> arguments) {
        this.function = function;
        // Arguments may be SQL NULL (Java null), which List.copyOf refuses.
        this.arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    /** Fails unless there are between {@code min} and {@code max} arguments. */
    public TableFunctionArguments requireCount(int min, int max) {
        if (arguments.size() < min || arguments.size() > max) {
            throw noSuchFunction();
        }
        return this;
    }

    public int count() {
        return arguments.size();
    }

    /** Argument {@code index} as a double; integers and numerics are accepted. */
    public double doubleAt(int index) {
        Object value = arguments.get(index);
        return switch (value) {
            case Long l -> l;
            case Integer i -> i;
            case Double d -> d;
            case BigDecimal b -> b.doubleValue();
            case null, default -> throw noSuchFunction();
        };
    }

    /** Argument {@code index} as a long; numerics and doubles must hold a whole number (1e7 is accepted). */
    public long longAt(int index) {
        Object value = arguments.get(index);
        return switch (value) {
            case Long l -> l;
            case Integer i -> i;
            case Double d when d == Math.rint(d) && Math.abs(d) < 9.0e18 -> (long) (double) d;
            case BigDecimal b when b.stripTrailingZeros().scale() <= 0 -> b.longValueExact();
            case Double d -> throw invalid("argument " + (index + 1) + " of " + function + " must be a whole number, got " + d);
            case BigDecimal b -> throw invalid("argument " + (index + 1) + " of " + function + " must be a whole number, got " + b.toPlainString());
            case null, default -> throw noSuchFunction();
        };
    }

    /** Argument {@code index}, which must be a string. */
    public String stringAt(int index) {
        if (arguments.get(index) instanceof String text) {
            return text;
        }
        throw noSuchFunction();
    }

    /** Argument {@code index} as a long, or {@code fallback} when the call has fewer arguments. */
    public long longAt(int index, long fallback) {
        return index < arguments.size() ? longAt(index) : fallback;
    }

    /** A positive scale factor or size. */
    public double positiveDoubleAt(int index, String what) {
        double value = doubleAt(index);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw invalid(what + " must be positive, got " + value);
        }
        return value;
    }

    /** A user error about an argument's value (SQLSTATE 22023). */
    public BasaltException invalid(String message) {
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, message);
    }

    private BasaltException noSuchFunction() {
        StringBuilder signature = new StringBuilder(function).append('(');
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                signature.append(", ");
            }
            signature.append(sqlTypeName(arguments.get(i)));
        }
        signature.append(')');
        return BasaltException.of(SqlState.UNDEFINED_FUNCTION, "function " + signature + " does not exist")
                .withHint("No function matches the given name and argument types. You might need to add explicit type casts.");
    }

    private static String sqlTypeName(Object value) {
        return switch (value) {
            case Long ignored -> "bigint";
            case Integer ignored -> "integer";
            case Double ignored -> "double precision";
            case BigDecimal ignored -> "numeric";
            case String ignored -> "text";
            case Boolean ignored -> "boolean";
            case null, default -> "unknown";
        };
    }
}
