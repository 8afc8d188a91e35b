package io.basalt.storage.index;

import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonbWriter;
import io.basalt.type.json.path.JsonPath;
import io.basalt.type.json.path.JsonPathNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a GIN index can look up for {@code jsonb @? jsonpath} and {@code jsonb @@ jsonpath}, worked out from the path
 * as PostgreSQL's jsonb_gin.c does: a tree of entries ({@link Entry}), all of which ({@link All}) or any of which
 * ({@link Any}) a matching document must hold. Accessor chains contribute their keys (array steps add nothing:
 * lax mode unwraps arrays, and the indexes ignore array levels); an equality of a chain with a scalar literal
 * contributes, for jsonb_ops, the chain's key entries and the scalar's entry (a string as a value or, being an array
 * element, a key), for jsonb_path_ops the hash of the chain's keys and the scalar (not after {@code .*} or
 * {@code .**}, whose keys it cannot know); {@code exists (path)} and a filter contribute their chain's; {@code &&}
 * needs either side's, {@code ||} both sides'. Anything else (other comparisons, like_regex, methods, variables,
 * negation) contributes nothing. Null from {@link #of} means nothing can be looked up: a GIN index then reads all of
 * its rows, as PostgreSQL's full index scan does.
 *
 * <p>Every document satisfying the condition holds the entries (the tree only narrows), and the scan rechecks the
 * condition itself.
 */
public final class JsonPathEntries {
    /** A node of the entry tree. */
    public sealed interface Node {
    }

    /** One entry hash. */
    public record Entry(long entry) implements Node {
    }

    /** Every one of the parts. */
    public record All(List<Node> parts) implements Node {
    }

    /** At least one of the parts. */
    public record Any(List<Node> parts) implements Node {
    }

    /** The keys on the way to an item, and whether they are all known (no {@code .*} or {@code .**} on the way). */
    private record Way(List<String> keys, boolean exact) {
        static final Way ROOT = new Way(List.of(), true);

        Way plus(String key) {
            List<String> longer = new ArrayList<>(keys);
            longer.add(key);
            return new Way(longer, exact);
        }

        Way wildcard() {
            return new Way(keys, false);
        }
    }

    private final JsonbOperatorClass operatorClass;

    private JsonPathEntries(JsonbOperatorClass operatorClass) {
        this.operatorClass = operatorClass;
    }

    /**
     * The entries a document satisfying {@code document @? path} ({@code match} false) or {@code document @@ path}
     * ({@code match} true) holds under {@code operatorClass}, or null when nothing narrows it.
     */
    public static Node of(JsonPath path, boolean match, JsonbOperatorClass operatorClass) {
        JsonPathEntries entries = new JsonPathEntries(operatorClass);
        return match ? entries.condition(Way.ROOT, path.root()) : entries.chain(Way.ROOT, path.root(), null);
    }

    /** The positions of {@code positions} holding the entries of {@code node}, ascending. */
    public static long[] positions(Node node, InvertedPositions positions) {
        return switch (node) {
            case Entry entry -> positions.all(new long[] {entry.entry()});
            case All all -> {
                long[] result = null;
                for (Node part : all.parts()) {
                    long[] found = positions(part, positions);
                    result = result == null ? found : intersect(result, found);
                    if (result.length == 0) {
                        break;
                    }
                }
                yield result;
            }
            case Any any -> {
                long[] result = new long[0];
                for (Node part : any.parts()) {
                    result = union(result, positions(part, positions));
                }
                yield result;
            }
        };
    }

    /** The entries of a boolean condition evaluated at {@code way}, or null. */
    private Node condition(Way way, JsonPathNode node) {
        return switch (node) {
            case JsonPathNode.Binary binary when binary.operator() == JsonPathNode.Operator.AND -> {
                Node left = condition(way, binary.left());
                Node right = condition(way, binary.right());
                yield left == null ? right : right == null ? left : new All(List.of(left, right));
            }
            case JsonPathNode.Binary binary when binary.operator() == JsonPathNode.Operator.OR -> {
                Node left = condition(way, binary.left());
                Node right = condition(way, binary.right());
                yield left == null || right == null ? null : new Any(List.of(left, right));
            }
            case JsonPathNode.Binary binary when binary.operator() == JsonPathNode.Operator.EQUAL -> {
                if (binary.right() instanceof JsonPathNode.Literal literal && isPath(binary.left())) {
                    yield chain(way, binary.left(), literal.value());
                }
                if (binary.left() instanceof JsonPathNode.Literal literal && isPath(binary.right())) {
                    yield chain(way, binary.right(), literal.value());
                }
                yield null;
            }
            case JsonPathNode.Exists exists -> chain(way, exists.path(), null);
            default -> null;
        };
    }

    private static boolean isPath(JsonPathNode node) {
        return node instanceof JsonPathNode.Chain || node instanceof JsonPathNode.Root
                || node instanceof JsonPathNode.Current;
    }

    /**
     * The entries of an accessor chain read from {@code way} ({@code @} continues it, {@code $} starts again), equal
     * to {@code scalar} when that is not null; null when it has none or holds a step that cannot be followed.
     */
    private Node chain(Way way, JsonPathNode node, JsonNode scalar) {
        JsonPathNode start = node instanceof JsonPathNode.Chain chain ? chain.start() : node;
        List<JsonPathNode> steps = node instanceof JsonPathNode.Chain chain ? chain.steps() : List.of();
        Way at = switch (start) {
            case JsonPathNode.Root root -> Way.ROOT;
            case JsonPathNode.Current current -> way;
            default -> null;
        };
        if (at == null) {
            return null;
        }
        List<Node> parts = new ArrayList<>();
        for (JsonPathNode step : steps) {
            switch (step) {
                case JsonPathNode.Key key -> at = at.plus(key.name());
                case JsonPathNode.AnyKey any -> at = at.wildcard();
                case JsonPathNode.AnyPath any -> at = at.wildcard();
                case JsonPathNode.AnyIndex any -> {
                    // arrays add nothing to the entries
                }
                case JsonPathNode.Index index -> {
                    // nor does a subscript
                }
                case JsonPathNode.Filter filter -> {
                    Node tested = condition(at, filter.predicate());
                    if (tested != null) {
                        parts.add(tested);
                    }
                }
                default -> {
                    return null; // a method, or another step whose result the entries cannot follow
                }
            }
        }
        if (scalar != null && !isScalar(scalar)) {
            return null;
        }
        if (operatorClass == JsonbOperatorClass.JSONB_PATH_OPS) {
            if (scalar != null && at.exact()) {
                byte[] encoded = JsonbWriter.encode(scalar);
                parts.add(new Entry(JsonbIndexEntries.pathEntry(at.keys(), encoded)));
            }
        } else {
            for (String key : at.keys()) {
                parts.add(new Entry(JsonbIndexEntries.keyEntry(key)));
            }
            if (scalar != null) {
                byte[] encoded = JsonbWriter.encode(scalar);
                long value = JsonbIndexEntries.scalarEntry(encoded, false);
                long asKey = JsonbIndexEntries.scalarEntry(encoded, true);
                // a string array element is indexed as a key: lax mode may reach the value as one
                parts.add(value == asKey ? new Entry(value)
                        : new Any(List.of(new Entry(value), new Entry(asKey))));
            }
        }
        return parts.isEmpty() ? null : parts.size() == 1 ? parts.getFirst() : new All(parts);
    }

    private static boolean isScalar(JsonNode value) {
        return value instanceof JsonNode.JsonString || value instanceof JsonNode.JsonNumber
                || value instanceof JsonNode.JsonBoolean || value instanceof JsonNode.JsonNull;
    }

    private static long[] intersect(long[] left, long[] right) {
        long[] out = new long[Math.min(left.length, right.length)];
        int size = 0;
        for (int i = 0, j = 0; i < left.length && j < right.length; ) {
            if (left[i] == right[j]) {
                out[size++] = left[i];
                i++;
                j++;
            } else if (left[i] < right[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Arrays.copyOf(out, size);
    }

    private static long[] union(long[] left, long[] right) {
        long[] out = new long[left.length + right.length];
        int size = 0;
        int i = 0;
        int j = 0;
        while (i < left.length || j < right.length) {
            long next;
            if (j == right.length || i < left.length && left[i] < right[j]) {
                next = left[i++];
            } else if (i == left.length || right[j] < left[i]) {
                next = right[j++];
            } else {
                next = left[i++];
                j++;
            }
            out[size++] = next;
        }
        return Arrays.copyOf(out, size);
    }
}
