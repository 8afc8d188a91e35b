package io.basalt.plan.logical;

import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.function.array.ArrayQuantifiedComparison;
import io.basalt.exec.function.json.PathValueFunction;
import io.basalt.exec.function.scalar.DatePartFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Writes bound expressions as PostgreSQL's EXPLAIN writes them (its {@code deparse_expression}): every operator
 * application in parentheses ({@code (a > 5)}, {@code ((a + 1) * 2)}, {@code (- a)}), casts as
 * {@code (a)::bigint}, constants as literals that read back with their type ({@code 5}, {@code 2.5},
 * {@code 'x'::text}, {@code '10000000000'::bigint}, {@code '-5'::integer}), conjunctions as
 * {@code ((a > 0) AND (b = 1))}. Column references print as the input column's text, qualified with its
 * relation or not as the caller asks.
 */
final class ExplainExpressions {
    /**
     * While a SubPlan or InitPlan prints, the columns of the rows it reads from the plans enclosing it, nearest first:
     * an outer reference of depth {@code d} names column {@code index} of entry {@code d - 1}, always qualified, as
     * PostgreSQL names a Var of an upper query level ({@code (f1 = o.f1)}).
     */
    static final ScopedValue<List<List<Column>>> ENCLOSING_ROWS = ScopedValue.newInstance();
    /** While a plan prints, the number of each of its InitPlans over their input, by their values. */
    static final ScopedValue<java.util.Map<io.basalt.exec.operator.subquery.InitPlanValues, Integer>> INIT_PLAN_NUMBERS =
            ScopedValue.newInstance();

    private ExplainExpressions() {
    }

    /**
     * One output column of a plan node as EXPLAIN names it, with and without its relation; {@code negation}, when not
     * null, names its NOT (an ANY SubPlan's, which is ALL's).
     */
    record Column(String bare, String qualified, boolean plain, Column negation) {
        Column(String bare, String qualified, boolean plain) {
            this(bare, qualified, plain, null);
        }

        String text(boolean withRelation) {
            return withRelation ? qualified : bare;
        }
    }

    /** The conjuncts of a filter or join condition: one as itself, several joined with AND in parentheses. */
    static String conjunction(List<BoundExpression> conjuncts, List<Column> input, boolean qualified) {
        // conditions on path reads standing for a whole-document test (doc @> '{...}', doc ? 'k') print as the test
        // as written, once
        List<String> texts = new ArrayList<>(conjuncts.size());
        java.util.Set<Object> shown = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (BoundExpression conjunct : conjuncts) {
            BoundExpression.Function read = standingRead(conjunct, input.size());
            if (read == null) {
                texts.add(deparse(conjunct, input, qualified));
            } else if (shown.add(((PathValueFunction) read.function()).standsFor())) {
                texts.add(overTable((BoundExpression) ((PathValueFunction) read.function()).standsFor(), read, input,
                        qualified));
            }
        }
        return texts.size() == 1 ? texts.getFirst() : "(" + String.join(" AND ", texts) + ")";
    }

    /** The path read of {@code conjunct} (a comparison or IS [NOT] NULL of one) that stands for a test, or null. */
    private static BoundExpression.Function standingRead(BoundExpression conjunct, int width) {
        BoundExpression operand = switch (conjunct) {
            case BoundExpression.Comparison c -> c.left();
            case BoundExpression.IsNull n -> n.operand();
            case BoundExpression.Logical l when l.operands().getFirst() instanceof BoundExpression.IsNull n
                    -> n.operand(); // doc ?| keys: an OR of the keys' tests
            case BoundExpression.Function f when f.arguments().size() == 1 -> f.arguments().getFirst(); // @> an array
            default -> null;
        };
        return operand instanceof BoundExpression.Function call && call.function() instanceof PathValueFunction path
                && path.standsFor() instanceof BoundExpression && readsDocument(call, width) ? call : null;
    }

    /** Whether {@code read}'s document argument is a column reference below {@code width}. */
    private static boolean readsDocument(BoundExpression.Function read, int width) {
        return read.arguments().get(1) instanceof BoundExpression.ColumnRef documents && documents.index() < width;
    }

    /**
     * {@code expression}, over the table's columns and reading one of them (a path read's extraction or the test it
     * stands for), printed with that column named as the path read {@code read}'s document is in {@code input}.
     */
    private static String overTable(BoundExpression expression, BoundExpression.Function read, List<Column> input,
                                    boolean qualified) {
        BoundExpression.ColumnRef documents = (BoundExpression.ColumnRef) read.arguments().get(1);
        BitSet columns = new BitSet();
        ColumnReferences.collect(expression, columns);
        List<Column> table = new ArrayList<>(Collections.nCopies(columns.length(), (Column) null));
        table.set(columns.nextSetBit(0), input.get(documents.index()));
        return deparse(expression, table, qualified);
    }

    static String deparse(BoundExpression expression, List<Column> input, boolean qualified) {
        return switch (expression) {
            case BoundExpression.ColumnRef e -> e.index() < input.size() ? input.get(e.index()).text(qualified)
                    : e.qualifiedName();
            case BoundExpression.Constant e -> constant(e.value(), e.type());
            case BoundExpression.Arithmetic e -> infix(deparse(e.left(), input, qualified), e.operator().symbol(),
                    deparse(e.right(), input, qualified));
            case BoundExpression.Negate e -> "(- " + deparse(e.operand(), input, qualified) + ")";
            case BoundExpression.Comparison e -> infix(deparse(e.left(), input, qualified), e.operator().symbol(),
                    deparse(e.right(), input, qualified));
            case BoundExpression.Logical e -> {
                StringBuilder out = new StringBuilder("(");
                for (int i = 0; i < e.operands().size(); i++) {
                    out.append(i > 0 ? (e.isAnd() ? " AND " : " OR ") : "")
                            .append(deparse(e.operands().get(i), input, qualified));
                }
                yield out.append(')').toString();
            }
            case BoundExpression.Not e when e.operand() instanceof BoundExpression.ColumnRef ref
                    && ref.index() < input.size() && input.get(ref.index()).negation() != null ->
                    input.get(ref.index()).negation().text(qualified);
            case BoundExpression.Not e -> "(NOT " + deparse(e.operand(), input, qualified) + ")";
            case BoundExpression.IsNull e -> "(" + deparse(e.operand(), input, qualified)
                    + (e.negated() ? " IS NOT NULL)" : " IS NULL)");
            case BoundExpression.Cast e -> e.operand() instanceof BoundExpression.Constant constant
                    ? constant(constant.value(), e.type())
                    : "(" + deparse(e.operand(), input, qualified) + ")::" + e.type().displayName();
            case BoundExpression.Case e -> {
                StringBuilder out = new StringBuilder("CASE");
                for (int i = 0; i < e.conditions().size(); i++) {
                    out.append(" WHEN ").append(deparse(e.conditions().get(i), input, qualified)).append(" THEN ")
                            .append(deparse(e.results().get(i), input, qualified));
                }
                if (e.otherwise() != null) {
                    out.append(" ELSE ").append(deparse(e.otherwise(), input, qualified));
                }
                yield out.append(" END").toString();
            }
            case BoundExpression.Function e -> function(e, input, qualified);
            case BoundExpression.AggregateCall e -> e.function().name() + "("
                    + (e.argument() == null ? "*" : deparse(e.argument(), input, qualified)) + ")";
        };
    }

    private static String infix(String left, String operator, String right) {
        return "(" + left + " " + operator + " " + right + ")";
    }

    /**
     * Functions that PostgreSQL writes as operators print as operators: {@code ||}, LIKE as {@code ~~}, date
     * and interval arithmetic; GREATEST and LEAST in capitals; the rest as {@code name(arguments)}.
     */
    private static String function(BoundExpression.Function call, List<Column> input, boolean qualified) {
        ScalarFunction function = call.function();
        if (function instanceof PathValueFunction path && path.extraction() instanceof BoundExpression extraction
                && readsDocument(call, input.size())) {
            // a read of a shredded path prints as the extraction it stands for, its document named as the scan does
            return overTable(extraction, call, input, qualified);
        }
        if (function instanceof io.basalt.plan.expression.InitPlanParameter parameter) {
            // PostgreSQL 17's name for an InitPlan's value: (InitPlan 1).col1
            Integer number = INIT_PLAN_NUMBERS.orElse(java.util.Map.of()).get(parameter.values());
            return "(InitPlan " + (number == null ? "?" : number) + ").col" + (parameter.index() + 1);
        }
        if (function instanceof io.basalt.exec.function.json.PathConditionFunction test
                && test.condition() instanceof BoundExpression condition && readsDocument(call, input.size())) {
            return overTable(condition, call, input, qualified); // a test answered by a member prints as written
        }
        if (function instanceof io.basalt.plan.expression.Placeholder.OuterColumn outer) {
            List<List<Column>> enclosing = ENCLOSING_ROWS.orElse(List.of());
            if (outer.depth() <= enclosing.size() && outer.index() < enclosing.get(outer.depth() - 1).size()) {
                return enclosing.get(outer.depth() - 1).get(outer.index()).qualified();
            }
            return outer.qualifiedName();
        }
        String name = function.name();
        List<BoundExpression> arguments = call.arguments();
        String[] texts = new String[arguments.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = deparse(arguments.get(i), input, qualified);
        }
        if (function instanceof ArrayQuantifiedComparison quantified && texts.length == 2) {
            // PostgreSQL's ScalarArrayOpExpr: (x = ANY ('{1,2}'::integer[]))
            return infix(texts[0], quantified.operator().symbol(), (quantified.all() ? "ALL (" : "ANY (") + texts[1] + ")");
        }
        String operator = likeOperator(name);
        if (operator != null) {
            // a pattern known at planning time is compiled into the function and cannot be printed
            return infix(texts[0], operator, texts.length > 1 ? texts[1] : "(constant pattern)");
        }
        if ((name.equals("||") || name.equals("~") || name.equals("~*") || name.equals("!~") || name.equals("!~*"))
                && texts.length == 2) {
            return infix(texts[0], name, texts[1]);
        }
        String jsonb = jsonbOperator(function, texts);
        if (jsonb != null) {
            return jsonb;
        }
        if (function instanceof io.basalt.exec.function.textsearch.TextSearchFunction search) {
            String textSearch = textSearch(search, arguments, texts);
            if (textSearch != null) {
                return textSearch;
            }
        }
        String arithmetic = dateTimeOperator(name);
        if (arithmetic != null) {
            return texts.length == 1 ? "(" + arithmetic + " " + texts[0] + ")" : infix(texts[0], arithmetic, texts[1]);
        }
        if (function instanceof DatePartFunction datePart && texts.length == 1) {
            return "date_part('" + datePart.field().name().toLowerCase(Locale.ROOT) + "'::text, " + texts[0] + ")";
        }
        String shown = name.equals("greatest") || name.equals("least") ? name.toUpperCase(Locale.ROOT) : name;
        return shown + "(" + String.join(", ", texts) + ")";
    }

    /**
     * The text search operators PostgreSQL writes infix ({@code (tsv @@ '''fox'''::tsquery)}, tsquery {@code &&},
     * {@code ||}, tsvector {@code ||}), and a text search function's configuration argument as the regconfig
     * PostgreSQL resolves it to ({@code to_tsvector('english'::regconfig, body)}); null for others.
     */
    private static String textSearch(io.basalt.exec.function.textsearch.TextSearchFunction function,
                                     List<BoundExpression> arguments, String[] texts) {
        String name = function.name();
        if (texts.length == 2 && (name.equals("@@") || name.equals("&&") || name.equals("||"))) {
            return infix(texts[0], name, texts[1]);
        }
        if (texts.length >= 2 && arguments.getFirst() instanceof BoundExpression.Constant constant
                && constant.value() instanceof String config && constant.type().id() == TypeId.TEXT
                && (name.equals("to_tsvector") || name.equals("to_tsquery") || name.equals("plainto_tsquery")
                || name.equals("phraseto_tsquery") || name.equals("websearch_to_tsquery"))) {
            texts[0] = "'" + config.replace("'", "''") + "'::regconfig";
            return name + "(" + String.join(", ", texts) + ")";
        }
        return null;
    }

    /**
     * The jsonb containment and existence operators, whose constant side the binder compiled into the function:
     * {@code (j @> '{"a": 1}'::jsonb)}, {@code (j ? 'k'::text)}, {@code (j ?| '{a,b}'::text[])}; the extractions
     * ({@code (j ->> 'k'::text)}) and the jsonpath operators ({@code (j @? '$."a"'::jsonpath)}); null for others.
     */
    private static String jsonbOperator(ScalarFunction function, String[] texts) {
        if (function instanceof io.basalt.exec.function.json.JsonbContainsFunction contains) {
            if (texts.length == 2) {
                return infix(texts[0], contains.name(), texts[1]);
            }
            if (contains.pattern() != null && texts.length == 1) {
                String pattern = constant(io.basalt.type.json.Jsonb.wrap(contains.pattern()), LogicalType.JSONB);
                return contains.containedBy() ? infix(texts[0], "<@", pattern) : infix(texts[0], "@>", pattern);
            }
            return null;
        }
        if (function instanceof io.basalt.exec.function.json.JsonPathFunction path && texts.length == 2
                && (path.kind() == io.basalt.exec.function.json.JsonPathFunction.Kind.EXISTS_OPERATOR
                || path.kind() == io.basalt.exec.function.json.JsonPathFunction.Kind.MATCH_OPERATOR)) {
            return infix(texts[0], path.name(), texts[1]);
        }
        if (function instanceof io.basalt.exec.function.json.JsonbExtractFunction extract) {
            if (texts.length == 2) {
                return infix(texts[0], extract.name(), texts[1]);
            }
            Object operand = extract.constantOperand();
            if (operand == null || texts.length != 1) {
                return null;
            }
            return infix(texts[0], extract.name(), switch (extract.kind()) {
                case FIELD -> constant(operand, LogicalType.TEXT);
                case ELEMENT -> constant(operand, LogicalType.INTEGER);
                case PATH -> constant(operand, LogicalType.arrayOf(LogicalType.TEXT));
            });
        }
        if (function instanceof io.basalt.exec.function.json.JsonbExistsFunction exists) {
            if (texts.length == 2) {
                return infix(texts[0], exists.name(), texts[1]);
            }
            java.util.List<String> keys = exists.constantKeys();
            if (keys == null || texts.length != 1) {
                return null;
            }
            if (exists.kind() == io.basalt.exec.function.json.JsonbExistsFunction.Kind.ONE) {
                return infix(texts[0], "?", constant(keys.getFirst(), LogicalType.TEXT));
            }
            return infix(texts[0], exists.name(), constant(io.basalt.type.ArrayValue.of(keys),
                    LogicalType.arrayOf(LogicalType.TEXT)));
        }
        return null;
    }

    private static String likeOperator(String name) {
        return switch (name) {
            case "LIKE" -> "~~";
            case "ILIKE" -> "~~*";
            case "NOT LIKE" -> "!~~";
            case "NOT ILIKE" -> "!~~*";
            default -> null;
        };
    }

    /** The operator of Basalt's date/time arithmetic functions ({@code date_plus_days} is {@code +}), or null. */
    private static String dateTimeOperator(String name) {
        if (name.contains("_plus_")) {
            return "+";
        }
        if (name.contains("_minus_") || name.startsWith("negate_")) {
            return "-";
        }
        if (name.contains("_times_")) {
            return "*";
        }
        if (name.contains("_divided_by_")) {
            return "/";
        }
        return null;
    }

    /**
     * A constant as PostgreSQL's {@code get_const_expr} writes it: NULL; integers and positive decimals with a
     * point or exponent bare; true and false; everything else (and negative numbers) quoted with its type.
     */
    static String constant(Object value, LogicalType type) {
        if (value == null) {
            return "NULL";
        }
        String text = ValueAccess.text(type, value);
        TypeId id = type.id();
        if (id == TypeId.BOOLEAN) {
            return (Boolean) value ? "true" : "false";
        }
        if (id == TypeId.INTEGER && !text.startsWith("-")) {
            return text;
        }
        if (id == TypeId.NUMERIC && !text.isEmpty() && Character.isDigit(text.charAt(0))
                && (text.contains(".") || text.contains("e") || text.contains("E"))) {
            return text;
        }
        String literal = "'" + text.replace("'", "''") + "'";
        if (id == TypeId.UNKNOWN) {
            return literal;
        }
        return literal + "::" + type.displayName();
    }
}
