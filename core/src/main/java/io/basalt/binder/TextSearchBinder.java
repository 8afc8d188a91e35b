package io.basalt.binder;

import io.basalt.exec.function.textsearch.TextSearchFunction;
import io.basalt.exec.function.textsearch.TextSearchFunction.Kind;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.textsearch.TextSearchConfiguration;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds PostgreSQL's text search functions and operators over tsvector and tsquery (and text for {@code @@}): a
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
            case "to_tsquery", "plainto_tsquery", "phraseto_tsquery", "websearch_to_tsquery" -> n == 1 || n == 2
                    ? call(switch (name) {
                        case "to_tsquery" -> Kind.TO_TSQUERY;
                        case "plainto_tsquery" -> Kind.PLAINTO_TSQUERY;
                        case "phraseto_tsquery" -> Kind.PHRASETO_TSQUERY;
                        default -> Kind.WEBSEARCH_TO_TSQUERY;
                    }, n == 2, arguments, LogicalType.TEXT, null,
                            LogicalType.TSQUERY, position)
                    : throwUndefined(name, arguments, position);
            case "tsvector", "tsquery" -> n == 1 && isText(arguments.getFirst().type().id())
                    ? Coercion.cast(arguments.getFirst(), name.equals("tsvector") ? LogicalType.TSVECTOR
                            : LogicalType.TSQUERY, true) : null;
            case "length" -> n == 1 && arguments.getFirst().type().id() == TypeId.TSVECTOR
                    ? new BoundExpression.Function(new TextSearchFunction(Kind.LENGTH, false), arguments,
                            LogicalType.INTEGER, position) : null;
            case "setweight" -> n == 2 || n == 3 ? edit(Kind.SETWEIGHT, arguments, position, LogicalType.TSVECTOR,
                    LogicalType.TEXT, TEXT_ARRAY) : null;
            case "strip" -> n == 1 ? edit(Kind.STRIP, arguments, position, LogicalType.TSVECTOR) : null;
            case "tsvector_to_array" -> n == 1 ? edit(Kind.TSVECTOR_TO_ARRAY, arguments, position, LogicalType.TSVECTOR)
                    : null;
            case "array_to_tsvector" -> n == 1 ? edit(Kind.ARRAY_TO_TSVECTOR, arguments, position, TEXT_ARRAY) : null;
            case "ts_delete" -> n == 2 ? edit(Kind.TS_DELETE, arguments, position, LogicalType.TSVECTOR,
                    arguments.get(1).type().isArray() ? TEXT_ARRAY : LogicalType.TEXT) : null;
            case "ts_filter" -> n == 2 ? edit(Kind.TS_FILTER, arguments, position, LogicalType.TSVECTOR, TEXT_ARRAY)
                    : null;
            case "tsquery_phrase" -> n == 2 || n == 3 ? edit(Kind.TSQUERY_PHRASE, arguments, position,
                    LogicalType.TSQUERY, LogicalType.TSQUERY, LogicalType.INTEGER) : null;
            case "querytree" -> n == 1 ? edit(Kind.QUERYTREE, arguments, position, LogicalType.TSQUERY) : null;
            case "ts_rank", "ts_rank_cd" -> {
                Kind kind = name.equals("ts_rank") ? Kind.TS_RANK : Kind.TS_RANK_CD;
                // three arguments are (weights, vector, query) or (vector, query, normalization), as their types say
                boolean weighted = n == 4 || n > 0 && (arguments.getFirst().type().isArray()
                        || n == 3 && arguments.getFirst().type().id() == TypeId.UNKNOWN
                                && arguments.get(1).type().id() != TypeId.TSQUERY);
                if (n < 2 + (weighted ? 1 : 0) || n > 3 + (weighted ? 1 : 0)) {
                    yield null;
                }
                List<LogicalType> types = new ArrayList<>();
                if (weighted) {
                    types.add(LogicalType.arrayOf(LogicalType.REAL));
                }
                types.add(LogicalType.TSVECTOR);
                types.add(LogicalType.TSQUERY);
                types.add(LogicalType.INTEGER);
                yield edit(kind, arguments, position, types.toArray(LogicalType[]::new));
            }
            case "ts_headline" -> {
                // three arguments are (configuration, document, query) or (document, query, options)
                boolean configured = n == 4 || n == 3 && arguments.getFirst().type().id() == TypeId.UNKNOWN
                        && arguments.get(1).type().id() != TypeId.TSQUERY;
                int documentIndex = configured ? 1 : 0;
                TypeId documentType = n < 2 ? null : arguments.get(documentIndex).type().id();
                // a json or jsonb document gives the same document with each string value headlined
                boolean json = documentType == TypeId.JSON || documentType == TypeId.JSONB;
                if (n < 2 || n > 4 || documentType != TypeId.UNKNOWN && !isText(documentType) && !json) {
                    yield null;
                }
                List<BoundExpression> typed = new ArrayList<>();
                for (int a = 0; a < n; a++) {
                    BoundExpression argument = arguments.get(a);
                    boolean query = a == (configured ? 2 : 1);
                    TypeId id = argument.type().id();
                    if (json && a == documentIndex) {
                        typed.add(argument);
                        continue;
                    }
                    if (query ? id != TypeId.TSQUERY && id != TypeId.UNKNOWN : !isText(id)) {
                        throw Functions.undefined(name, arguments, position);
                    }
                    typed.add(Coercion.cast(argument, query ? LogicalType.TSQUERY : LogicalType.TEXT, false));
                }
                yield new BoundExpression.Function(new TextSearchFunction(Kind.TS_HEADLINE, configured,
                        TextSearchConfiguration.current()), typed,
                        json ? arguments.get(documentIndex).type() : LogicalType.TEXT, position);
            }
            case "numnode" -> n == 1 && (arguments.getFirst().type().id() == TypeId.TSQUERY
                    || arguments.getFirst().type().id() == TypeId.UNKNOWN)
                    ? new BoundExpression.Function(new TextSearchFunction(Kind.NUMNODE, false),
                            List.of(Coercion.cast(arguments.getFirst(), LogicalType.TSQUERY, false)),
                            LogicalType.INTEGER, position) : null;
            default -> null;
        };
    }

    private static final LogicalType TEXT_ARRAY = LogicalType.arrayOf(LogicalType.TEXT);

    /**
     * A call of {@code kind} whose arguments take {@code types} in order (as many as given; an argument of another
     * type that does not convert implicitly makes the function undefined); its result type is the function's.
     */
    private static BoundExpression edit(Kind kind, List<BoundExpression> arguments, int position,
                                        LogicalType... types) {
        List<BoundExpression> typed = new ArrayList<>();
        for (int a = 0; a < arguments.size(); a++) {
            BoundExpression argument = arguments.get(a);
            LogicalType wanted = types[a];
            TypeId given = argument.type().id();
            boolean fits = given == TypeId.UNKNOWN || argument.type().equals(wanted)
                    || wanted.id() == TypeId.TEXT && isText(given)
                    || wanted.id() == TypeId.INTEGER && (given == TypeId.SMALLINT || given == TypeId.INTEGER)
                    || wanted.isArray() && argument.type().isArray()
                            && (wanted.element().id() == TypeId.TEXT && isText(argument.type().element().id())
                                    || wanted.element().id() == TypeId.REAL && argument.type().element().isNumber());
            if (!fits) {
                throw Functions.undefined(kind.name().toLowerCase(java.util.Locale.ROOT), arguments, position);
            }
            typed.add(Coercion.cast(argument, wanted, false));
        }
        LogicalType result = switch (kind) {
            case TSVECTOR_TO_ARRAY -> TEXT_ARRAY;
            case TSQUERY_PHRASE, QUERY_AND, QUERY_OR, QUERY_NOT -> LogicalType.TSQUERY;
            case QUERYTREE -> LogicalType.TEXT;
            case TS_RANK, TS_RANK_CD -> LogicalType.REAL;
            default -> LogicalType.TSVECTOR;
        };
        return new BoundExpression.Function(new TextSearchFunction(kind, false), typed, result, position);
    }

    /** {@code !! query}; null for another operator or operand. */
    static BoundExpression prefix(String operator, BoundExpression operand, int position) {
        TypeId id = operand.type().id();
        if (!operator.equals("!!") || id != TypeId.TSQUERY && id != TypeId.UNKNOWN) {
            return null;
        }
        return edit(Kind.QUERY_NOT, List.of(operand), position, LogicalType.TSQUERY);
    }

    /**
     * {@code @@} with a tsvector or tsquery on either side, or text on both; {@code ||} of two tsvectors or two
     * tsqueries, {@code &&} and {@code <->} of two tsqueries (an untyped side taking the other's type); null otherwise.
     */
    static BoundExpression operator(String operator, BoundExpression left, BoundExpression right, int position) {
        TypeId l0 = left.type().id();
        TypeId r0 = right.type().id();
        for (TypeId type : List.of(TypeId.TSVECTOR, TypeId.TSQUERY)) {
            boolean both = (l0 == type || l0 == TypeId.UNKNOWN) && (r0 == type || r0 == TypeId.UNKNOWN)
                    && (l0 == type || r0 == type);
            LogicalType logical = type == TypeId.TSVECTOR ? LogicalType.TSVECTOR : LogicalType.TSQUERY;
            if (both && operator.equals("||")) {
                return edit(type == TypeId.TSVECTOR ? Kind.CONCAT : Kind.QUERY_OR, List.of(left, right), position,
                        logical, logical);
            }
            if (both && type == TypeId.TSQUERY && (operator.equals("&&") || operator.equals("<->"))) {
                return edit(operator.equals("&&") ? Kind.QUERY_AND : Kind.TSQUERY_PHRASE, List.of(left, right),
                        position, logical, logical);
            }
        }
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
        return new BoundExpression.Function(new TextSearchFunction(Kind.MATCH, false,
                TextSearchConfiguration.current()), operands, LogicalType.BOOLEAN, position);
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
        return new BoundExpression.Function(new TextSearchFunction(kind, configured, TextSearchConfiguration.current()),
                typed, result, position);
    }

    private static BoundExpression throwUndefined(String name, List<BoundExpression> arguments, int position) {
        throw Functions.undefined(name, arguments, position);
    }
}
