package io.basalt.optimizer.rule;

import io.basalt.exec.function.json.JsonbExtractFunction;
import io.basalt.exec.function.json.PathConditionFunction;
import io.basalt.exec.function.json.PathValueFunction;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.scan.PathColumn;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.PathColumnFallback;
import io.basalt.storage.column.shred.JsonbShredding;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.json.path.MemberJsonPath;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Reads JSONB path extractions from the scan's path columns ({@link PathColumn}), which a table fills from the
 * shredded sub-columns of its row groups. An extraction is {@code col->'a'->>'b'}, {@code col #>> '{a,b}'} (object
 * keys, constant) or such a text cast to smallint, integer, bigint, double precision, boolean or numeric, or the member itself
 * ({@code col->'a'->'b'}, {@code col #> '{a,b}'}, jsonb); each becomes a call
 * of {@link PathValueFunction} over the path column's two scan columns, which falls back to the extraction as written
 * for the rows the sub-column does not cover, so results and errors do not change. Comparisons of an extraction
 * with a constant in the filter also go to the scan as predicates on the path column, which skip row groups by the
 * sub-column's zone map. The JSONB column leaves the scan's columns when nothing else reads it (the scan still reads
 * it, per row group, for the rows that need their document).
 *
 * <pre>
 * before: Project[doc->>'brand']                    after: Project[path(#2, #3)]
 *           Filter[(doc->'specs'->>'ram')::int > 32]          Filter[path(#0, #1) > 32]
 *             Scan docs [doc]                                   Scan docs [path specs.ram::int, path brand]
 *                                                                 predicates: specs.ram::int > 32
 * </pre>
 *
 * Only a Filter, Project or Aggregate directly over a scan (a Project or Aggregate possibly over a Filter over it) is
 * rewritten, and nothing at all while {@code basalt.jsonb_shredding} is off ({@link JsonbShredding}).
 */
public final class ReadShreddedPaths implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return JsonbShredding.enabled() ? rewrite(plan) : plan;
    }

    private LogicalPlan rewrite(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Project project when scanBelow(project.input()) -> {
                LogicalPlan rewritten = rewriteOver(project.input(), project.expressions(), List.of(), false);
                yield rewritten == null ? plan : rewritten;
            }
            case LogicalPlan.Aggregate aggregate when aggregate.groupingSets() == null && scanBelow(aggregate.input()) -> {
                LogicalPlan rewritten = rewriteOver(aggregate.input(), aggregate.groupKeys(), aggregate.aggregates(),
                        true);
                yield rewritten == null ? plan : rewritten;
            }
            case LogicalPlan.Filter filter when filter.input() instanceof LogicalPlan.Scan -> {
                LogicalPlan rewritten = rewriteOver(filter, null, List.of(), false);
                yield rewritten == null ? plan : rewritten;
            }
            default -> PlanInputs.map(plan, this::rewrite);
        };
    }

    private static boolean scanBelow(LogicalPlan plan) {
        return plan instanceof LogicalPlan.Scan
                || plan instanceof LogicalPlan.Filter filter && filter.input() instanceof LogicalPlan.Scan;
    }

    /** The path columns of the extractions found so far, each once, in the order found. */
    private static final class Found {
        final List<PathColumn> paths = new ArrayList<>();
    }

    /**
     * Rewrites {@code input} (a Scan, or a Filter over one) and the expressions above it: {@code upper} are a Project's
     * expressions (or an Aggregate's group keys, {@code aggregate} set, with {@code specs}); {@code upper} null means
     * the Filter alone, whose columns an identity projection then keeps. Null when there is nothing to rewrite or the
     * source has no path columns to offer.
     */
    private static LogicalPlan rewriteOver(LogicalPlan input, List<BoundExpression> upper,
                                           List<LogicalPlan.AggregateSpec> specs, boolean aggregate) {
        LogicalPlan.Filter filter = input instanceof LogicalPlan.Filter f ? f : null;
        LogicalPlan.Scan scan = (LogicalPlan.Scan) (filter == null ? input : filter.input());
        if (filter != null && io.basalt.planner.ExpressionIndexPredicates.lookup(scan.source(), filter.conjuncts(),
                scan.columns()) != null) {
            return null; // the filter reads through an index over its extraction: the scan stays a plain one
        }
        int width = scan.columns().length;
        int tableColumns = scan.source().columnTypes().size();
        Found found = new Found();
        List<BoundExpression> origins = new ArrayList<>();
        List<BoundExpression> conjuncts = filter == null ? List.of()
                : markOrigins(rewriteAll(wholeDocumentConjuncts(filter.conjuncts(), scan, found, origins), scan, found),
                        origins, scan);
        List<BoundExpression> expressions = upper == null ? null : rewriteAll(upper, scan, found);
        List<LogicalPlan.AggregateSpec> newSpecs = new ArrayList<>(specs.size());
        for (LogicalPlan.AggregateSpec spec : specs) {
            newSpecs.add(new LogicalPlan.AggregateSpec(spec.function(),
                    spec.argument() == null ? null : rewrite(spec.argument(), scan, found),
                    rewriteAll(spec.extraArguments(), scan, found),
                    spec.filter() == null ? null : rewrite(spec.filter(), scan, found)));
        }
        if (found.paths.isEmpty()) {
            return null;
        }
        ScanSource source = scan.source().withPathColumns(found.paths);
        if (source == null) {
            return null;
        }
        // which of the scan's own columns are still read
        BitSet read = new BitSet();
        ColumnReferences.collectAll(conjuncts, read);
        if (expressions == null) {
            read.set(0, width);
        } else {
            ColumnReferences.collectAll(expressions, read);
        }
        PathExtractions.collectReferences(newSpecs, read);
        int[] mapping = new int[width + 2 * found.paths.size()];
        List<Integer> columns = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            mapping[i] = read.get(i) ? columns.size() : -1;
            if (read.get(i)) {
                columns.add(scan.columns()[i]);
                types.add(scan.outputTypes().get(i));
            }
        }
        for (int p = 0; p < found.paths.size(); p++) {
            mapping[width + 2 * p] = columns.size();
            columns.add(tableColumns + 2 * p);
            types.add(found.paths.get(p).type());
            mapping[width + 2 * p + 1] = columns.size();
            columns.add(tableColumns + 2 * p + 1);
            types.add(LogicalType.JSONB);
        }
        List<ScanPredicate> predicates = new ArrayList<>();
        for (BoundExpression conjunct : conjuncts) {
            ScanPredicate predicate = pathPredicate(conjunct, width, tableColumns);
            if (predicate != null) {
                predicates.add(predicate);
            }
        }
        LogicalPlan newScan = new LogicalPlan.Scan(source.withPredicates(predicates),
                columns.stream().mapToInt(Integer::intValue).toArray(), types, scan.alias());
        LogicalPlan below = filter == null ? newScan
                : new LogicalPlan.Filter(newScan, ColumnReferences.renumberAll(conjuncts, mapping));
        if (expressions == null) {
            List<BoundExpression> identity = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                identity.add(new BoundExpression.ColumnRef(mapping[i], null, "?column?", scan.outputTypes().get(i), -1));
            }
            return new LogicalPlan.Project(below, identity);
        }
        List<BoundExpression> renumbered = ColumnReferences.renumberAll(expressions, mapping);
        if (!aggregate) {
            return new LogicalPlan.Project(below, renumbered);
        }
        List<LogicalPlan.AggregateSpec> renumberedSpecs = new ArrayList<>(newSpecs.size());
        for (LogicalPlan.AggregateSpec spec : newSpecs) {
            renumberedSpecs.add(new LogicalPlan.AggregateSpec(spec.function(),
                    spec.argument() == null ? null : ColumnReferences.renumber(spec.argument(), mapping),
                    ColumnReferences.renumberAll(spec.extraArguments(), mapping),
                    spec.filter() == null ? null : ColumnReferences.renumber(spec.filter(), mapping)));
        }
        return new LogicalPlan.Aggregate(below, renumbered, renumberedSpecs);
    }

    // ---- finding extractions -----------------------------------------------------------------------

    private static List<BoundExpression> rewriteAll(List<BoundExpression> expressions, LogicalPlan.Scan scan,
                                                    Found found) {
        List<BoundExpression> out = new ArrayList<>(expressions.size());
        for (BoundExpression expression : expressions) {
            out.add(rewrite(expression, scan, found));
        }
        return out;
    }

    /** {@code expression} with every extraction replaced by a read of its path column (numbered past the scan's). */
    private static BoundExpression rewrite(BoundExpression expression, LogicalPlan.Scan scan, Found found) {
        BoundExpression replaced = replacement(expression, scan, found);
        if (replaced != null) {
            return replaced;
        }
        return switch (expression) {
            case BoundExpression.ColumnRef e -> e;
            case BoundExpression.Constant e -> e;
            case BoundExpression.Arithmetic e -> new BoundExpression.Arithmetic(e.operator(),
                    rewrite(e.left(), scan, found), rewrite(e.right(), scan, found), e.type(), e.position());
            case BoundExpression.Negate e -> new BoundExpression.Negate(rewrite(e.operand(), scan, found), e.position());
            case BoundExpression.Comparison e -> new BoundExpression.Comparison(e.operator(),
                    rewrite(e.left(), scan, found), rewrite(e.right(), scan, found), e.position());
            case BoundExpression.Logical e -> new BoundExpression.Logical(e.isAnd(),
                    rewriteAll(e.operands(), scan, found), e.position());
            case BoundExpression.Not e -> new BoundExpression.Not(rewrite(e.operand(), scan, found), e.position());
            case BoundExpression.IsNull e -> new BoundExpression.IsNull(rewrite(e.operand(), scan, found),
                    e.negated(), e.position());
            case BoundExpression.Cast e -> new BoundExpression.Cast(rewrite(e.operand(), scan, found), e.type(),
                    e.explicit(), e.position());
            case BoundExpression.Case e -> new BoundExpression.Case(rewriteAll(e.conditions(), scan, found),
                    rewriteAll(e.results(), scan, found),
                    e.otherwise() == null ? null : rewrite(e.otherwise(), scan, found), e.type(), e.position());
            case BoundExpression.Function e -> new BoundExpression.Function(e.function(),
                    rewriteAll(e.arguments(), scan, found), e.type(), e.position());
            case BoundExpression.AggregateCall e -> e.map(operand -> rewrite(operand, scan, found));
        };
    }

    // ---- whole-document filters ----------------------------------------------------------------------

    /**
     * {@code conjuncts} (a filter's over {@code scan}) with the whole-document tests that path columns can answer
     * rewritten so that they read them; only in a filter, where a NULL result and false drop the row alike:
     * <ul>
     *   <li>{@code doc @> '{"k": v, "a": {"b": w}}'} (an object whose leaves are scalars, nested objects not empty)
     *   becomes {@code doc->'k' = v AND doc->'a'->'b' = w}: a member found by keys is contained exactly when it
     *   equals the scalar ({@code ->} by key gives NULL on anything but an object, and a scalar contains only
     *   itself below the top level);</li>
     *   <li>{@code doc ? 'k'} becomes {@code path(doc->'k') IS NOT NULL} where the rows the sub-column does not
     *   cover evaluate {@code CASE WHEN doc ? 'k' THEN 'true' END} on their document instead of {@code doc->'k'}
     *   (a row holding a value there has the key; one neither holding a value nor "other" has a NULL document or
     *   an object without the key; arrays and strings at the root are "other" rows, decided by their document);
     *   {@code doc ?& keys} becomes one such test per key (NULL keys left out, as the operator does), {@code doc ?|
     *   keys} their OR;</li>
     *   <li>{@code doc @? path}, {@code doc @@ path}, {@code jsonb_path_exists(doc, path[, vars[, silent]])} and
     *   {@code jsonb_path_match(...)} with a constant lax path whose every {@code $} starts with the same keys
     *   ({@link MemberJsonPath}: {@code $.tags[*] ? (@ == "a")}) become a {@link PathConditionFunction} over the
     *   member's path column: the path relative to the member ({@code $[*] ? (@ == "a")}) on the rows holding one
     *   there, the test as written on the rows the sub-column does not cover, NULL elsewhere (the path gives false or
     *   nothing on an object without the member).</li>
     * </ul>
     * EXPLAIN prints the tests as written: the path reads standing for one are marked with it ({@link #markOrigins}).
     * Left alone when a GIN index serves the filter (its lookup reads the operators as written). Members read from
     * path columns need no document except on the "other" rows of paths shredded with JSON null among them.
     */
    private static List<BoundExpression> wholeDocumentConjuncts(List<BoundExpression> conjuncts, LogicalPlan.Scan scan,
                                                               Found found, List<BoundExpression> origins) {
        boolean any = false;
        for (BoundExpression conjunct : conjuncts) {
            any |= containment(conjunct) != null || existence(conjunct) != null || pathTest(conjunct) != null;
        }
        if (!any || io.basalt.planner.PointLookups.bitmapOf(scan.source(), conjuncts, scan.columns()) != null) {
            return conjuncts;
        }
        List<BoundExpression> out = new ArrayList<>(conjuncts.size());
        for (BoundExpression conjunct : conjuncts) {
            BoundExpression.Function contains = containment(conjunct);
            BoundExpression.Function exists = existence(conjunct);
            MemberJsonPath memberPath = pathTest(conjunct);
            BoundExpression memberTest = memberPath == null ? null
                    : memberCondition((BoundExpression.Function) conjunct, memberPath, scan, found);
            if (memberTest != null) {
                out.add(memberTest);
                origins.add(null); // prints as written by itself (PathConditionFunction carries the test)
            } else if (contains != null) {
                List<BoundExpression> members = new ArrayList<>();
                byte[] pattern = ((io.basalt.exec.function.json.JsonbContainsFunction) contains.function()).pattern();
                memberEqualities(contains.arguments().getFirst(), java.lang.foreign.MemorySegment.ofArray(pattern), 0,
                        conjunct.position(), members);
                out.addAll(members);
                origins.addAll(java.util.Collections.nCopies(members.size(), conjunct));
            } else if (exists != null) {
                List<BoundExpression> tests = keyTests(exists, scan, found);
                var kind = ((io.basalt.exec.function.json.JsonbExistsFunction) exists.function()).kind();
                if (tests == null) {
                    out.add(conjunct);
                    origins.add(null);
                } else if (kind == io.basalt.exec.function.json.JsonbExistsFunction.Kind.ANY && tests.size() > 1) {
                    out.add(new BoundExpression.Logical(false, tests, conjunct.position()));
                    origins.add(conjunct);
                } else {
                    out.addAll(tests);
                    origins.addAll(java.util.Collections.nCopies(tests.size(), conjunct));
                }
            } else {
                out.add(conjunct);
                origins.add(null);
            }
        }
        return out;
    }

    /**
     * {@code rewritten} (the filter's conjuncts after the whole-document tests became path reads) with each path read
     * standing for a whole-document test marked with it ({@link PathValueFunction#standingFor}, the test over the
     * table's columns), so that EXPLAIN prints the test as written ({@code origins}: per conjunct its test or null).
     */
    private static List<BoundExpression> markOrigins(List<BoundExpression> rewritten, List<BoundExpression> origins,
                                                     LogicalPlan.Scan scan) {
        if (origins.isEmpty()) {
            return rewritten;
        }
        int[] toTable = new int[scan.columns().length];
        for (int i = 0; i < toTable.length; i++) {
            toTable[i] = Math.max(scan.columns()[i], 0);
        }
        java.util.IdentityHashMap<BoundExpression, BoundExpression> overTable = new java.util.IdentityHashMap<>();
        List<BoundExpression> out = new ArrayList<>(rewritten.size());
        for (int i = 0; i < rewritten.size(); i++) {
            BoundExpression origin = origins.get(i);
            BoundExpression conjunct = rewritten.get(i);
            if (origin != null) {
                BoundExpression condition = overTable.computeIfAbsent(origin,
                        o -> ColumnReferences.renumber(o, toTable));
                conjunct = switch (conjunct) {
                    case BoundExpression.Comparison c when marked(c.left(), condition) != null ->
                            new BoundExpression.Comparison(c.operator(), marked(c.left(), condition), c.right(),
                                    c.position());
                    case BoundExpression.IsNull n when marked(n.operand(), condition) != null ->
                            new BoundExpression.IsNull(marked(n.operand(), condition), n.negated(), n.position());
                    case BoundExpression.Function f when f.arguments().size() == 1
                            && marked(f.arguments().getFirst(), condition) != null ->
                            new BoundExpression.Function(f.function(), List.of(marked(f.arguments().getFirst(),
                                    condition)), f.type(), f.position());
                    case BoundExpression.Logical l -> new BoundExpression.Logical(l.isAnd(),
                            markOrigins(l.operands(), java.util.Collections.nCopies(l.operands().size(), origin), scan),
                            l.position());
                    default -> conjunct;
                };
            }
            out.add(conjunct);
        }
        return out;
    }

    /**
     * Per key of the existence test {@code exists} ({@code doc ? 'k'}, {@code doc ?| keys}, {@code doc ?& keys}):
     * {@code path(doc->'k') IS NOT NULL}, where the rows the sub-column does not cover evaluate {@code CASE WHEN doc ?
     * 'k' THEN 'true' END} on their document; null when a key's member cannot be read from a path column.
     */
    private static List<BoundExpression> keyTests(BoundExpression.Function exists, LogicalPlan.Scan scan, Found found) {
        BoundExpression document = exists.arguments().getFirst();
        int position = exists.position();
        List<BoundExpression> tests = new ArrayList<>();
        for (String key : ((io.basalt.exec.function.json.JsonbExistsFunction) exists.function()).constantKeys()) {
            BoundExpression hasKey = new BoundExpression.Function(new io.basalt.exec.function.json.JsonbExistsFunction(
                    io.basalt.exec.function.json.JsonbExistsFunction.Kind.ONE, key), List.of(document),
                    LogicalType.BOOLEAN, position);
            BoundExpression whenExists = new BoundExpression.Case(List.of(hasKey),
                    List.of(new BoundExpression.Constant(io.basalt.type.json.Jsonb.parse("true"), LogicalType.JSONB,
                            position)),
                    new BoundExpression.Constant(null, LogicalType.JSONB, position), LogicalType.JSONB, position);
            BoundExpression read = pathRead(member(document, key, position), whenExists, LogicalType.JSONB, scan,
                    found);
            if (read == null) {
                return null;
            }
            tests.add(new BoundExpression.IsNull(read, true, position));
        }
        return tests;
    }

    /** The path read {@code read} marked as standing for {@code condition}, or null when it is not a path read. */
    private static BoundExpression marked(BoundExpression read, BoundExpression condition) {
        if (read instanceof BoundExpression.Function call && call.function() instanceof PathValueFunction path) {
            return new BoundExpression.Function(path.standingFor(condition), call.arguments(), call.type(),
                    call.position());
        }
        return null;
    }

    /**
     * {@code conjunct} when it is {@code doc @> constant} over a JSONB column of the scan with a constant that is a
     * non-empty object whose leaves are scalars or arrays (through non-empty objects), else null.
     */
    private static BoundExpression.Function containment(BoundExpression conjunct) {
        if (conjunct instanceof BoundExpression.Function call
                && call.function() instanceof io.basalt.exec.function.json.JsonbContainsFunction contains
                && !contains.containedBy() && contains.pattern() != null && call.arguments().size() == 1
                && call.arguments().getFirst() instanceof BoundExpression.ColumnRef column
                && column.type().id() == TypeId.JSONB
                && objectOfScalars(java.lang.foreign.MemorySegment.ofArray(contains.pattern()), 0)) {
            return call;
        }
        return null;
    }

    /** Whether the JSONB value at {@code at} is a non-empty object whose members are scalars, arrays or such objects. */
    private static boolean objectOfScalars(java.lang.foreign.MemorySegment pattern, long at) {
        if (io.basalt.type.json.JsonbReader.tag(pattern, at) != io.basalt.type.json.JsonbReader.OBJECT) {
            return false;
        }
        int members = io.basalt.type.json.JsonbReader.count(pattern, at);
        for (int i = 0; i < members; i++) {
            long value = io.basalt.type.json.JsonbReader.valueStart(pattern, at, i);
            byte tag = io.basalt.type.json.JsonbReader.tag(pattern, value);
            if (tag == io.basalt.type.json.JsonbReader.OBJECT && !objectOfScalars(pattern, value)) {
                return false;
            }
        }
        return members > 0;
    }

    /**
     * Adds {@code container->'k' = v} for each scalar member of the object at {@code at} of {@code pattern}, {@code
     * container->'k' @> v} for each array member (below the top level an array contains exactly what its member
     * array contains, and nothing but an array contains an array), and likewise below its nested objects, to
     * {@code out}.
     */
    private static void memberEqualities(BoundExpression container, java.lang.foreign.MemorySegment pattern, long at,
                                         int position, List<BoundExpression> out) {
        int members = io.basalt.type.json.JsonbReader.count(pattern, at);
        for (int i = 0; i < members; i++) {
            String key = io.basalt.type.json.JsonbReader.string(pattern,
                    io.basalt.type.json.JsonbReader.keyStart(pattern, at, i),
                    io.basalt.type.json.JsonbReader.keyEnd(pattern, at, i));
            long start = io.basalt.type.json.JsonbReader.valueStart(pattern, at, i);
            long end = io.basalt.type.json.JsonbReader.valueEnd(pattern, at, i);
            BoundExpression member = member(container, key, position);
            byte tag = io.basalt.type.json.JsonbReader.tag(pattern, start);
            if (tag == io.basalt.type.json.JsonbReader.OBJECT) {
                memberEqualities(member, pattern, start, position, out);
            } else if (tag == io.basalt.type.json.JsonbReader.ARRAY) {
                byte[] array = pattern.asSlice(start, end - start).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
                out.add(new BoundExpression.Function(new io.basalt.exec.function.json.JsonbContainsFunction(false,
                        io.basalt.type.json.Jsonb.wrap(array)), List.of(member), LogicalType.BOOLEAN, position));
            } else {
                byte[] scalar = pattern.asSlice(start, end - start).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
                out.add(new BoundExpression.Comparison(CompareOp.EQ, member,
                        new BoundExpression.Constant(io.basalt.type.json.Jsonb.wrap(scalar), LogicalType.JSONB, position),
                        position));
            }
        }
    }

    /** {@code container->'key'} (jsonb). */
    private static BoundExpression member(BoundExpression container, String key, int position) {
        return new BoundExpression.Function(
                JsonbExtractFunction.constant(JsonbExtractFunction.Kind.FIELD, false, key), List.of(container),
                LogicalType.JSONB, position);
    }

    /**
     * {@code conjunct} when it is {@code doc ? 'k'}, {@code doc ?| keys} or {@code doc ?& keys} over a JSONB column with
     * constant keys (at least one that is not NULL), else null.
     */
    private static BoundExpression.Function existence(BoundExpression conjunct) {
        if (conjunct instanceof BoundExpression.Function call
                && call.function() instanceof io.basalt.exec.function.json.JsonbExistsFunction exists
                && exists.constantKeys() != null && !exists.constantKeys().isEmpty() && call.arguments().size() == 1
                && call.arguments().getFirst() instanceof BoundExpression.ColumnRef column
                && column.type().id() == TypeId.JSONB) {
            return call;
        }
        return null;
    }

    /**
     * The member path of {@code conjunct} when it is a jsonpath test ({@code @?}, {@code @@}, jsonb_path_exists,
     * jsonb_path_match) of a JSONB column with a constant path (and constant vars and silent) that a member can
     * answer, else null.
     */
    private static MemberJsonPath pathTest(BoundExpression conjunct) {
        if (!(conjunct instanceof BoundExpression.Function call
                && call.function() instanceof io.basalt.exec.function.json.JsonPathFunction function
                && call.arguments().size() >= 2
                && call.arguments().getFirst() instanceof BoundExpression.ColumnRef column
                && column.type().id() == TypeId.JSONB
                && call.arguments().get(1) instanceof BoundExpression.Constant path
                && path.value() instanceof String text)) {
            return null;
        }
        for (int i = 2; i < call.arguments().size(); i++) {
            if (!(call.arguments().get(i) instanceof BoundExpression.Constant constant) || constant.value() == null) {
                return null;
            }
        }
        Boolean predicate = switch (function.kind()) {
            case EXISTS, EXISTS_OPERATOR -> false;
            case MATCH, MATCH_OPERATOR -> true;
            case QUERY_ARRAY, QUERY_FIRST -> null; // not tests
        };
        if (predicate == null) {
            return null;
        }
        io.basalt.type.json.path.JsonPath parsed;
        try {
            parsed = io.basalt.type.json.path.JsonPathParser.parse(text);
        } catch (RuntimeException e) {
            return null; // left to fail as written
        }
        return MemberJsonPath.of(parsed, predicate);
    }

    /**
     * {@code test} (a jsonpath test {@link #pathTest} accepted) as a {@link PathConditionFunction} over the path
     * column of its member, or null when the document is not a column of the scan.
     */
    private static BoundExpression memberCondition(BoundExpression.Function test, MemberJsonPath memberPath,
                                                   LogicalPlan.Scan scan, Found found) {
        BoundExpression.ColumnRef document = (BoundExpression.ColumnRef) test.arguments().getFirst();
        int position = test.position();
        BoundExpression member = document;
        for (String key : memberPath.keys()) {
            member = member(member, key, position);
        }
        BoundExpression read = pathRead(member, member, LogicalType.JSONB, scan, found);
        if (read == null) {
            return null;
        }
        BoundExpression.ColumnRef asColumn = new BoundExpression.ColumnRef(0, null, document.name(),
                LogicalType.JSONB, position);
        List<BoundExpression> onMemberArguments = new ArrayList<>(test.arguments());
        onMemberArguments.set(0, asColumn);
        onMemberArguments.set(1, new BoundExpression.Constant(memberPath.relative(),
                test.arguments().get(1).type(), position));
        BoundExpression onMember = new BoundExpression.Function(test.function(), onMemberArguments, test.type(),
                position);
        List<BoundExpression> onDocumentArguments = new ArrayList<>(test.arguments());
        onDocumentArguments.set(0, asColumn);
        BoundExpression onDocument = new BoundExpression.Function(test.function(), onDocumentArguments, test.type(),
                position);
        int[] toTable = new int[scan.columns().length];
        for (int i = 0; i < toTable.length; i++) {
            toTable[i] = Math.max(scan.columns()[i], 0);
        }
        return new BoundExpression.Function(new PathConditionFunction(PathColumnFallback.plan(onMember),
                PathColumnFallback.plan(onDocument), ColumnReferences.renumber(test, toTable)),
                ((BoundExpression.Function) read).arguments(), LogicalType.BOOLEAN, position);
    }

    /** The read of {@code expression}'s path column when it is an extraction, else null. */
    private static BoundExpression replacement(BoundExpression expression, LogicalPlan.Scan scan, Found found) {
        LogicalType type;
        if (expression instanceof BoundExpression.Cast cast && castable(cast.type()) && extracts(cast.operand(), true)) {
            type = cast.type();
        } else if (extracts(expression, true)) {
            type = LogicalType.TEXT;
        } else if (extracts(expression, false)) {
            type = LogicalType.JSONB; // doc->'a'->'b': the member itself
        } else {
            return null;
        }
        return pathRead(expression, expression, type, scan, found);
    }

    /**
     * A read of the path column of the extraction {@code expression} (of type {@code type}: the text at the path,
     * its cast, or the member), where the rows the sub-column does not cover evaluate {@code fallback} (an
     * expression over the same document column, of the same type) on their documents; null when {@code expression}
     * does not read a column of the scan.
     */
    private static BoundExpression pathRead(BoundExpression expression, BoundExpression fallbackExpression,
                                            LogicalType type, LogicalPlan.Scan scan, Found found) {
        BoundExpression extraction = expression instanceof BoundExpression.Cast cast ? cast.operand() : expression;
        List<String> keys = new ArrayList<>();
        BoundExpression.ColumnRef document = document(extraction, keys);
        if (document == null || document.index() >= scan.columns().length
                || scan.columns()[document.index()] < 0) {
            return null;
        }
        PathColumn path = new PathColumn(scan.columns()[document.index()], keys, type);
        int index = found.paths.indexOf(path);
        if (index < 0) {
            index = found.paths.size();
            found.paths.add(path);
        }
        int width = scan.columns().length;
        BoundExpression fallback = ColumnReferences.substitute(fallbackExpression,
                ref -> new BoundExpression.ColumnRef(0, ref.qualifier(), ref.name(), ref.type(), ref.position()));
        String description = document.name() + (type.id() == TypeId.JSONB ? " #> '{" : " #>> '{")
                + String.join(",", keys) + "}'" + (type.id() == TypeId.TEXT || type.id() == TypeId.JSONB ? ""
                : "::" + type.id().name().toLowerCase(java.util.Locale.ROOT));
        int[] toTable = new int[scan.columns().length];
        for (int i = 0; i < toTable.length; i++) {
            toTable[i] = Math.max(scan.columns()[i], 0);
        }
        BoundExpression overTable = ColumnReferences.renumber(expression, toTable);
        return new BoundExpression.Function(new PathValueFunction(PathColumnFallback.plan(fallback), description,
                overTable),
                List.of(new BoundExpression.ColumnRef(width + 2 * index, null, description, type, expression.position()),
                        new BoundExpression.ColumnRef(width + 2 * index + 1, null, description, LogicalType.JSONB,
                                expression.position())),
                type, expression.position());
    }

    /** Whether {@code expression} is a JSONB extraction ({@code ->>}/{@code #>>} when {@code asText}, else {@code ->}/{@code #>}). */
    private static boolean extracts(BoundExpression expression, boolean asText) {
        return expression instanceof BoundExpression.Function call
                && call.function() instanceof JsonbExtractFunction function && function.asText() == asText;
    }

    /** The types a text path column can be cast to and still read the sub-column. */
    private static boolean castable(LogicalType type) {
        return switch (type.id()) {
            case SMALLINT, INTEGER, BIGINT, DOUBLE, BOOLEAN -> true;
            case NUMERIC -> type.precision() < 0; // unconstrained: the number keeps the text's scale
            default -> false;
        };
    }

    /**
     * The JSONB column at the bottom of a chain of constant key extractions ending in {@code extraction}, its keys
     * (root first) added to {@code keys}; null when the chain is anything else.
     */
    public static BoundExpression.ColumnRef document(BoundExpression extraction, List<String> keys) {
        if (extraction instanceof BoundExpression.ColumnRef column) {
            return column.type().id() == TypeId.JSONB ? column : null;
        }
        if (!(extraction instanceof BoundExpression.Function call
                && call.function() instanceof JsonbExtractFunction function && call.arguments().size() == 1)) {
            return null;
        }
        List<String> own = function.constantKeys();
        if (own == null) {
            return null;
        }
        BoundExpression.ColumnRef column = document(call.arguments().getFirst(), keys);
        if (column != null) {
            keys.addAll(own);
        }
        return column;
    }

    // ---- predicates for the scan -------------------------------------------------------------------

    /**
     * A predicate on a path value column for {@code conjunct} (rewritten: path column reads are numbered from
     * {@code width}), when it compares one with a constant or tests it for NULL; null otherwise.
     */
    private static ScanPredicate pathPredicate(BoundExpression conjunct, int width, int tableColumns) {
        if (conjunct instanceof BoundExpression.IsNull isNull) {
            int column = pathValueColumn(isNull.operand(), width, tableColumns);
            return column < 0 ? null : new ScanPredicate.IsNull(column, isNull.negated());
        }
        if (!(conjunct instanceof BoundExpression.Comparison comparison) || comparison.operator() == CompareOp.NE) {
            return null;
        }
        int left = pathValueColumn(comparison.left(), width, tableColumns);
        if (left >= 0 && comparison.right() instanceof BoundExpression.Constant constant && constant.value() != null
                && constant.type().id() == comparison.left().type().id()) {
            return new ScanPredicate.Compare(left, comparison.operator(), constant.value());
        }
        int right = pathValueColumn(comparison.right(), width, tableColumns);
        if (right >= 0 && comparison.left() instanceof BoundExpression.Constant constant && constant.value() != null
                && constant.type().id() == comparison.right().type().id()) {
            return new ScanPredicate.Compare(right, comparison.operator().flip(), constant.value());
        }
        return null;
    }

    /** The source column of the path value {@code expression} reads, or -1 when it is not a path column read. */
    private static int pathValueColumn(BoundExpression expression, int width, int tableColumns) {
        // a jsonb member is JSON null where the sub-column holds NULL: neither its NULLs nor its order are the zone map's
        if (expression instanceof BoundExpression.Function call && call.function() instanceof PathValueFunction
                && call.type().id() != TypeId.JSONB
                && call.arguments().getFirst() instanceof BoundExpression.ColumnRef values) {
            return tableColumns + (values.index() - width);
        }
        return -1;
    }
}
