package io.basalt.type.json.path;

import io.basalt.type.json.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The syntax tree of a SQL/JSON path expression, as {@link JsonPathParser} builds it and
 * {@link JsonPathEvaluator} walks it. An accessor chain ({@code $.a[*] ? (...)}) is a {@link Chain}: a
 * primary followed by steps, each applied to every item the previous one produced.
 */
public sealed interface JsonPathNode {
    /** {@code $}: the document. */
    record Root() implements JsonPathNode {
    }

    /** {@code @}: the item a filter is testing. */
    record Current() implements JsonPathNode {
    }

    /** {@code $name}: a member of the vars object. */
    record Variable(String name) implements JsonPathNode {
    }

    /** {@code last}: the last index of the array being subscripted. */
    record Last() implements JsonPathNode {
    }

    /** A string, number, boolean or null literal. */
    record Literal(JsonNode value) implements JsonPathNode {
    }

    /** A primary followed by accessor steps. */
    record Chain(JsonPathNode start, List<JsonPathNode> steps) implements JsonPathNode {
        public Chain {
            steps = List.copyOf(steps);
        }
    }

    /** {@code .key} or {@code ."key"}. */
    record Key(String name) implements JsonPathNode {
    }

    /** {@code .*}. */
    record AnyKey() implements JsonPathNode {
    }

    /** {@code [*]}. */
    record AnyIndex() implements JsonPathNode {
    }

    /** One subscript of {@code [a, b to c]}; {@code to} is null for a single index. */
    record Subscript(JsonPathNode from, JsonPathNode to) {
    }

    /** {@code [subscripts]}. */
    record Index(List<Subscript> subscripts) implements JsonPathNode {
        public Index {
            subscripts = List.copyOf(subscripts);
        }
    }

    /** {@code .**}, {@code .**{n}}, {@code .**{n to m}}; a level of -1 means {@code last}. */
    record AnyPath(int from, int to) implements JsonPathNode {
    }

    /** {@code ? (predicate)}. */
    record Filter(JsonPathNode predicate) implements JsonPathNode {
    }

    /** An item method such as {@code .size()}; {@code arguments} are .decimal()'s precision and scale. */
    record Method(String name, List<BigDecimal> arguments) implements JsonPathNode {
        public Method {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * A date/time method: {@code .datetime([template])}, {@code .date()}, or {@code .time()}, {@code .time_tz()},
     * {@code .timestamp()}, {@code .timestamp_tz()} with an optional precision; absent arguments are null.
     */
    record DatetimeMethod(String name, String template, BigDecimal precision) implements JsonPathNode {
    }

    /** The binary operators: arithmetic, comparison, {@code &&} and {@code ||}. */
    enum Operator {
        OR("||", 0), AND("&&", 1), EQUAL("==", 2), NOT_EQUAL("!=", 2), LESS("<", 2), LESS_EQUAL("<=", 2),
        GREATER(">", 2), GREATER_EQUAL(">=", 2), ADD("+", 3), SUBTRACT("-", 3), MULTIPLY("*", 4),
        DIVIDE("/", 4), MODULO("%", 4);

        final String symbol;
        final int priority;

        Operator(String symbol, int priority) {
            this.symbol = symbol;
            this.priority = priority;
        }

        boolean isComparison() {
            return priority == 2;
        }

        boolean isArithmetic() {
            return priority >= 3;
        }
    }

    record Binary(Operator operator, JsonPathNode left, JsonPathNode right) implements JsonPathNode {
    }

    /** Unary {@code +} or {@code -} over every item of the operand. */
    record Sign(boolean minus, JsonPathNode operand) implements JsonPathNode {
    }

    /** {@code !(predicate)}. */
    record Not(JsonPathNode operand) implements JsonPathNode {
    }

    /** {@code exists (path)}. */
    record Exists(JsonPathNode path) implements JsonPathNode {
    }

    /** {@code (predicate) is unknown}. */
    record IsUnknown(JsonPathNode operand) implements JsonPathNode {
    }

    /** {@code expr like_regex "pattern" flag "flags"}; flags kept as PostgreSQL prints them (i, s, m, q). */
    record LikeRegex(JsonPathNode operand, String pattern, String flags) implements JsonPathNode {
    }

    /** {@code expr starts with expr}. */
    record StartsWith(JsonPathNode operand, JsonPathNode prefix) implements JsonPathNode {
    }
}
