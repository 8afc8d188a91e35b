package io.basalt.type.json.path;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.NumericMath;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonNode.JsonArray;
import io.basalt.type.json.JsonNode.JsonNumber;
import io.basalt.type.json.JsonNode.JsonObject;
import io.basalt.type.json.path.JsonPathNode.Operator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Evaluates a jsonpath over a JSON document as PostgreSQL's jsonpath executor does. Each node yields a
 * sequence of items. In lax mode arrays are unwrapped where an accessor or method expects a non-array,
 * a non-array is taken as a one-element array where a subscript expects an array, and structural errors
 * (missing key, wrong container, subscript out of bounds) yield nothing; in strict mode they are errors.
 * Predicates are three-valued ({@link JsonPathPredicates}); errors inside a predicate make it unknown.
 *
 * <p>An instance holds one evaluation's state (root, vars, the array {@code last} refers to) and is not
 * shared between threads.
 */
public final class JsonPathEvaluator {
    private final boolean strict;
    private final JsonNode root;
    private final JsonObject vars;
    private final JsonPathTimeZone timeZone;
    private int lastIndex = -1;
    private final JsonPathPredicates predicates;
    private KeyValueIds keyValueIds;

    private JsonPathEvaluator(boolean strict, JsonNode root, JsonObject vars, JsonPathTimeZone timeZone) {
        this.strict = strict;
        this.root = root;
        this.vars = vars;
        this.timeZone = timeZone;
        this.predicates = new JsonPathPredicates(this);
    }

    /**
     * The items {@code path} selects from {@code document}. {@code vars} must be an object (or null for none);
     * with {@code silent} an error of evaluating the path (not a missing variable) ends the result, which
     * keeps the items found before it, as PostgreSQL's does.
     */
    public static List<JsonNode> query(JsonPath path, JsonNode document, JsonNode vars, boolean silent) {
        return query(path, document, vars, silent, JsonPathTimeZone.current(false));
    }

    /** {@link #query} with the session's time zone, used or not as {@code timeZone} says (the _tz functions). */
    public static List<JsonNode> query(JsonPath path, JsonNode document, JsonNode vars, boolean silent,
                                       JsonPathTimeZone timeZone) {
        JsonPathEvaluator evaluator = new JsonPathEvaluator(path.strict(), document, checkVars(vars), timeZone);
        List<JsonNode> out = new ArrayList<>();
        try {
            evaluator.evaluateInto(path.root(), document, out);
            return out;
        } catch (BasaltException e) {
            if (silent && isPathError(e)) {
                return out;
            }
            throw e;
        } catch (JsonPathHardError hard) {
            throw hard.error();
        }
    }

    /** jsonb_path_exists: true when the path selects anything; null when it fails and {@code silent}. */
    public static Boolean exists(JsonPath path, JsonNode document, JsonNode vars, boolean silent) {
        return exists(path, document, vars, silent, JsonPathTimeZone.current(false));
    }

    /** {@link #exists} with the session's time zone (see {@link JsonPathTimeZone}). */
    public static Boolean exists(JsonPath path, JsonNode document, JsonNode vars, boolean silent,
                                 JsonPathTimeZone timeZone) {
        JsonPathEvaluator evaluator = new JsonPathEvaluator(path.strict(), document, checkVars(vars), timeZone);
        try {
            // strict mode looks at every item, so that an error after the first item still counts
            return path.strict() ? !evaluator.evaluate(path.root(), document).isEmpty()
                    : evaluator.anyItem(path.root(), document);
        } catch (BasaltException e) {
            if (silent && isPathError(e)) {
                return null;
            }
            throw e;
        } catch (JsonPathHardError hard) {
            throw hard.error();
        }
    }

    /** jsonb_path_match: the single boolean (or null) the path yields; anything else is 22038 unless silent. */
    public static Boolean match(JsonPath path, JsonNode document, JsonNode vars, boolean silent) {
        return match(path, document, vars, silent, JsonPathTimeZone.current(false));
    }

    /** {@link #match} with the session's time zone (see {@link JsonPathTimeZone}). */
    public static Boolean match(JsonPath path, JsonNode document, JsonNode vars, boolean silent,
                                JsonPathTimeZone timeZone) {
        List<JsonNode> items = query(path, document, vars, silent, timeZone);
        if (items.size() == 1) {
            if (items.getFirst() instanceof JsonNode.JsonBoolean bool) {
                return bool.value();
            }
            if (items.getFirst() instanceof JsonNode.JsonNull) {
                return null;
            }
        }
        if (silent) {
            return null;
        }
        throw BasaltException.of(SqlState.SINGLETON_SQL_JSON_ITEM_REQUIRED, "single boolean result is expected");
    }

    private static JsonObject checkVars(JsonNode vars) {
        if (vars == null) {
            return null;
        }
        if (vars instanceof JsonObject object) {
            return object;
        }
        throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "\"vars\" argument is not an object")
                .withDetail("Jsonpath parameters should be encoded as key-value pairs of \"vars\" object.");
    }

    /** The errors that {@code silent} and predicates swallow: those of evaluating a path over data. */
    static boolean isPathError(BasaltException e) {
        return switch (e.sqlState()) {
            case SINGLETON_SQL_JSON_ITEM_REQUIRED, SQL_JSON_ARRAY_NOT_FOUND, SQL_JSON_MEMBER_NOT_FOUND,
                 SQL_JSON_NUMBER_NOT_FOUND, SQL_JSON_OBJECT_NOT_FOUND, SQL_JSON_SCALAR_REQUIRED,
                 INVALID_SQL_JSON_SUBSCRIPT, NON_NUMERIC_SQL_JSON_ITEM, DIVISION_BY_ZERO,
                 NUMERIC_VALUE_OUT_OF_RANGE, INVALID_PARAMETER_VALUE, INVALID_ARGUMENT_FOR_SQL_JSON_DATETIME_FUNCTION,
                 INVALID_DATETIME_FORMAT, DATETIME_FIELD_OVERFLOW -> true;
            default -> false;
        };
    }

    boolean strict() {
        return strict;
    }

    JsonPathTimeZone timeZone() {
        return timeZone;
    }

    /** The id .keyvalue() gives the members of {@code object} (see {@link KeyValueIds}). */
    long keyValueId(JsonObject object) {
        if (keyValueIds == null) {
            keyValueIds = new KeyValueIds(root, vars);
        }
        return keyValueIds.idOf(object);
    }

    /** The items of {@code node} with {@code current} as {@code @}. */
    List<JsonNode> evaluate(JsonPathNode node, JsonNode current) {
        List<JsonNode> out = new ArrayList<>();
        evaluateInto(node, current, out);
        return out;
    }

    /**
     * Whether {@code node} selects anything: evaluation stops at the first item, so later errors do not count,
     * and a unary sign skips non-numeric items instead of failing (PostgreSQL's existence-only mode).
     */
    boolean anyItem(JsonPathNode node, JsonNode current) {
        try {
            evaluateInto(node, current, new ExistenceSink());
            return false;
        } catch (Found found) {
            return true;
        }
    }

    /** Thrown by {@link ExistenceSink} when the first item arrives. */
    private static final class Found extends RuntimeException {
        private static final Found INSTANCE = new Found();

        private Found() {
            super(null, null, false, false);
        }
    }

    /** A result list that only wants to know whether anything arrives. */
    private static final class ExistenceSink extends ArrayList<JsonNode> {
        @Override
        public boolean add(JsonNode item) {
            throw Found.INSTANCE;
        }

        @Override
        public boolean addAll(Collection<? extends JsonNode> items) {
            if (!items.isEmpty()) {
                throw Found.INSTANCE;
            }
            return false;
        }
    }

    /**
     * Adds the items of {@code node} to {@code out} in document order, depth first (an accessor chain passes
     * each item through all its steps before the next), so that items before an error have been added.
     */
    void evaluateInto(JsonPathNode node, JsonNode current, List<JsonNode> out) {
        switch (node) {
            case JsonPathNode.Chain chain -> {
                for (JsonNode item : evaluate(chain.start(), current)) {
                    applySteps(chain.steps(), 0, item, current, out);
                }
            }
            case JsonPathNode.Sign sign -> {
                for (JsonNode item : unwrapped(sign.operand(), current)) {
                    if (!(item instanceof JsonNumber number)) {
                        if (out instanceof ExistenceSink) {
                            continue;
                        }
                        throw BasaltException.of(SqlState.SQL_JSON_NUMBER_NOT_FOUND, "operand of unary jsonpath"
                                + " operator " + (sign.minus() ? "-" : "+") + " is not a numeric value");
                    }
                    out.add(sign.minus() ? new JsonNumber(number.value().negate()) : number);
                }
            }
            default -> out.addAll(single(node, current));
        }
    }

    private void applySteps(List<JsonPathNode> steps, int index, JsonNode item, JsonNode current,
                            List<JsonNode> out) {
        if (index == steps.size()) {
            out.add(item);
            return;
        }
        List<JsonNode> next = new ArrayList<>();
        step(steps.get(index), item, current, !strict, next);
        for (JsonNode selected : next) {
            applySteps(steps, index + 1, selected, current, out);
        }
    }

    /** The items of the nodes that are not chains or signs. */
    private List<JsonNode> single(JsonPathNode node, JsonNode current) {
        return switch (node) {
            case JsonPathNode.Root r -> List.of(root);
            case JsonPathNode.Current c -> List.of(current);
            case JsonPathNode.Literal literal -> List.of(literal.value());
            case JsonPathNode.Variable variable -> List.of(variable(variable.name()));
            case JsonPathNode.Last last -> List.of(new JsonNumber(BigDecimal.valueOf(lastIndex)));
            case JsonPathNode.Chain chain -> evaluate(chain, current);
            case JsonPathNode.Sign sign -> evaluate(sign, current);
            case JsonPathNode.Binary binary when binary.operator().isArithmetic() -> List.of(arithmetic(binary,
                    current));
            case JsonPathNode.Key k -> throw BasaltException.internal("accessor outside a chain");
            case JsonPathNode.AnyKey k -> throw BasaltException.internal("accessor outside a chain");
            case JsonPathNode.AnyIndex k -> throw BasaltException.internal("accessor outside a chain");
            case JsonPathNode.Index k -> throw BasaltException.internal("accessor outside a chain");
            case JsonPathNode.AnyPath k -> throw BasaltException.internal("accessor outside a chain");
            case JsonPathNode.Filter k -> throw BasaltException.internal("accessor outside a chain");
            case JsonPathNode.Method k -> throw BasaltException.internal("accessor outside a chain");
            case JsonPathNode.DatetimeMethod k -> throw BasaltException.internal("accessor outside a chain");
            case JsonPathNode.Binary b -> List.of(truth(predicates.test(b, current)));
            case JsonPathNode.Not n -> List.of(truth(predicates.test(n, current)));
            case JsonPathNode.Exists e -> List.of(truth(predicates.test(e, current)));
            case JsonPathNode.IsUnknown u -> List.of(truth(predicates.test(u, current)));
            case JsonPathNode.LikeRegex l -> List.of(truth(predicates.test(l, current)));
            case JsonPathNode.StartsWith s -> List.of(truth(predicates.test(s, current)));
        };
    }

    private static JsonNode truth(Boolean value) {
        return value == null ? JsonNode.NULL : JsonNode.of(value);
    }

    /** The items of {@code node}, with arrays among them unwrapped in lax mode. */
    List<JsonNode> unwrapped(JsonPathNode node, JsonNode current) {
        List<JsonNode> items = evaluate(node, current);
        if (strict) {
            return items;
        }
        List<JsonNode> out = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            if (item instanceof JsonArray array) {
                out.addAll(array.elements());
            } else {
                out.add(item);
            }
        }
        return out;
    }

    private JsonNode variable(String name) {
        JsonNode value = vars == null ? null : vars.get(name);
        if (value == null) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "could not find jsonpath variable \"" + name + "\"");
        }
        return value;
    }

    /** Applies one accessor step to {@code item}, adding what it selects to {@code out}. */
    private void step(JsonPathNode step, JsonNode item, JsonNode current, boolean unwrap, List<JsonNode> out) {
        boolean unwrapHere = unwrap && item instanceof JsonArray && !(step instanceof JsonPathNode.AnyIndex)
                && !(step instanceof JsonPathNode.Index) && !(step instanceof JsonPathNode.AnyPath)
                && !(step instanceof JsonPathNode.Method method && (method.name().equals("type")
                || method.name().equals("size")));
        if (unwrapHere) {
            for (JsonNode element : ((JsonArray) item).elements()) {
                step(step, element, current, false, out);
            }
            return;
        }
        switch (step) {
            case JsonPathNode.Key key -> {
                if (item instanceof JsonObject object) {
                    JsonNode value = object.get(key.name());
                    if (value != null) {
                        out.add(value);
                    } else if (strict) {
                        throw BasaltException.of(SqlState.SQL_JSON_MEMBER_NOT_FOUND,
                                "JSON object does not contain key \"" + key.name() + "\"");
                    }
                } else if (strict) {
                    throw BasaltException.of(SqlState.SQL_JSON_MEMBER_NOT_FOUND,
                            "jsonpath member accessor can only be applied to an object");
                }
            }
            case JsonPathNode.AnyKey anyKey -> {
                if (item instanceof JsonObject object) {
                    out.addAll(object.values());
                } else if (strict) {
                    throw BasaltException.of(SqlState.SQL_JSON_OBJECT_NOT_FOUND,
                            "jsonpath wildcard member accessor can only be applied to an object");
                }
            }
            case JsonPathNode.AnyIndex anyIndex -> {
                if (item instanceof JsonArray array) {
                    out.addAll(array.elements());
                } else if (strict) {
                    throw BasaltException.of(SqlState.SQL_JSON_ARRAY_NOT_FOUND,
                            "jsonpath wildcard array accessor can only be applied to an array");
                } else {
                    out.add(item);
                }
            }
            case JsonPathNode.Index index -> subscripts(index, item, current, out);
            case JsonPathNode.AnyPath anyPath -> {
                if (anyPath.from() == 0) {
                    out.add(item);
                }
                // {last} as the first level selects the leaves (scalars) at any depth, as PostgreSQL does
                int from = anyPath.from() < 0 ? Integer.MAX_VALUE : anyPath.from();
                descend(item, 1, from, anyPath.to() < 0 ? Integer.MAX_VALUE : anyPath.to(), out);
            }
            case JsonPathNode.Filter filter -> {
                if (Boolean.TRUE.equals(predicates.test(filter.predicate(), item))) {
                    out.add(item);
                }
            }
            case JsonPathNode.Method method -> JsonPathMethods.apply(method, item, this, out);
            case JsonPathNode.DatetimeMethod method -> out.add(JsonPathDatetimes.apply(method, item, timeZone));
            default -> throw BasaltException.internal("not an accessor: " + step);
        }
    }

    /** .** : the children of {@code item} at {@code level} and below, in document order, within [from, to]. */
    private static void descend(JsonNode item, int level, int from, int to, List<JsonNode> out) {
        if (level > to) {
            return;
        }
        List<JsonNode> children = item instanceof JsonArray array ? array.elements()
                : item instanceof JsonObject object ? object.values() : List.of();
        for (JsonNode child : children) {
            boolean leaf = !(child instanceof JsonArray) && !(child instanceof JsonObject);
            if (level >= from || from == Integer.MAX_VALUE && to == Integer.MAX_VALUE && leaf) {
                out.add(child);
            }
            if (level < to) {
                descend(child, level + 1, from, to, out);
            }
        }
    }

    private void subscripts(JsonPathNode.Index index, JsonNode item, JsonNode current, List<JsonNode> out) {
        List<JsonNode> elements;
        if (item instanceof JsonArray array) {
            elements = array.elements();
        } else if (!strict) {
            elements = List.of(item);
        } else {
            throw BasaltException.of(SqlState.SQL_JSON_ARRAY_NOT_FOUND,
                    "jsonpath array accessor can only be applied to an array");
        }
        int size = elements.size();
        int savedLast = lastIndex;
        lastIndex = size - 1;
        try {
            for (JsonPathNode.Subscript subscript : index.subscripts()) {
                int from = subscriptValue(subscript.from(), current);
                int to = subscript.to() == null ? from : subscriptValue(subscript.to(), current);
                if (strict && (from < 0 || from > to || to >= size)) {
                    throw BasaltException.of(SqlState.INVALID_SQL_JSON_SUBSCRIPT,
                            "jsonpath array subscript is out of bounds");
                }
                for (int i = Math.max(from, 0); i <= to && i < size; i++) {
                    out.add(elements.get(i));
                }
            }
        } finally {
            lastIndex = savedLast;
        }
    }

    private int subscriptValue(JsonPathNode node, JsonNode current) {
        List<JsonNode> items = unwrapped(node, current);
        if (items.size() != 1 || !(items.getFirst() instanceof JsonNumber number)) {
            throw BasaltException.of(SqlState.INVALID_SQL_JSON_SUBSCRIPT,
                    "jsonpath array subscript is not a single numeric value");
        }
        BigDecimal truncated = number.value().setScale(0, RoundingMode.DOWN);
        if (truncated.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                || truncated.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            throw BasaltException.of(SqlState.INVALID_SQL_JSON_SUBSCRIPT,
                    "jsonpath array subscript is out of integer range");
        }
        return truncated.intValue();
    }

    private JsonNode arithmetic(JsonPathNode.Binary binary, JsonNode current) {
        BigDecimal left = singleNumber(binary.left(), current, "left", binary.operator());
        BigDecimal right = singleNumber(binary.right(), current, "right", binary.operator());
        BigDecimal result = switch (binary.operator()) {
            case ADD -> NumericMath.add(left, right);
            case SUBTRACT -> NumericMath.subtract(left, right);
            case MULTIPLY -> NumericMath.multiply(left, right);
            case DIVIDE -> NumericMath.divide(left, right);
            case MODULO -> NumericMath.modulo(left, right);
            default -> throw BasaltException.internal("not arithmetic: " + binary.operator());
        };
        return new JsonNumber(result);
    }

    private BigDecimal singleNumber(JsonPathNode node, JsonNode current, String side, Operator operator) {
        List<JsonNode> items = unwrapped(node, current);
        if (items.size() != 1 || !(items.getFirst() instanceof JsonNumber number)) {
            throw BasaltException.of(SqlState.SINGLETON_SQL_JSON_ITEM_REQUIRED, side + " operand of jsonpath operator "
                    + operator.symbol + " is not a single numeric value");
        }
        return number.value();
    }
}
