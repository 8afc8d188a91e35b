package io.basalt.type.json.path;

import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonText;

/**
 * A parsed jsonpath value: its mode and expression tree. {@link #toString()} prints it as PostgreSQL's
 * jsonpath_out does (keys and variables quoted, binary operations parenthesized by priority, filters as
 * {@code ?(...)}), which is also the text the {@code jsonpath} type stores.
 */
public record JsonPath(boolean strict, JsonPathNode root) {
    /** jsonpath_in: parses and returns the normalized text. */
    public static String normalize(String text) {
        return JsonPathParser.parse(text).toString();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (strict) {
            out.append("strict ");
        }
        print(out, root, true);
        return out.toString();
    }

    private static int priority(JsonPathNode node) {
        return switch (node) {
            case JsonPathNode.Binary binary -> binary.operator().priority;
            case JsonPathNode.Sign sign -> 5;
            default -> 6;
        };
    }

    private static void print(StringBuilder out, JsonPathNode node, boolean brackets) {
        switch (node) {
            case JsonPathNode.Root root -> out.append('$');
            case JsonPathNode.Current current -> out.append('@');
            case JsonPathNode.Last last -> out.append("last");
            case JsonPathNode.Variable variable -> {
                out.append('$');
                JsonText.appendString(out, variable.name());
            }
            case JsonPathNode.Literal literal -> out.append(JsonText.format(literal.value()));
            case JsonPathNode.Chain chain -> {
                JsonPathNode start = chain.start();
                boolean wrap = start instanceof JsonPathNode.Literal(JsonNode.JsonNumber number);
                if (wrap) {
                    out.append('(');
                }
                print(out, start, true);
                if (wrap) {
                    out.append(')');
                }
                for (JsonPathNode step : chain.steps()) {
                    print(out, step, false);
                }
            }
            case JsonPathNode.Key key -> {
                out.append('.');
                JsonText.appendString(out, key.name());
            }
            case JsonPathNode.AnyKey anyKey -> out.append(".*");
            case JsonPathNode.AnyIndex anyIndex -> out.append("[*]");
            case JsonPathNode.Index index -> {
                out.append('[');
                for (int i = 0; i < index.subscripts().size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    JsonPathNode.Subscript subscript = index.subscripts().get(i);
                    print(out, subscript.from(), false);
                    if (subscript.to() != null) {
                        out.append(" to ");
                        print(out, subscript.to(), false);
                    }
                }
                out.append(']');
            }
            case JsonPathNode.AnyPath anyPath -> {
                out.append(".**");
                if (anyPath.from() == anyPath.to()) {
                    out.append('{').append(level(anyPath.from())).append('}');
                } else if (anyPath.from() != 0 || anyPath.to() != -1) {
                    out.append('{').append(level(anyPath.from())).append(" to ").append(level(anyPath.to()))
                            .append('}');
                }
            }
            case JsonPathNode.Filter filter -> {
                out.append("?(");
                print(out, filter.predicate(), false);
                out.append(')');
            }
            case JsonPathNode.Method method -> {
                out.append('.').append(method.name()).append('(');
                for (int i = 0; i < method.arguments().size(); i++) {
                    out.append(i > 0 ? "," : "").append(method.arguments().get(i).toPlainString());
                }
                out.append(')');
            }
            case JsonPathNode.DatetimeMethod method -> {
                out.append('.').append(method.name()).append('(');
                if (method.template() != null) {
                    JsonText.appendString(out, method.template());
                } else if (method.precision() != null) {
                    out.append(method.precision().toPlainString());
                }
                out.append(')');
            }
            case JsonPathNode.Binary binary -> {
                if (brackets) {
                    out.append('(');
                }
                int own = binary.operator().priority;
                print(out, binary.left(), priority(binary.left()) <= own);
                out.append(' ').append(binary.operator().symbol).append(' ');
                print(out, binary.right(), priority(binary.right()) <= own);
                if (brackets) {
                    out.append(')');
                }
            }
            case JsonPathNode.Sign sign -> {
                if (brackets) {
                    out.append('(');
                }
                out.append(sign.minus() ? '-' : '+');
                print(out, sign.operand(), priority(sign.operand()) <= 5);
                if (brackets) {
                    out.append(')');
                }
            }
            case JsonPathNode.Not not -> {
                out.append("!(");
                print(out, not.operand(), false);
                out.append(')');
            }
            case JsonPathNode.Exists exists -> {
                out.append("exists (");
                print(out, exists.path(), false);
                out.append(')');
            }
            case JsonPathNode.IsUnknown isUnknown -> {
                out.append('(');
                print(out, isUnknown.operand(), false);
                out.append(") is unknown");
            }
            case JsonPathNode.LikeRegex likeRegex -> {
                if (brackets) {
                    out.append('(');
                }
                print(out, likeRegex.operand(), true);
                out.append(" like_regex ");
                JsonText.appendString(out, likeRegex.pattern());
                if (!likeRegex.flags().isEmpty()) {
                    out.append(" flag \"").append(likeRegex.flags()).append('"');
                }
                if (brackets) {
                    out.append(')');
                }
            }
            case JsonPathNode.StartsWith startsWith -> {
                if (brackets) {
                    out.append('(');
                }
                print(out, startsWith.operand(), true);
                out.append(" starts with ");
                print(out, startsWith.prefix(), true);
                if (brackets) {
                    out.append(')');
                }
            }
        }
    }

    private static String level(int level) {
        return level < 0 ? "last" : Integer.toString(level);
    }
}
