package io.basalt.binder;

import io.basalt.exec.function.textsearch.TextSearchFunction;
import io.basalt.exec.function.textsearch.TextSearchFunction.Kind;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds PostgreSQL's text search functions and the {@code @@} operator over tsvector and tsquery (and text): a
 * configuration given as the first argument is text (PostgreSQL's regconfig), an untyped document is text, an
 * untyped filter of json(b)_to_tsvector is jsonb. Other calls are left to the other binders (null).
 */
final class TextSearchBinder {
    private TextSearchBinder() {
    }

    static BoundExpression bind(String name, List<BoundExpression> arguments, int position) {
        int n = arguments.size();
        return switch (name) {
            case "to_tsvector" -> n == 1 || n == 2 ? call(Kind.TO_TSVECTOR, n == 2, arguments, documentType(
                    arguments.get(n - 1), name, arguments, position), null, LogicalType.TSVECTOR, position)
                    : throwUndefined(name, arguments, position);
            case "json_to_tsvector", "jsonb_to_tsvector" -> n == 2 || n == 3 ? call(Kind.JSON_TO_TSVECTOR, n == 3,
                    arguments, name.startsWith("jsonb") ? LogicalType.JSONB : LogicalType.JSON, LogicalType.JSONB,
                    LogicalType.TSVECTOR, position) : throwUndefined(name, arguments, position);
            case "to_tsquery", "plainto_tsquery", "phraseto_tsquery" -> n == 1 || n == 2
                    ? call(name.equals("to_tsquery") ? Kind.TO_TSQUERY : name.equals("plainto_tsquery")
                            ? Kind.PLAINTO_TSQUERY : Kind.PHRASETO_TSQUERY, n == 2, arguments, LogicalType.TEXT, null,
                            LogicalType.TSQUERY, position)
                    : throwUndefined(name, arguments, position);
            case "tsvector", "tsquery" -> n == 1 && isText(arguments.getFirst().type().id())
                    ? Coercion.cast(arguments.getFirst(), name.equals("tsvector") ? LogicalType.TSVECTOR
                            : LogicalType.TSQUERY, true) : null;
            case "length" -> n == 1 && arguments.getFirst().type().id() == TypeId.TSVECTOR
                    ? new BoundExpression.Function(new TextSearchFunction(Kind.LENGTH, false), arguments,
                            LogicalType.INTEGER, position) : null;
            case "numnode" -> n == 1 && (arguments.getFirst().type().id() == TypeId.TSQUERY
                    || arguments.getFirst().type().id() == TypeId.UNKNOWN)
                    ? new BoundExpression.Function(new TextSearchFunction(Kind.NUMNODE, false),
                            List.of(Coercion.cast(arguments.getFirst(), LogicalType.TSQUERY, false)),
                            LogicalType.INTEGER, position) : null;
            default -> null;
        };
    }

    /** {@code @@} with a tsvector or tsquery on either side, or text on both; null otherwise. */
    static BoundExpression operator(String operator, BoundExpression left, BoundExpression right, int position) {
        if (!operator.equals("@@")) {
            return null;
        }
        TypeId l = left.type().id();
        TypeId r = right.type().id();
        boolean vectorLeft = l == TypeId.TSVECTOR || l == TypeId.UNKNOWN && r == TypeId.TSQUERY;
        boolean queryRight = r == TypeId.TSQUERY || r == TypeId.UNKNOWN && l == TypeId.TSVECTOR;
        List<BoundExpression> operands;
        if (vectorLeft && queryRight) {
            operands = List.of(Coercion.cast(left, LogicalType.TSVECTOR, false),
                    Coercion.cast(right, LogicalType.TSQUERY, false));
        } else if (l == TypeId.TSQUERY && (r == TypeId.TSVECTOR || r == TypeId.UNKNOWN)) {
            operands = List.of(left, Coercion.cast(right, LogicalType.TSVECTOR, false));
        } else if (isText(l) && r == TypeId.TSQUERY) {
            operands = List.of(Coercion.cast(left, LogicalType.TEXT, false), right);
        } else if (isText(l) && isText(r)) {
            operands = List.of(Coercion.cast(left, LogicalType.TEXT, false), Coercion.cast(right, LogicalType.TEXT,
                    false));
        } else {
            return null;
        }
        return new BoundExpression.Function(new TextSearchFunction(Kind.MATCH, false), operands, LogicalType.BOOLEAN,
                position);
    }

    private static boolean isText(TypeId id) {
        return id == TypeId.TEXT || id == TypeId.VARCHAR || id == TypeId.UNKNOWN || id == TypeId.CHAR;
    }

    private static LogicalType documentType(BoundExpression document, String name, List<BoundExpression> arguments,
                                            int position) {
        TypeId id = document.type().id();
        if (id == TypeId.JSON || id == TypeId.JSONB) {
            return document.type();
        }
        if (!isText(id)) {
            throw Functions.undefined(name, arguments, position);
        }
        return LogicalType.TEXT;
    }

    private static BoundExpression call(Kind kind, boolean configured, List<BoundExpression> arguments,
                                        LogicalType documentType, LogicalType filterType, LogicalType result,
                                        int position) {
        List<BoundExpression> typed = new ArrayList<>();
        int k = 0;
        if (configured) {
            BoundExpression configuration = arguments.getFirst();
            if (!isText(configuration.type().id())) {
                throw Functions.undefined(kind.name().toLowerCase(java.util.Locale.ROOT), arguments, position);
            }
            typed.add(Coercion.cast(configuration, LogicalType.TEXT, false));
            k = 1;
        }
        BoundExpression document = arguments.get(k);
        TypeId given = document.type().id();
        if (documentType.id() != TypeId.TEXT && given != documentType.id() && given != TypeId.UNKNOWN
                || documentType.id() == TypeId.TEXT && !isText(given)) {
            throw Functions.undefined(kind.name().toLowerCase(java.util.Locale.ROOT), arguments, position);
        }
        typed.add(Coercion.cast(document, documentType, false));
        if (filterType != null) {
            BoundExpression filter = arguments.get(k + 1);
            if (filter.type().id() != TypeId.JSONB && filter.type().id() != TypeId.UNKNOWN
                    && filter.type().id() != TypeId.JSON) {
                throw Functions.undefined(kind.name().toLowerCase(java.util.Locale.ROOT), arguments, position);
            }
            typed.add(Coercion.cast(filter, LogicalType.JSONB, false));
        }
        return new BoundExpression.Function(new TextSearchFunction(kind, configured), typed, result, position);
    }

    private static BoundExpression throwUndefined(String name, List<BoundExpression> arguments, int position) {
        throw Functions.undefined(name, arguments, position);
    }
}
