package io.basalt.type.json.path;

import java.util.ArrayList;
import java.util.List;

/**
 * A lax jsonpath over a document rewritten as a path over one member of it: when every use of {@code $} in the path
 * starts with the same object keys ({@code $.tags[*] ? (@ == "a")}, {@code $.a.b == 1}), the path evaluated on an
 * object document equals the {@code relative} path ({@code $[*] ? (@ == "a")}, {@code $ == 1}) evaluated on the
 * document's member at those keys, when the object holds it: lax {@code .key} on an object gives exactly its member,
 * and nothing else in the path reads the document. A shredded member can so answer the test without its document.
 *
 * <p>The path must also give false (or nothing) on an object lacking the member, so that rows without the member
 * need no evaluation in a filter: an accessor chain from {@code $} (exists: an empty sequence), or, for predicates
 * ({@code @@}, jsonb_path_match), comparisons, {@code like_regex}, {@code starts with} and {@code exists} of a chain
 * from {@code $}, joined by {@code &&} and {@code ||}, the other operands chains, literals or variables (no {@code !},
 * no {@code is unknown}, no arithmetic, which would turn an empty operand into true, unknown or an error). {@code .keyvalue()} is refused
 * anywhere: its ids are byte offsets in the whole document.
 */
public record MemberJsonPath(List<String> keys, String relative) {
    /** Keys from the root a member path has at most (as many as the shredder follows). */
    private static final int MAXIMUM_KEYS = 4;

    public MemberJsonPath {
        keys = List.copyOf(keys);
    }

    /**
     * {@code path} as a path over a member, or null when it is strict, some use of {@code $} does not start with the
     * same keys, or an object without the member might not give false or nothing; {@code predicate}: the path is
     * read as a predicate ({@code @@}, jsonb_path_match), else as a query whose existence is tested.
     */
    public static MemberJsonPath of(JsonPath path, boolean predicate) {
        if (path.strict() || !(predicate ? falseWhenEmpty(path.root()) : fromRoot(path.root()))) {
            return null;
        }
        List<JsonPathNode.Chain> roots = new ArrayList<>();
        if (!collectRoots(path.root(), roots) || roots.isEmpty()) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        for (JsonPathNode step : roots.getFirst().steps()) {
            if (!(step instanceof JsonPathNode.Key key) || keys.size() == MAXIMUM_KEYS) {
                break;
            }
            keys.add(key.name());
        }
        if (keys.isEmpty()) {
            return null;
        }
        for (JsonPathNode.Chain root : roots) {
            if (!startsWith(root, keys)) {
                return null;
            }
        }
        return new MemberJsonPath(keys, new JsonPath(false, relative(path.root(), keys.size())).toString());
    }

    private static boolean startsWith(JsonPathNode.Chain root, List<String> keys) {
        if (root.steps().size() < keys.size()) {
            return false;
        }
        for (int i = 0; i < keys.size(); i++) {
            if (!(root.steps().get(i) instanceof JsonPathNode.Key key && key.name().equals(keys.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the predicate {@code node} gives false on an object without the member its chains start with. */
    private static boolean falseWhenEmpty(JsonPathNode node) {
        return switch (node) {
            case JsonPathNode.Binary binary when binary.operator() == JsonPathNode.Operator.AND
                    || binary.operator() == JsonPathNode.Operator.OR ->
                    falseWhenEmpty(binary.left()) && falseWhenEmpty(binary.right());
            case JsonPathNode.Binary binary -> comparison(binary.operator())
                    && (fromRoot(binary.left()) && plainOperand(binary.right())
                    || plainOperand(binary.left()) && fromRoot(binary.right()));
            case JsonPathNode.LikeRegex likeRegex -> fromRoot(likeRegex.operand());
            case JsonPathNode.StartsWith startsWith -> fromRoot(startsWith.operand())
                    && plainOperand(startsWith.prefix());
            case JsonPathNode.Exists exists -> fromRoot(exists.path());
            default -> false;
        };
    }

    /** Whether {@code node} is an accessor chain from {@code $} (empty on an object without the member). */
    private static boolean fromRoot(JsonPathNode node) {
        return node instanceof JsonPathNode.Chain chain && chain.start() instanceof JsonPathNode.Root;
    }

    private static boolean comparison(JsonPathNode.Operator operator) {
        return switch (operator) {
            case EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> true;
            default -> false;
        };
    }

    private static boolean plainOperand(JsonPathNode node) {
        return node instanceof JsonPathNode.Chain || node instanceof JsonPathNode.Literal
                || node instanceof JsonPathNode.Variable;
    }

    /**
     * Adds every chain starting at {@code $} under {@code node} to {@code roots}; false when {@code $} appears
     * otherwise (alone) or {@code .keyvalue()} appears.
     */
    private static boolean collectRoots(JsonPathNode node, List<JsonPathNode.Chain> roots) {
        return switch (node) {
            case JsonPathNode.Root root -> false;
            case JsonPathNode.Current current -> true;
            case JsonPathNode.Variable variable -> true;
            case JsonPathNode.Last last -> true;
            case JsonPathNode.Literal literal -> true;
            case JsonPathNode.Chain chain -> {
                boolean fromRoot = chain.start() instanceof JsonPathNode.Root;
                if (fromRoot) {
                    roots.add(chain);
                }
                boolean ok = fromRoot || collectRoots(chain.start(), roots);
                for (JsonPathNode step : chain.steps()) {
                    ok &= collectRoots(step, roots);
                }
                yield ok;
            }
            case JsonPathNode.Key key -> true;
            case JsonPathNode.AnyKey anyKey -> true;
            case JsonPathNode.AnyIndex anyIndex -> true;
            case JsonPathNode.Index index -> {
                boolean ok = true;
                for (JsonPathNode.Subscript subscript : index.subscripts()) {
                    ok &= collectRoots(subscript.from(), roots)
                            && (subscript.to() == null || collectRoots(subscript.to(), roots));
                }
                yield ok;
            }
            case JsonPathNode.AnyPath anyPath -> true;
            case JsonPathNode.Filter filter -> collectRoots(filter.predicate(), roots);
            case JsonPathNode.Method method -> !method.name().equals("keyvalue");
            case JsonPathNode.DatetimeMethod method -> true;
            case JsonPathNode.Binary binary -> collectRoots(binary.left(), roots) & collectRoots(binary.right(), roots);
            case JsonPathNode.Sign sign -> collectRoots(sign.operand(), roots);
            case JsonPathNode.Not not -> collectRoots(not.operand(), roots);
            case JsonPathNode.Exists exists -> collectRoots(exists.path(), roots);
            case JsonPathNode.IsUnknown isUnknown -> collectRoots(isUnknown.operand(), roots);
            case JsonPathNode.LikeRegex likeRegex -> collectRoots(likeRegex.operand(), roots);
            case JsonPathNode.StartsWith startsWith -> collectRoots(startsWith.operand(), roots)
                    & collectRoots(startsWith.prefix(), roots);
        };
    }

    /** {@code node} with the first {@code dropped} steps (the member's keys) of every chain from {@code $} removed. */
    private static JsonPathNode relative(JsonPathNode node, int dropped) {
        return switch (node) {
            case JsonPathNode.Chain chain -> {
                List<JsonPathNode> steps = new ArrayList<>(chain.steps().size());
                int from = chain.start() instanceof JsonPathNode.Root ? dropped : 0;
                for (int i = from; i < chain.steps().size(); i++) {
                    steps.add(relative(chain.steps().get(i), dropped));
                }
                yield new JsonPathNode.Chain(relative(chain.start(), dropped), steps);
            }
            case JsonPathNode.Index index -> {
                List<JsonPathNode.Subscript> subscripts = new ArrayList<>(index.subscripts().size());
                for (JsonPathNode.Subscript subscript : index.subscripts()) {
                    subscripts.add(new JsonPathNode.Subscript(relative(subscript.from(), dropped),
                            subscript.to() == null ? null : relative(subscript.to(), dropped)));
                }
                yield new JsonPathNode.Index(subscripts);
            }
            case JsonPathNode.Filter filter -> new JsonPathNode.Filter(relative(filter.predicate(), dropped));
            case JsonPathNode.Binary binary -> new JsonPathNode.Binary(binary.operator(),
                    relative(binary.left(), dropped), relative(binary.right(), dropped));
            case JsonPathNode.Sign sign -> new JsonPathNode.Sign(sign.minus(), relative(sign.operand(), dropped));
            case JsonPathNode.Not not -> new JsonPathNode.Not(relative(not.operand(), dropped));
            case JsonPathNode.Exists exists -> new JsonPathNode.Exists(relative(exists.path(), dropped));
            case JsonPathNode.IsUnknown isUnknown -> new JsonPathNode.IsUnknown(relative(isUnknown.operand(), dropped));
            case JsonPathNode.LikeRegex likeRegex -> new JsonPathNode.LikeRegex(relative(likeRegex.operand(), dropped),
                    likeRegex.pattern(), likeRegex.flags());
            case JsonPathNode.StartsWith startsWith -> new JsonPathNode.StartsWith(
                    relative(startsWith.operand(), dropped), relative(startsWith.prefix(), dropped));
            default -> node;
        };
    }
}
