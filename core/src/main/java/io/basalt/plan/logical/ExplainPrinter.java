package io.basalt.plan.logical;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.function.aggregate.DistinctAggregate;
import io.basalt.exec.function.aggregate.OrderedAggregate;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.join.HashJoinOperator;
import io.basalt.exec.operator.scan.PathColumn;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.operator.sort.SortKey;
import io.basalt.optimizer.CardinalityEstimate;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.ExplainExpressions.Column;
import io.basalt.planner.PointLookups;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints an (optimized) logical plan the way PostgreSQL's EXPLAIN prints its plans in text format, without
 * cost estimates: one line per node or property, the root at the margin, children as {@code "->  "} lines
 * indented under their parent's properties, properties two spaces in from their node:
 *
 * <pre>
 * Limit
 *   ->  Sort
 *         Sort Key: b DESC
 *         ->  HashAggregate
 *               Group Key: b
 *               ->  Seq Scan on t
 *                     Filter: (a > 5)
 * </pre>
 *
 * Nodes take the names PostgreSQL gives their counterparts: a scan is a "Seq Scan on t" (or "Function Scan"),
 * a filter becomes the "Filter:" of the node below it, projections print nothing (VERBOSE shows them as the
 * "Output:" of the node that computes them), an aggregation is an "Aggregate" or, with GROUP BY, a
 * "HashAggregate" with its "Group Key:", a join a "Hash Join" under its "Hash Cond:" with a "Hash" above its
 * right input (a "Nested Loop" when no condition compares the two sides for equality), a query without FROM a
 * "Result". Column names are qualified with their relation when the plan reads more than one (and in
 * VERBOSE conditions), except in a scan's own filter (qualified only in VERBOSE), as PostgreSQL qualifies them.
 * A relation goes by the alias the query gave it ("Seq Scan on t t1", "(t1.a = t2.a)"), a table read twice
 * under one name by a numbered one ("t_1").
 */
public final class ExplainPrinter {
    /**
     * How a scan source is named: the node ("Seq Scan", "Function Scan"), the relation and its schema (null
     * for none), and its columns' names in order.
     */
    public record ScanLabel(String nodeName, String relation, String schema, List<String> columns) {
        public ScanLabel {
            requireNonNull(nodeName, "nodeName is null");
            requireNonNull(relation, "relation is null");
            columns = List.copyOf(columns);
        }
    }

    /** Names the scan sources of a plan (the engine knows the catalog; the plan does not). */
    @FunctionalInterface
    public interface ScanLabels {
        ScanLabel label(ScanSource source);

        /**
         * The point lookup a scan of {@code source} reading {@code columns} under a filter of {@code conjuncts} makes
         * (printed as an Index Scan), or null for a scan of every row.
         */
        default PointLookups.Lookup pointLookup(ScanSource source, List<BoundExpression> conjuncts, int[] columns) {
            return null;
        }

        /**
         * The GIN index a scan of {@code source} reads its candidate rows through under a filter of {@code conjuncts}
         * (printed as a Bitmap Heap Scan over a Bitmap Index Scan), or null.
         */
        default PointLookups.Lookup bitmapLookup(ScanSource source, List<BoundExpression> conjuncts, int[] columns) {
            return null;
        }

        /** Whether the session's enable_presorted_aggregate is on (PostgreSQL 16's planner setting). */
        default boolean presortedAggregates() {
            return true;
        }
    }

    /**
     * EXPLAIN ANALYZE's measured figures of a printed node, e.g. {@code " (actual rows=3 loops=1)"}, given the
     * topmost logical node it stands for; the empty string when nothing was measured.
     */
    @FunctionalInterface
    public interface NodeActuals {
        NodeActuals NONE = plan -> "";

        String text(LogicalPlan output);
    }

    private static final String VALUES_RELATION = "*VALUES*";

    private final ScanLabels labels;
    private final boolean verbose;
    /** The estimates printed after each node, or null for COSTS OFF. */
    private final PlanCosts costs;
    /** Whether names in output lists are qualified: PostgreSQL does when the plan reads several relations. */
    private final boolean qualifyOutputs;
    /** Whether names in conditions and keys are qualified: several relations, or VERBOSE. */
    private final boolean qualifyConditions;
    private final NodeActuals actuals;
    /** The name each table scan goes by in the plan: its FROM alias or its table's name, made unique. */
    private final java.util.IdentityHashMap<LogicalPlan.Scan, String> scanNames = new java.util.IdentityHashMap<>();
    /** The name of each scan source's first scan, in the order {@link #nameScans} meets them. */
    private final java.util.IdentityHashMap<ScanSource, String> firstScanNames = new java.util.IdentityHashMap<>();
    /** The name each VALUES list of several rows goes by: {@code *VALUES*}, then {@code *VALUES*_1}, ... */
    private final java.util.IdentityHashMap<LogicalPlan.Values, String> valuesNames = new java.util.IdentityHashMap<>();
    private final List<String> lines = new ArrayList<>();
    /** The number of each subquery the optimizer kept as an Apply: PostgreSQL's SubPlan or InitPlan number. */
    private final java.util.IdentityHashMap<LogicalPlan.Apply, Integer> subplanNumbers =
            new java.util.IdentityHashMap<>();
    /** The InitPlan number of each InitPlan over its input, by its values (which expressions name). */
    private final java.util.IdentityHashMap<io.basalt.exec.operator.subquery.InitPlanValues, Integer> initPlanNumbers =
            new java.util.IdentityHashMap<>();

    private ExplainPrinter(ScanLabels labels, boolean verbose, boolean costs, NodeActuals actuals, int relations) {
        this.labels = labels;
        this.actuals = actuals;
        this.verbose = verbose;
        this.costs = costs ? new PlanCosts() : null;
        this.qualifyOutputs = relations > 1;
        this.qualifyConditions = relations > 1 || verbose;
    }

    /** The lines of {@code plan}'s EXPLAIN (COSTS OFF); with {@code verbose}, PostgreSQL's VERBOSE form. */
    public static List<String> print(LogicalPlan plan, ScanLabels labels, boolean verbose) {
        return print(plan, labels, verbose, false);
    }

    /**
     * The lines of {@code plan}'s EXPLAIN; with {@code verbose}, PostgreSQL's VERBOSE form; with {@code costs},
     * each node's estimate ({@link PlanCosts}) after its name.
     */
    public static List<String> print(LogicalPlan plan, ScanLabels labels, boolean verbose, boolean costs) {
        return print(plan, labels, verbose, costs, NodeActuals.NONE);
    }

    /** As {@link #print(LogicalPlan, ScanLabels, boolean, boolean)}, each node followed by its {@code actuals}. */
    public static List<String> print(LogicalPlan plan, ScanLabels labels, boolean verbose, boolean costs,
                                     NodeActuals actuals) {
        return print(plan, labels, verbose, costs, actuals, false);
    }

    /**
     * As {@link #print(LogicalPlan, ScanLabels, boolean, boolean, NodeActuals)}; {@code inlinedRelations}: the
     * statement had subqueries in FROM or WITH references that the plan inlined, which PostgreSQL's range table
     * still counts when it decides whether to name columns with their relation.
     */
    public static List<String> print(LogicalPlan plan, ScanLabels labels, boolean verbose, boolean costs,
                                     NodeActuals actuals, boolean inlinedRelations) {
        requireNonNull(plan, "plan is null");
        requireNonNull(labels, "labels is null");
        requireNonNull(actuals, "actuals is null");
        ExplainPrinter printer = new ExplainPrinter(labels, verbose, costs, actuals,
                countRelations(plan) + (inlinedRelations ? 1 : 0));
        printer.nameScans(plan, new java.util.HashSet<>());
        printer.numberSubplans(plan);
        ScopedValue.where(ExplainExpressions.INIT_PLAN_NUMBERS, printer.initPlanNumbers)
                .run(() -> printer.node(plan, "", 2));
        return List.copyOf(printer.lines);
    }

    private static int countRelations(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> 1;
            case LogicalPlan.Values values -> values.rows().size() > 1 ? 1 : 0;
            case LogicalPlan.Filter filter -> countRelations(filter.input());
            case LogicalPlan.Project project -> countRelations(project.input());
            case LogicalPlan.Join join -> countRelations(join.left()) + countRelations(join.right());
            case LogicalPlan.LateralJoin join -> countRelations(join.left()) + countRelations(join.right());
            case LogicalPlan.FunctionScan function -> 1;
            case LogicalPlan.Aggregate aggregate -> countRelations(aggregate.input());
            case LogicalPlan.Sort sort -> countRelations(sort.input());
            case LogicalPlan.Limit limit -> countRelations(limit.input());
            case LogicalPlan.DistinctOn distinct -> countRelations(distinct.input());
            case LogicalPlan.Write write -> 1 + countRelations(write.input());
            case LogicalPlan.Append append -> countRelations(append.left()) + countRelations(append.right());
            case LogicalPlan.Repeat repeat -> countRelations(repeat.input());
            // the InitPlan reads its input's rows, not a relation of its own
            case LogicalPlan.InitPlanOverInput initPlan -> countRelations(initPlan.input());
            case LogicalPlan.SortedSetOperation setOperation ->
                    countRelations(setOperation.left()) + countRelations(setOperation.right());
            case LogicalPlan.RecursiveUnion union -> 1 + countRelations(union.seed()) + countRelations(union.step());
            case LogicalPlan.Window window -> countRelations(window.input());
            case LogicalPlan.Apply apply -> countRelations(apply.input()) + countRelations(apply.subquery());
        };
    }

    /**
     * Names the table scans of {@code plan}, inputs left to right as the query lists them: each by its FROM alias,
     * else its table's name, with {@code _1}, {@code _2}, ... appended when an earlier scan took the name, as
     * PostgreSQL names the relations of a plan it explains ({@code Seq Scan on t t_1}).
     */
    private void nameScans(LogicalPlan plan, java.util.Set<String> taken) {
        switch (plan) {
            case LogicalPlan.Scan scan -> {
                String name = scan.alias() != null ? scan.alias() : labels.label(scan.source()).relation();
                if (scan.memberOf() != null) {
                    // a member of an inheritance hierarchy: the hierarchy keeps its name, the members number it
                    name = scan.memberOf();
                    taken.add(name);
                }
                String unique = uniqueName(name, taken);
                scanNames.put(scan, unique);
                if (scan.memberOf() == null) {
                    firstScanNames.putIfAbsent(scan.source(), unique);
                }
            }
            case LogicalPlan.Values values -> {
                if (values.rows().size() > 1) {
                    valuesNames.put(values, uniqueName(VALUES_RELATION, taken));
                }
            }
            case LogicalPlan.FunctionScan function -> { }
            case LogicalPlan.Filter filter -> nameScans(filter.input(), taken);
            case LogicalPlan.Project project -> nameScans(project.input(), taken);
            case LogicalPlan.Join join -> {
                nameScans(join.left(), taken);
                nameScans(join.right(), taken);
            }
            case LogicalPlan.LateralJoin join -> {
                nameScans(join.left(), taken);
                nameScans(join.right(), taken);
            }
            case LogicalPlan.Aggregate aggregate -> nameScans(aggregate.input(), taken);
            case LogicalPlan.Sort sort -> nameScans(sort.input(), taken);
            case LogicalPlan.Limit limit -> nameScans(limit.input(), taken);
            case LogicalPlan.DistinctOn distinct -> nameScans(distinct.input(), taken);
            case LogicalPlan.Write write -> nameScans(write.input(), taken);
            case LogicalPlan.Append append -> {
                nameScans(append.left(), taken);
                nameScans(append.right(), taken);
            }
            case LogicalPlan.Repeat repeat -> nameScans(repeat.input(), taken);
            case LogicalPlan.InitPlanOverInput initPlan -> {
                nameScans(initPlan.input(), taken);
                nameScans(initPlan.subplan(), taken);
            }
            case LogicalPlan.SortedSetOperation setOperation -> {
                nameScans(setOperation.left(), taken);
                nameScans(setOperation.right(), taken);
            }
            case LogicalPlan.RecursiveUnion union -> {
                nameScans(union.seed(), taken);
                nameScans(union.step(), taken);
            }
            case LogicalPlan.Window window -> nameScans(window.input(), taken);
            case LogicalPlan.Apply apply -> {
                nameScans(apply.input(), taken);
                nameScans(apply.subquery(), taken);
            }
        }
    }

    /**
     * Numbers the kept subqueries as PostgreSQL numbers its SubPlans and InitPlans, in the order it plans them: a
     * subquery's own subqueries before it, the subqueries of one clause in the order written (the Applies a clause
     * stacks, from the bottom), the clauses of a query from the top (the SELECT list's before WHERE's).
     */
    private void numberSubplans(LogicalPlan plan) {
        if (plan instanceof LogicalPlan.Apply top) {
            List<LogicalPlan.Apply> stack = new ArrayList<>();
            LogicalPlan current = top;
            while (current instanceof LogicalPlan.Apply apply) {
                stack.addFirst(apply);
                current = apply.input();
            }
            for (LogicalPlan.Apply apply : stack) {
                numberSubplans(apply.subquery());
                subplanNumbers.put(apply, subplanNumbers.size() + initPlanNumbers.size() + 1);
            }
            numberSubplans(current);
            return;
        }
        if (plan instanceof LogicalPlan.InitPlanOverInput initPlan) {
            numberSubplans(initPlan.subplan());
            initPlanNumbers.put(initPlan.values(), subplanNumbers.size() + initPlanNumbers.size() + 1);
            numberSubplans(initPlan.input());
            return;
        }
        PlanChildren.map(plan, child -> {
            numberSubplans(child);
            return child;
        });
    }

    /**
     * Whether PostgreSQL runs {@code apply} as an InitPlan, once before the node that reads its value: a scalar
     * value or EXISTS of a subquery that reads no enclosing row. An ANY runs as a (hashed) SubPlan.
     */
    private static boolean isInitPlan(LogicalPlan.Apply apply) {
        return apply.kind() != LogicalPlan.SubqueryKind.ANY && !readsEnclosingRow(apply.subquery());
    }

    private static boolean readsEnclosingRow(LogicalPlan subquery) {
        boolean[] found = {false};
        PlanExpressions.rewrite(subquery, (expression, depth) -> {
            io.basalt.plan.expression.PlaceholderReplacement.replace(expression, leaf -> {
                if (leaf.function() instanceof io.basalt.plan.expression.Placeholder.OuterColumn outer
                        && outer.depth() > depth) {
                    found[0] = true;
                }
                return leaf;
            });
            return expression;
        });
        return found[0];
    }

    /** {@code "SubPlan 2"}, {@code "hashed SubPlan 2"} or {@code "InitPlan 2"}: how expressions name the subquery. */
    private String subplanName(LogicalPlan.Apply apply) {
        int number = subplanNumbers.getOrDefault(apply, 0);
        if (isInitPlan(apply)) {
            return "InitPlan " + number;
        }
        boolean hashed = apply.kind() == LogicalPlan.SubqueryKind.ANY && !readsEnclosingRow(apply.subquery())
                && apply.comparison() instanceof BoundExpression.Comparison comparison
                && comparison.operator() == CompareOp.EQ && HashJoinOperator.canHash(comparison.left().type());
        return (hashed ? "hashed " : "") + "SubPlan " + number;
    }

    /** Prints the kept subqueries that {@code node} evaluates, each under its "SubPlan n" or "InitPlan n" line. */
    private void subplans(List<LogicalPlan.Apply> applies, String properties, int indent) {
        List<LogicalPlan.Apply> ordered = new ArrayList<>(applies);
        ordered.sort(java.util.Comparator.comparingInt(apply -> subplanNumbers.getOrDefault(apply, 0)));
        for (LogicalPlan.Apply apply : ordered) {
            lines.add(properties + subplanName(apply).replace("hashed ", ""));
            List<List<Column>> enclosing = new ArrayList<>();
            enclosing.add(columns(apply.input()));
            enclosing.addAll(ExplainExpressions.ENCLOSING_ROWS.orElse(List.of()));
            ScopedValue.where(ExplainExpressions.ENCLOSING_ROWS, List.copyOf(enclosing))
                    .run(() -> node(apply.subquery(), properties + "  ->  ", indent + 8));
        }
    }

    /** {@code name}, or with the first of {@code _1}, {@code _2}, ... that makes it unique among {@code taken}. */
    private static String uniqueName(String name, java.util.Set<String> taken) {
        String unique = name;
        for (int suffix = 1; !taken.add(unique); suffix++) {
            unique = name + "_" + suffix;
        }
        return unique;
    }

    /** The quoted name a VALUES list of several rows goes by in this plan. */
    private String valuesName(LogicalPlan.Values values) {
        return IdentifierQuoting.quote(valuesNames.getOrDefault(values, VALUES_RELATION));
    }

    /** The name {@code scan} goes by in this plan (a scan built after naming, by its table's name). */
    private String scanName(LogicalPlan.Scan scan, ScanLabel label) {
        String name = scanNames.get(scan);
        return name != null ? name : label.relation();
    }

    /** {@code " t1"} after a scan's relation when the plan names it otherwise than its table, else nothing. */
    private String aliasSuffix(LogicalPlan.Scan scan, ScanLabel label) {
        String name = scanName(scan, label);
        return name.equals(label.relation()) ? "" : " " + IdentifierQuoting.quote(name);
    }

    /** {@code " t1"} after an UPDATE's or DELETE's table when its scan of the target goes by another name. */
    private String targetAlias(LogicalPlan.Write write) {
        if (write.kind() == LogicalPlan.WriteKind.INSERT) {
            return "";
        }
        String name = firstScanNames.get(write.table().store());
        return name == null || name.equals(write.table().name()) ? "" : " " + IdentifierQuoting.quote(name);
    }

    // ---------------------------------------------------------------- nodes

    /**
     * Prints the visible node at or below {@code plan}: projections are looked through (the topmost one names
     * the node's output), filters become properties of the node they sit on.
     *
     * @param prefix     what precedes the node's name: nothing at the root, else spaces and the arrow
     * @param indent     the column at which the node's properties (and its children's arrows) start
     */
    private void node(LogicalPlan plan, String prefix, int indent) {
        LogicalPlan output = plan;
        LogicalPlan current = plan;
        List<LogicalPlan.Filter> filters = new ArrayList<>();
        List<LogicalPlan.Apply> initPlans = new ArrayList<>();
        List<LogicalPlan.Apply> subPlans = new ArrayList<>();
        List<LogicalPlan.InitPlanOverInput> overInputs = new ArrayList<>();
        while (true) {
            if (current instanceof LogicalPlan.Project project) {
                current = project.input();
            } else if (current instanceof LogicalPlan.InitPlanOverInput initPlan) {
                // computed over the rows of the node below, which prints it as an InitPlan
                overInputs.add(initPlan);
                current = initPlan.input();
            } else if (current instanceof LogicalPlan.Apply apply) {
                // a kept subquery: its value is computed by the node below, which prints it as a SubPlan
                (isInitPlan(apply) ? initPlans : subPlans).add(apply);
                current = apply.input();
            } else if (current instanceof LogicalPlan.Filter filter && carriesFilter(below(filter.input()))) {
                filters.add(filter);
                current = filter.input();
            } else {
                break;
            }
        }
        String properties = " ".repeat(indent);
        String childPrefix = properties + "->  ";
        int childIndent = indent + 6;
        List<LogicalPlan> children = new ArrayList<>();
        List<String> details = new ArrayList<>();
        List<String> bitmapIndexScan = List.of();
        String presortKey = null;
        String name = switch (current) {
            case LogicalPlan.Scan scan -> {
                ScanLabel label = labels.label(scan.source());
                PointLookups.Lookup lookup = filters.size() == 1 && filters.getFirst().input() == scan
                        ? labels.pointLookup(scan.source(), filters.getFirst().conjuncts(), scan.columns()) : null;
                PointLookups.Lookup bitmap = lookup == null && filters.size() == 1
                        && filters.getFirst().input() == scan
                        ? labels.bitmapLookup(scan.source(), filters.getFirst().conjuncts(), scan.columns()) : null;
                if (bitmap != null) {
                    // the looked-up conjunct is rechecked on each candidate row; the rest stays a Filter
                    filters.clear();
                    details.add("Recheck Cond: " + scanCondition(bitmap.conditions(), scan));
                    if (!bitmap.others().isEmpty()) {
                        details.add("Filter: " + scanCondition(bitmap.others(), scan));
                    }
                    bitmapIndexScan = List.of(childPrefix + "Bitmap Index Scan on "
                                    + IdentifierQuoting.quote(bitmap.indexName()),
                            " ".repeat(childIndent) + "Index Cond: " + scanCondition(bitmap.conditions(), scan));
                    yield "Bitmap Heap Scan on " + relationName(label) + aliasSuffix(scan, label);
                }
                if (verbose && !scan.source().pathColumns().isEmpty()) {
                    details.add("Shredded Paths: " + shreddedPaths(scan.source().pathColumns(), label));
                }
                if (lookup == null) {
                    yield label.nodeName() + " on " + relationName(label) + aliasSuffix(scan, label);
                }
                // the lookup's equalities become the Index Cond, the rest of the filter stays a Filter
                filters.clear();
                details.add("Index Cond: " + scanCondition(lookup.conditions(), scan));
                if (!lookup.others().isEmpty()) {
                    details.add("Filter: " + scanCondition(lookup.others(), scan));
                }
                yield "Index Scan using " + IdentifierQuoting.quote(lookup.indexName()) + " on "
                        + relationName(label) + aliasSuffix(scan, label);
            }
            case LogicalPlan.Values values -> {
                if (values.rows().isEmpty()) {
                    // a relation known to be empty: PostgreSQL's Result that never runs its (absent) input
                    details.add("One-Time Filter: false");
                    yield "Result";
                }
                yield values.rows().size() == 1 ? "Result" : "Values Scan on " + valuesName(values);
            }
            case LogicalPlan.Filter filter -> {
                // a filter over a node that cannot carry one (a sort, a limit): PostgreSQL's Result with a Filter
                details.add("Filter: " + condition(filter.conjuncts(), filter.input()));
                children.add(filter.input());
                yield "Result";
            }
            case LogicalPlan.Project project -> throw new AssertionError("projections are looked through");
            case LogicalPlan.Aggregate aggregate when filters.size() == 1
                    && SetOperationShape.setOperation(aggregate, filters.getFirst().conjuncts()) != null -> {
                // INTERSECT / EXCEPT, run by counting each row's occurrences on both sides: PostgreSQL's SetOp
                String operation = SetOperationShape.setOperation(aggregate, filters.getFirst().conjuncts());
                filters.clear();
                LogicalPlan.Append sides = (LogicalPlan.Append) below(aggregate.input());
                children.add(sides.left());
                children.add(sides.right());
                yield (aggregate.groupKeys().isEmpty() ? "SetOp " : "HashSetOp ") + operation;
            }
            case LogicalPlan.Aggregate aggregate -> {
                if (!aggregate.groupKeys().isEmpty()) {
                    details.add("Group Key: " + keys(aggregate.groupKeys(), aggregate.input()));
                } else if (labels.presortedAggregates()) {
                    presortKey = presortKey(aggregate);
                }
                if (presortKey == null) {
                    children.add(aggregate.input());
                }
                if (aggregate.groupKeys().isEmpty() && aggregate.aggregates().isEmpty()
                        && aggregate.groupingSets() == null) {
                    yield "Unique"; // DISTINCT of rows without columns (a UNION of them): PostgreSQL's Unique
                }
                yield aggregate.groupKeys().isEmpty() ? "Aggregate" : "HashAggregate";
            }
            case LogicalPlan.Sort sort -> {
                details.add("Sort Key: " + sortKeys(sort));
                children.add(sort.input());
                yield "Sort";
            }
            case LogicalPlan.Limit limit -> {
                children.add(limit.input());
                yield "Limit";
            }
            case LogicalPlan.DistinctOn distinct -> {
                // PostgreSQL runs DISTINCT ON as a Unique node over sorted input
                children.add(distinct.input());
                yield "Unique";
            }
            case LogicalPlan.Write write -> {
                children.add(write.input());
                String operation = switch (write.kind()) {
                    case INSERT -> "Insert on ";
                    case UPDATE -> "Update on ";
                    case DELETE -> "Delete on ";
                };
                yield operation + (verbose ? IdentifierQuoting.quote(write.table().schema()) + "." : "")
                        + IdentifierQuoting.quote(write.table().name()) + targetAlias(write);
            }
            case LogicalPlan.Join join -> join(join, details);
            case LogicalPlan.LateralJoin join -> {
                // PostgreSQL runs a correlated LATERAL item as a Nested Loop whose inner side reads the outer row
                if (!join.conjuncts().isEmpty()) {
                    details.add("Join Filter: " + condition(join.conjuncts(), join));
                }
                children.add(join.left());
                children.add(join.right());
                yield join.type() == LogicalPlan.JoinType.LEFT ? "Nested Loop Left Join" : "Nested Loop";
            }
            case LogicalPlan.FunctionScan function -> "Function Scan on " + function.function().name();
            case LogicalPlan.Append append -> {
                appendedInputs(append, children);
                yield "Append";
            }
            case LogicalPlan.SortedSetOperation setOperation -> {
                // PostgreSQL's SetOp over two sorted inputs (a HashSetOp when it hashes)
                children.add(setOperation.left());
                children.add(setOperation.right());
                yield setOperation.intersect() ? "SetOp Intersect" : "SetOp Except";
            }
            case LogicalPlan.RecursiveUnion union -> {
                children.add(union.seed());
                children.add(union.step());
                yield "Recursive Union";
            }
            case LogicalPlan.Repeat repeat -> {
                // INTERSECT ALL / EXCEPT ALL: each row repeated as many times as the counts of both sides give
                String operation = repeatedSetOperation(repeat);
                if (operation == null) {
                    children.add(repeat.input());
                    yield "SetOp";
                }
                LogicalPlan.Aggregate counts = (LogicalPlan.Aggregate) below(repeat.input());
                LogicalPlan.Append sides = (LogicalPlan.Append) below(counts.input());
                children.add(sides.left());
                children.add(sides.right());
                yield (counts.groupKeys().isEmpty() ? "SetOp " : "HashSetOp ") + operation + " All";
            }
            case LogicalPlan.Window window -> {
                // PostgreSQL's WindowAgg sits on a Sort by the window's keys; Basalt's operator sorts itself
                children.add(window.input());
                yield "WindowAgg";
            }
            case LogicalPlan.Apply apply -> throw new AssertionError("kept subqueries are looked through");
            case LogicalPlan.InitPlanOverInput initPlan -> throw new AssertionError("InitPlans are looked through");
        };
        for (LogicalPlan.Filter filter : filters.reversed()) {
            String kind = current instanceof LogicalPlan.Values values && values.rows().size() == 1
                    && isConstant(filter.conjuncts()) ? "One-Time Filter: " : "Filter: ";
            // a scan's own filter names its columns bare unless VERBOSE, an upper node's as other conditions
            boolean scanLevel = current instanceof LogicalPlan.Scan || current instanceof LogicalPlan.Values;
            details.add(kind + (scanLevel ? scanCondition(filter.conjuncts(), filter.input())
                    : condition(filter.conjuncts(), filter.input())));
        }
        lines.add(prefix + name + (costs == null ? "" : costs.of(output).text()) + actuals.text(output));
        // PostgreSQL prints no output list for an Append (its rows are its inputs')
        if (verbose && !(current instanceof LogicalPlan.Write) && !(current instanceof LogicalPlan.Append)) {
            lines.add(properties + "Output: " + outputList(output));
        }
        for (String detail : details) {
            lines.add(properties + detail);
        }
        lines.addAll(bitmapIndexScan);
        // PostgreSQL prints a node's InitPlans before its inputs and its SubPlans after them
        subplans(initPlans, properties, indent);
        for (LogicalPlan.InitPlanOverInput initPlan : overInputs) {
            lines.add(properties + "InitPlan " + initPlanNumbers.getOrDefault(initPlan.values(), 0));
            node(initPlan.subplan(), properties + "  ->  ", indent + 8);
        }
        if (presortKey != null) {
            // the ordered aggregates sort their own rows: shown as the Sort PostgreSQL puts below the Aggregate
            LogicalPlan.Aggregate aggregate = (LogicalPlan.Aggregate) current;
            lines.add(childPrefix + "Sort" + (costs == null ? "" : costs.of(aggregate.input()).text())
                    + actuals.text(aggregate.input()));
            lines.add(" ".repeat(childIndent) + "Sort Key: " + presortKey);
            node(aggregate.input(), " ".repeat(childIndent) + "->  ", childIndent + 6);
        }
        if (current instanceof LogicalPlan.Join join) {
            boolean swapped = buildsLeft(join);
            LogicalPlan outer = swapped ? join.right() : join.left();
            LogicalPlan inner = swapped ? join.left() : join.right();
            node(outer, childPrefix, childIndent);
            if (isHashJoin(join)) {
                String hash = "Hash";
                if (costs != null) {
                    PlanCosts.Estimate built = costs.of(inner);
                    hash += new PlanCosts.Estimate(built.total(), built.total(), built.rows(), built.width()).text();
                }
                // the Hash node holds what its input produced
                hash += actuals.text(inner);
                lines.add(childPrefix + hash);
                if (verbose) {
                    lines.add(" ".repeat(childIndent) + "Output: " + outputList(inner));
                }
                node(inner, " ".repeat(childIndent) + "->  ", childIndent + 6);
            } else {
                node(inner, childPrefix, childIndent);
            }
        }
        for (LogicalPlan child : children) {
            node(child, childPrefix, childIndent);
        }
        subplans(subPlans, properties, indent);
    }

    /**
     * "Intersect" or "Except" when {@code repeat} runs INTERSECT ALL or EXCEPT ALL: each row of the side counts
     * repeated the lesser of its two counts (a CASE) or their difference; else null.
     */
    private static String repeatedSetOperation(LogicalPlan.Repeat repeat) {
        if (!(repeat.input() instanceof LogicalPlan.Project project)
                || !(below(project.input()) instanceof LogicalPlan.Aggregate counts) || !SetOperationShape.countsSides(counts)) {
            return null;
        }
        return switch (project.expressions().getLast()) {
            case BoundExpression.Case copies -> "Intersect";
            case BoundExpression.Arithmetic copies -> "Except";
            default -> null;
        };
    }

    /**
     * The Sort Key PostgreSQL (16 and later) presorts the input of an aggregation without GROUP BY by, so that its
     * aggregates with ORDER BY or DISTINCT read their rows in order: of the orderings they ask for, the one that serves
     * the most of them (an ordering serves the aggregates whose ordering is a prefix of it), the first on ties, as
     * PostgreSQL's adjust_group_pathkeys_for_groupagg picks it; null when no aggregate asks for an order.
     */
    private String presortKey(LogicalPlan.Aggregate aggregate) {
        List<Column> input = columns(aggregate.input());
        List<List<String>> orderings = new ArrayList<>();
        for (LogicalPlan.AggregateSpec spec : aggregate.aggregates()) {
            List<String> ordering = new ArrayList<>();
            // with a FILTER, only keys that are plain columns (rows the filter drops must not be evaluated)
            boolean plainOnly = spec.filter() != null;
            boolean presorted = true;
            if (spec.function() instanceof OrderedAggregate ordered) {
                for (SortKey key : ordered.keys()) {
                    BoundExpression expression = relabeled(
                            spec.extraArguments().get(ordered.innerArity() - 1 + key.column()));
                    presorted &= !plainOnly || expression instanceof BoundExpression.ColumnRef
                            || expression instanceof BoundExpression.Constant;
                    if (!(expression instanceof BoundExpression.Constant)) {
                        ordering.add(presortText(expression, input) + (key.descending()
                                ? key.nullsFirst() ? " DESC" : " DESC NULLS LAST"
                                : key.nullsFirst() ? " NULLS FIRST" : ""));
                    }
                }
            } else if (spec.function() instanceof DistinctAggregate && spec.argument() != null) {
                List<BoundExpression> arguments = new ArrayList<>(List.of(spec.argument()));
                arguments.addAll(spec.extraArguments());
                for (BoundExpression argument : arguments) {
                    BoundExpression expression = relabeled(argument);
                    presorted &= !plainOnly || expression instanceof BoundExpression.ColumnRef
                            || expression instanceof BoundExpression.Constant;
                    if (!(expression instanceof BoundExpression.Constant)) {
                        ordering.add(presortText(expression, input));
                    }
                }
            }
            if (presorted && !ordering.isEmpty()) {
                orderings.add(ordering);
            }
        }
        List<String> best = null;
        int served = 0;
        List<List<String>> unprocessed = new ArrayList<>(orderings);
        while (!unprocessed.isEmpty()) {
            List<String> current = unprocessed.removeFirst();
            int count = 1;
            for (java.util.Iterator<List<String>> others = unprocessed.iterator(); others.hasNext(); ) {
                List<String> other = others.next();
                if (isPrefix(other, current)) {
                    count++;
                    others.remove();
                } else if (isPrefix(current, other)) {
                    current = other;
                    count++;
                    others.remove();
                }
            }
            if (count > served) {
                best = current;
                served = count;
            }
        }
        return best == null ? null : String.join(", ", best);
    }

    /** {@code expression} without an implicit varchar-to-text cast, which PostgreSQL makes without a function. */
    private static BoundExpression relabeled(BoundExpression expression) {
        if (expression instanceof BoundExpression.Cast cast && !cast.explicit() && cast.type().id() == TypeId.TEXT
                && cast.operand().type().id() == TypeId.VARCHAR) {
            return cast.operand();
        }
        return expression;
    }

    private String presortText(BoundExpression expression, List<Column> input) {
        String text = ExplainExpressions.deparse(expression, input, qualifyConditions);
        return expression instanceof BoundExpression.ColumnRef ? text : "(" + text + ")";
    }

    private static boolean isPrefix(List<String> prefix, List<String> of) {
        return prefix.size() <= of.size() && of.subList(0, prefix.size()).equals(prefix);
    }

    /** The first node below {@code plan} that is not a projection or a kept subquery. */
    private static LogicalPlan below(LogicalPlan plan) {
        LogicalPlan current = plan;
        while (current instanceof LogicalPlan.Project || current instanceof LogicalPlan.Apply
                || current instanceof LogicalPlan.InitPlanOverInput) {
            current = switch (current) {
                case LogicalPlan.Project project -> project.input();
                case LogicalPlan.Apply apply -> apply.input();
                default -> ((LogicalPlan.InitPlanOverInput) current).input();
            };
        }
        return current;
    }

    /** Whether PostgreSQL would show a filter over {@code plan} as a "Filter:" of that node. */
    private static boolean carriesFilter(LogicalPlan plan) {
        return plan instanceof LogicalPlan.Scan || plan instanceof LogicalPlan.Values
                || plan instanceof LogicalPlan.Aggregate || plan instanceof LogicalPlan.Join
                || plan instanceof LogicalPlan.Filter;
    }

    private String relationName(ScanLabel label) {
        String relation = IdentifierQuoting.quote(label.relation());
        return verbose && label.schema() != null ? IdentifierQuoting.quote(label.schema()) + "." + relation : relation;
    }

    /**
     * The join's name and its "Hash Cond" and "Join Filter" lines, as the physical planner will run it: a hash
     * join on the equalities between the two sides (of types it can hash), else a nested loop; built on the
     * smaller input, so when that is the left one the sides print swapped (the outer, probing input first)
     * and a LEFT join is a "Right" one, as PostgreSQL would show the same plan.
     */
    private String join(LogicalPlan.Join join, List<String> details) {
        int leftWidth = join.left().outputTypes().size();
        boolean swapped = buildsLeft(join);
        List<BoundExpression> equalities = new ArrayList<>();
        List<BoundExpression> others = new ArrayList<>();
        for (BoundExpression conjunct : join.conjuncts()) {
            if (conjunct instanceof BoundExpression.Constant constant && Boolean.TRUE.equals(constant.value())) {
                continue;
            }
            if (isEquality(conjunct, leftWidth)) {
                BoundExpression.Comparison comparison = (BoundExpression.Comparison) conjunct;
                boolean leftFirst = sides(comparison.left(), leftWidth) == 1;
                boolean outerFirst = leftFirst != swapped;
                equalities.add(outerFirst ? comparison : new BoundExpression.Comparison(comparison.operator(),
                        comparison.right(), comparison.left(), comparison.position()));
            } else {
                others.add(conjunct);
            }
        }
        boolean hash = !equalities.isEmpty();
        List<Column> input = new ArrayList<>(columns(join.left()));
        input.addAll(columns(join.right()));
        if (hash) {
            details.add("Hash Cond: " + ExplainExpressions.conjunction(equalities, input, qualifyConditions));
        }
        if (!others.isEmpty()) {
            details.add("Join Filter: " + ExplainExpressions.conjunction(others, input, qualifyConditions));
        }
        String kind = switch (join.type()) {
            case INNER -> "";
            case LEFT -> swapped ? " Right" : " Left";
            case RIGHT -> swapped ? " Left" : " Right";
            case FULL -> " Full";
            case SEMI -> swapped ? " Right Semi" : " Semi";
            case ANTI -> swapped ? " Right Anti" : " Anti";
        };
        if (hash) {
            return "Hash" + kind + " Join";
        }
        return kind.isEmpty() ? "Nested Loop" : "Nested Loop" + kind + " Join";
    }

    /** Whether the planner builds on the left input (the smaller one), probing with the right. */
    private static boolean buildsLeft(LogicalPlan.Join join) {
        return io.basalt.optimizer.BuildSide.buildsLeft(join, isHashJoin(join));
    }

    private static boolean isHashJoin(LogicalPlan.Join join) {
        int leftWidth = join.left().outputTypes().size();
        for (BoundExpression conjunct : join.conjuncts()) {
            if (isEquality(conjunct, leftWidth)) {
                return true;
            }
        }
        return false;
    }

    /** An equality of hashable values whose one side reads only the left input and the other only the right. */
    private static boolean isEquality(BoundExpression conjunct, int leftWidth) {
        if (!(conjunct instanceof BoundExpression.Comparison comparison)
                || comparison.operator() != CompareOp.EQ
                || !HashJoinOperator.canHash(comparison.left().type())) {
            return false;
        }
        int left = sides(comparison.left(), leftWidth);
        int right = sides(comparison.right(), leftWidth);
        return (left == 1 && right == 2) || (left == 2 && right == 1);
    }

    /** Which inputs an expression reads: 0 none, 1 the left only, 2 the right only, 3 both. */
    private static int sides(BoundExpression expression, int leftWidth) {
        int[] found = {0};
        visitColumns(expression, index -> found[0] |= index < leftWidth ? 1 : 2);
        return found[0];
    }

    private static boolean isConstant(List<BoundExpression> conjuncts) {
        boolean[] readsColumn = {false};
        for (BoundExpression conjunct : conjuncts) {
            visitColumns(conjunct, index -> readsColumn[0] = true);
        }
        return !readsColumn[0];
    }

    private static void visitColumns(BoundExpression expression, java.util.function.IntConsumer visitor) {
        switch (expression) {
            case BoundExpression.ColumnRef e -> visitor.accept(e.index());
            case BoundExpression.Constant e -> { }
            case BoundExpression.Arithmetic e -> {
                visitColumns(e.left(), visitor);
                visitColumns(e.right(), visitor);
            }
            case BoundExpression.Negate e -> visitColumns(e.operand(), visitor);
            case BoundExpression.Comparison e -> {
                visitColumns(e.left(), visitor);
                visitColumns(e.right(), visitor);
            }
            case BoundExpression.Logical e -> e.operands().forEach(operand -> visitColumns(operand, visitor));
            case BoundExpression.Not e -> visitColumns(e.operand(), visitor);
            case BoundExpression.IsNull e -> visitColumns(e.operand(), visitor);
            case BoundExpression.Cast e -> visitColumns(e.operand(), visitor);
            case BoundExpression.Case e -> {
                e.conditions().forEach(condition -> visitColumns(condition, visitor));
                e.results().forEach(result -> visitColumns(result, visitor));
                if (e.otherwise() != null) {
                    visitColumns(e.otherwise(), visitor);
                }
            }
            case BoundExpression.Function e -> e.arguments().forEach(argument -> visitColumns(argument, visitor));
            case BoundExpression.AggregateCall e -> {
                for (BoundExpression operand : e.operands()) {
                    visitColumns(operand, visitor);
                }
            }
        }
    }

    // ---------------------------------------------------------------- properties

    /** A scan's filter or index condition: qualified only in VERBOSE, as PostgreSQL's show_scan_qual does. */
    private String scanCondition(List<BoundExpression> conjuncts, LogicalPlan input) {
        return ExplainExpressions.conjunction(conjuncts, columns(input), verbose);
    }

    private String condition(List<BoundExpression> conjuncts, LogicalPlan input) {
        return ExplainExpressions.conjunction(conjuncts, columns(input), qualifyConditions);
    }

    private String keys(List<BoundExpression> keys, LogicalPlan input) {
        List<Column> columns = columns(input);
        List<String> texts = new ArrayList<>();
        for (BoundExpression key : keys) {
            texts.add(ExplainExpressions.deparse(key, columns, qualifyConditions));
        }
        return String.join(", ", texts);
    }

    /**
     * Basalt's own VERBOSE detail of a scan reading JSONB paths from their shredded sub-columns: each path as
     * {@code doc #>> '{a,b}'} (text), {@code doc #> '{a,b}'} (jsonb) or with the type it is read as.
     */
    private static String shreddedPaths(List<PathColumn> paths, ScanLabel label) {
        List<String> texts = new ArrayList<>();
        for (PathColumn path : paths) {
            String document = path.column() < label.columns().size()
                    ? IdentifierQuoting.quote(label.columns().get(path.column())) : "column" + (path.column() + 1);
            TypeId type = path.type().id();
            texts.add(document + (type == TypeId.JSONB ? " #> '{" : " #>> '{") + String.join(",", path.keys()) + "}'"
                    + (type == TypeId.TEXT || type == TypeId.JSONB ? "" : "::" + path.type().displayName()));
        }
        return String.join(", ", texts);
    }

    /** Sort keys: plain columns by name, computed ones in parentheses, with the non-default directions. */
    private String sortKeys(LogicalPlan.Sort sort) {
        List<Column> columns = columns(sort.input());
        List<String> texts = new ArrayList<>();
        for (LogicalPlan.SortSpec key : sort.keys()) {
            Column column = columns.get(key.column());
            String text = column.plain() ? column.text(qualifyConditions) : "(" + column.text(qualifyConditions) + ")";
            if (key.descending()) {
                text += key.nullsFirst() ? " DESC" : " DESC NULLS LAST";
            } else if (key.nullsFirst()) {
                text += " NULLS FIRST";
            }
            texts.add(text);
        }
        return String.join(", ", texts);
    }

    private String outputList(LogicalPlan plan) {
        List<String> texts = new ArrayList<>();
        for (Column column : columns(plan)) {
            texts.add(column.text(qualifyOutputs));
        }
        return String.join(", ", texts);
    }

    // ---------------------------------------------------------------- column names

    /** The output columns of {@code plan} as EXPLAIN names them. */
    private List<Column> columns(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> {
                ScanLabel label = labels.label(scan.source());
                String relation = IdentifierQuoting.quote(scanName(scan, label));
                List<Column> columns = new ArrayList<>();
                List<PathColumn> paths = scan.source().pathColumns();
                int firstPath = scan.source().columnTypes().size() - 2 * paths.size();
                for (int index : scan.columns()) {
                    // PostgreSQL's name for a row's id is its system column ctid; a path column (a JSONB column's
                    // shredded path) goes by its document's name, which its extraction prints
                    int named = !paths.isEmpty() && index >= firstPath ? paths.get((index - firstPath) / 2).column()
                            : index;
                    // a function returning one value per row (generate_series) names its column as its relation
                    String name = index == ScanSource.ROW_ID ? "ctid"
                            : named < label.columns().size() ? IdentifierQuoting.quote(label.columns().get(named))
                            : label.nodeName().equals("Function Scan")
                                    ? IdentifierQuoting.quote(scan.alias() != null ? scan.alias() : label.relation())
                            : "column" + (index + 1);
                    columns.add(new Column(name, relation + "." + name, true));
                }
                yield columns;
            }
            case LogicalPlan.Values values -> {
                List<Column> columns = new ArrayList<>();
                for (int c = 0; c < values.outputTypes().size(); c++) {
                    if (values.rows().size() == 1) {
                        String text = ExplainExpressions.deparse(values.rows().getFirst().get(c), List.of(), false);
                        columns.add(new Column(text, text, false));
                    } else {
                        String name = "column" + (c + 1);
                        columns.add(new Column(name, valuesName(values) + "." + name, true));
                    }
                }
                yield columns;
            }
            case LogicalPlan.Filter filter -> columns(filter.input());
            case LogicalPlan.Project project -> {
                List<Column> input = columns(project.input());
                List<Column> columns = new ArrayList<>();
                for (BoundExpression expression : project.expressions()) {
                    columns.add(computed(expression, input));
                }
                yield columns;
            }
            case LogicalPlan.Join join -> {
                List<Column> columns = new ArrayList<>(columns(join.left()));
                if (join.type().keepsRightColumns()) {
                    columns.addAll(columns(join.right()));
                }
                yield columns;
            }
            case LogicalPlan.Aggregate aggregate -> {
                List<Column> input = columns(aggregate.input());
                List<Column> columns = new ArrayList<>();
                for (BoundExpression key : aggregate.groupKeys()) {
                    columns.add(computed(key, input));
                }
                for (LogicalPlan.AggregateSpec spec : aggregate.aggregates()) {
                    String bare = spec.describe(operand -> ExplainExpressions.deparse(operand, input, false));
                    String qualified = spec.describe(operand -> ExplainExpressions.deparse(operand, input, true));
                    columns.add(new Column(bare, qualified, false));
                }
                yield columns;
            }
            case LogicalPlan.Sort sort -> columns(sort.input());
            case LogicalPlan.Limit limit -> columns(limit.input());
            case LogicalPlan.DistinctOn distinct -> columns(distinct.input());
            case LogicalPlan.Write write -> List.of();
            case LogicalPlan.Append append -> {
                // the members of an inheritance hierarchy give their rows as rows of the table the query names
                LogicalPlan.Scan member = leftmostScan(append);
                List<Column> columns = columns(append.left());
                if (member == null || member.memberOf() == null) {
                    yield columns;
                }
                String parent = IdentifierQuoting.quote(member.memberOf());
                List<Column> named = new ArrayList<>();
                for (Column column : columns) {
                    named.add(column.plain() ? new Column(column.bare(), parent + "." + column.bare(), true) : column);
                }
                yield named;
            }
            case LogicalPlan.SortedSetOperation setOperation -> columns(setOperation.left());
            case LogicalPlan.RecursiveUnion union -> columns(union.seed());
            case LogicalPlan.InitPlanOverInput initPlan -> columns(initPlan.input());
            case LogicalPlan.Repeat repeat -> {
                List<Column> input = columns(repeat.input());
                yield new ArrayList<>(input.subList(0, input.size() - 1));
            }
            case LogicalPlan.LateralJoin join -> {
                List<Column> columns = new ArrayList<>(columns(join.left()));
                columns.addAll(columns(join.right()));
                yield columns;
            }
            case LogicalPlan.FunctionScan function -> {
                List<Column> columns = new ArrayList<>();
                for (int c = 0; c < function.outputTypes().size(); c++) {
                    String name = function.function().name();
                    columns.add(new Column(name, name + "." + name, true));
                }
                yield columns;
            }
            case LogicalPlan.Apply apply -> {
                List<Column> columns = new ArrayList<>(columns(apply.input()));
                columns.add(subplanValue(apply, columns));
                yield columns;
            }
            case LogicalPlan.Window window -> {
                List<Column> input = columns(window.input());
                List<Column> columns = new ArrayList<>(input);
                for (LogicalPlan.WindowCallSpec call : window.calls()) {
                    List<String> bare = new ArrayList<>();
                    List<String> qualified = new ArrayList<>();
                    for (BoundExpression argument : call.arguments()) {
                        bare.add(ExplainExpressions.deparse(argument, input, false));
                        qualified.add(ExplainExpressions.deparse(argument, input, true));
                    }
                    String name = call.function().name();
                    columns.add(new Column(name + "(" + String.join(", ", bare) + ") OVER (?)",
                            name + "(" + String.join(", ", qualified) + ") OVER (?)", false));
                }
                yield columns;
            }
        };
    }

    /**
     * The value a kept subquery gives its input's rows, as PostgreSQL writes it: {@code (InitPlan 1).col1},
     * {@code (SubPlan 1)}, {@code EXISTS(SubPlan 1)}, {@code (ANY (a = (hashed SubPlan 1).col1))}.
     */
    private Column subplanValue(LogicalPlan.Apply apply, List<Column> input) {
        String name = subplanName(apply);
        if (isInitPlan(apply)) {
            String text = "(" + name + ").col1";
            return new Column(text, text, false);
        }
        if (apply.kind() == LogicalPlan.SubqueryKind.SCALAR) {
            return new Column("(" + name + ")", "(" + name + ")", false);
        }
        if (apply.kind() == LogicalPlan.SubqueryKind.EXISTS) {
            return new Column("EXISTS(" + name + ")", "EXISTS(" + name + ")", false);
        }
        List<Column> compared = new ArrayList<>(input);
        String value = "(" + name + ").col1";
        compared.add(new Column(value, value, false));
        Column all = null;
        if (apply.comparison() instanceof BoundExpression.Comparison comparison
                && comparison.operator() != CompareOp.EQ) {
            // x op ALL (q) is bound as NOT (x negated-op ANY (q)): its NOT prints as the ALL it stands for (but
            // NOT (x = ANY (q)) is far likelier NOT IN than <> ALL, which PostgreSQL prints as NOT (ANY ...))
            BoundExpression tested = new BoundExpression.Comparison(comparison.operator().negate(),
                    comparison.left(), comparison.right(), comparison.position());
            all = new Column("(ALL " + ExplainExpressions.deparse(tested, compared, false) + ")",
                    "(ALL " + ExplainExpressions.deparse(tested, compared, true) + ")", false);
        }
        return new Column("(ANY " + ExplainExpressions.deparse(apply.comparison(), compared, false) + ")",
                "(ANY " + ExplainExpressions.deparse(apply.comparison(), compared, true) + ")", false, all);
    }

    /** The scan an Append's first rows come from, through projections and filters; null when another node. */
    private static LogicalPlan.Scan leftmostScan(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> scan;
            case LogicalPlan.Append append -> leftmostScan(append.left());
            case LogicalPlan.Project project -> leftmostScan(project.input());
            case LogicalPlan.Filter filter -> leftmostScan(filter.input());
            default -> null;
        };
    }

    /** The inputs of a chain of UNION ALLs, in order: one Append node, as PostgreSQL prints it. */
    private static void appendedInputs(LogicalPlan plan, List<LogicalPlan> inputs) {
        if (plan instanceof LogicalPlan.Append append) {
            appendedInputs(append.left(), inputs);
            appendedInputs(append.right(), inputs);
        } else {
            inputs.add(plan);
        }
    }

    /** A column computed by {@code expression}: plain when it only passes an input column on. */
    private static Column computed(BoundExpression expression, List<Column> input) {
        if (expression instanceof BoundExpression.ColumnRef reference && reference.index() < input.size()) {
            return input.get(reference.index());
        }
        return new Column(ExplainExpressions.deparse(expression, input, false),
                ExplainExpressions.deparse(expression, input, true), false);
    }
}
