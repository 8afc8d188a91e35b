package io.basalt.plan.logical;

import io.basalt.catalog.TableEntry;
import io.basalt.exec.function.aggregate.AggregateFunction;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * The logical plan: what to compute, not how. Immutable records; each node's output is a list of typed
 * columns, and the expressions of a node refer to its input's columns by position.
 */
public sealed interface LogicalPlan {
    List<LogicalType> outputTypes();

    /**
     * Reads columns {@code columns} of a table or another scan source. {@code alias} is the name the query gave the
     * table in its FROM list (null: none, or not read through a FROM item); EXPLAIN names the scan and its columns
     * by it, as PostgreSQL does.
     */
    record Scan(ScanSource source, int[] columns, List<LogicalType> outputTypes, String alias) implements LogicalPlan {
        public Scan {
            columns = columns.clone();
            outputTypes = List.copyOf(outputTypes);
        }

        public Scan(ScanSource source, int[] columns, List<LogicalType> outputTypes) {
            this(source, columns, outputTypes, null);
        }

        /** This scan under the FROM list's name {@code newAlias} (null: none). */
        public Scan withAlias(String newAlias) {
            return new Scan(source, columns, outputTypes, newAlias);
        }

        /**
         * The alias of a scan of one member of an inheritance hierarchy (or partitioned table) the FROM list names
         * {@code parent}: EXPLAIN names such scans {@code parent_1}, {@code parent_2}, ... as PostgreSQL does.
         */
        public static String memberAlias(String parent) {
            return MEMBER_PREFIX + parent;
        }

        /** The FROM list's name of the hierarchy this scan reads a member of, or null. */
        public String memberOf() {
            return alias != null && alias.startsWith(MEMBER_PREFIX) ? alias.substring(MEMBER_PREFIX.length()) : null;
        }

        private static final String MEMBER_PREFIX = "\0member:";
    }

    /** Literal rows; a SELECT without FROM reads one row with no columns. */
    record Values(List<List<BoundExpression>> rows, List<LogicalType> outputTypes) implements LogicalPlan {
        public Values {
            rows = rows.stream().map(List::copyOf).toList();
            outputTypes = List.copyOf(outputTypes);
        }
    }

    /** Keeps the rows for which every conjunct is true. */
    record Filter(LogicalPlan input, List<BoundExpression> conjuncts) implements LogicalPlan {
        public Filter {
            conjuncts = List.copyOf(conjuncts);
        }

        @Override
        public List<LogicalType> outputTypes() {
            return input.outputTypes();
        }
    }

    record Project(LogicalPlan input, List<BoundExpression> expressions) implements LogicalPlan {
        public Project {
            expressions = List.copyOf(expressions);
        }

        @Override
        public List<LogicalType> outputTypes() {
            List<LogicalType> types = new ArrayList<>(expressions.size());
            for (BoundExpression expression : expressions) {
                types.add(expression.type());
            }
            return types;
        }
    }

    /**
     * Joins two inputs. Output: the left input's columns, then the right input's (SEMI and ANTI: the left's
     * only). {@code conjuncts} is the join condition as a list of conjuncts over the left input's columns
     * followed by the right input's ({@code #0..} left, {@code #leftWidth..} right); empty means true, so an
     * INNER join without conjuncts is a cross product.
     */
    record Join(JoinType type, LogicalPlan left, LogicalPlan right, List<BoundExpression> conjuncts)
            implements LogicalPlan {
        public Join {
            java.util.Objects.requireNonNull(type, "type is null");
            java.util.Objects.requireNonNull(left, "left is null");
            java.util.Objects.requireNonNull(right, "right is null");
            conjuncts = List.copyOf(conjuncts);
        }

        @Override
        public List<LogicalType> outputTypes() {
            List<LogicalType> types = new ArrayList<>(left.outputTypes());
            if (type.keepsRightColumns()) {
                types.addAll(right.outputTypes());
            }
            return types;
        }
    }

    /**
     * A LATERAL join: for each row of {@code left}, the rows of {@code right} computed for that row ({@code right}
     * reads the left row through {@link io.basalt.plan.expression.Placeholder.OuterColumn} references of depth 1),
     * kept where {@code conjuncts} (over the left columns, then the right ones) hold. INNER drops a left row without
     * such rows; LEFT keeps it once with NULLs on the right. Output: the left columns, then the right ones. The
     * optimizer turns it into a {@link Join} where it can lift the correlation out of {@code right}; the rest run as
     * a dependent nested loop.
     */
    record LateralJoin(JoinType type, LogicalPlan left, LogicalPlan right, List<BoundExpression> conjuncts)
            implements LogicalPlan {
        public LateralJoin {
            java.util.Objects.requireNonNull(left, "left is null");
            java.util.Objects.requireNonNull(right, "right is null");
            if (type != JoinType.INNER && type != JoinType.LEFT) {
                throw new IllegalArgumentException("a LATERAL join is INNER or LEFT, not " + type);
            }
            conjuncts = List.copyOf(conjuncts);
        }

        @Override
        public List<LogicalType> outputTypes() {
            List<LogicalType> types = new ArrayList<>(left.outputTypes());
            types.addAll(right.outputTypes());
            return types;
        }
    }

    /**
     * A set-returning function in FROM whose arguments are evaluated when the plan runs (they may read a LATERAL
     * join's left row): {@code function}'s rows for the arguments' values.
     */
    record FunctionScan(io.basalt.exec.operator.scan.SetFunction function, List<BoundExpression> arguments,
                        List<LogicalType> outputTypes) implements LogicalPlan {
        public FunctionScan {
            java.util.Objects.requireNonNull(function, "function is null");
            arguments = List.copyOf(arguments);
            outputTypes = List.copyOf(outputTypes);
        }
    }

    /**
     * How a join treats rows without a partner. LEFT keeps the left input's unmatched rows (NULLs for the
     * right columns), RIGHT the right's, FULL both; SEMI outputs each left row that has a match, ANTI each
     * left row that has none.
     */
    enum JoinType {
        INNER, LEFT, RIGHT, FULL, SEMI, ANTI;

        /** Whether the right input's columns are part of the output. */
        public boolean keepsRightColumns() {
            return this != SEMI && this != ANTI;
        }
    }

    /**
     * A subquery used in an expression, as the binder leaves it: for each row of {@code input} the subquery
     * yields one value, appended as a last column. The subquery may read the input row through
     * {@link io.basalt.plan.expression.Placeholder.OuterColumn} references of depth 1 (then it is correlated).
     * SCALAR: the subquery's single column (NULL without rows; more than one row is an error). EXISTS: whether
     * it has a row. ANY: {@code comparison} (over the input's columns, then the subquery's column) is true
     * for some subquery row (true), else null for some (null), else false; {@code x IN (q)} is {@code x = ANY},
     * and ALL is the negation of ANY with the negated operator. The decorrelation rule replaces every Apply by
     * joins; none reaches the executor.
     */
    record Apply(SubqueryKind kind, LogicalPlan input, LogicalPlan subquery, BoundExpression comparison)
            implements LogicalPlan {
        public Apply {
            java.util.Objects.requireNonNull(kind, "kind is null");
            if ((kind == SubqueryKind.ANY) != (comparison != null)) {
                throw new IllegalArgumentException("ANY, and only ANY, has a comparison");
            }
        }

        @Override
        public List<LogicalType> outputTypes() {
            List<LogicalType> types = new ArrayList<>(input.outputTypes());
            types.add(kind == SubqueryKind.SCALAR ? subquery.outputTypes().getFirst() : LogicalType.BOOLEAN);
            return types;
        }
    }

    enum SubqueryKind {
        SCALAR, EXISTS, ANY
    }

    /** Output: group keys, then aggregates. No keys: exactly one row. */
    /**
     * GROUP BY: the keys, then the aggregates. With {@code groupingSets} (null for a plain GROUP BY) the rows are
     * those of several groupings; see {@link GroupingSetsLayout}.
     */
    record Aggregate(LogicalPlan input, List<BoundExpression> groupKeys, List<AggregateSpec> aggregates,
                     GroupingSetsLayout groupingSets) implements LogicalPlan {
        public Aggregate {
            groupKeys = List.copyOf(groupKeys);
            aggregates = List.copyOf(aggregates);
        }

        public Aggregate(LogicalPlan input, List<BoundExpression> groupKeys, List<AggregateSpec> aggregates) {
            this(input, groupKeys, aggregates, null);
        }

        /** The same aggregation over {@code input}, keys and aggregates (the grouping sets kept). */
        public Aggregate with(LogicalPlan input, List<BoundExpression> groupKeys, List<AggregateSpec> aggregates) {
            return new Aggregate(input, groupKeys, aggregates, groupingSets);
        }

        @Override
        public List<LogicalType> outputTypes() {
            List<LogicalType> types = new ArrayList<>();
            for (BoundExpression key : groupKeys) {
                types.add(key.type());
            }
            for (AggregateSpec aggregate : aggregates) {
                types.add(aggregate.function().resultType());
            }
            return types;
        }
    }

    /**
     * One aggregate: its function and first argument over the aggregation's input (null for count(*)), its
     * further arguments, and its FILTER condition (null when absent).
     */
    record AggregateSpec(AggregateFunction function, BoundExpression argument, List<BoundExpression> extraArguments,
                         BoundExpression filter) {
        public AggregateSpec {
            extraArguments = List.copyOf(extraArguments);
        }

        public AggregateSpec(AggregateFunction function, BoundExpression argument) {
            this(function, argument, List.of(), null);
        }

        /** The first argument, the extra arguments and the filter, leaving out absent ones. */
        public List<BoundExpression> operands() {
            List<BoundExpression> operands = new ArrayList<>();
            if (argument != null) {
                operands.add(argument);
            }
            operands.addAll(extraArguments);
            if (filter != null) {
                operands.add(filter);
            }
            return operands;
        }

        /** The same aggregate with every argument and the filter mapped by {@code mapper}. */
        public AggregateSpec map(java.util.function.UnaryOperator<BoundExpression> mapper) {
            List<BoundExpression> extras = new ArrayList<>(extraArguments.size());
            for (BoundExpression extra : extraArguments) {
                extras.add(mapper.apply(extra));
            }
            return new AggregateSpec(function, argument == null ? null : mapper.apply(argument), extras,
                    filter == null ? null : mapper.apply(filter));
        }

        /** The text of the call: {@code name(arguments) [FILTER (WHERE f)]}, each operand printed by {@code printer}. */
        public String describe(java.util.function.Function<BoundExpression, String> printer) {
            StringBuilder text = new StringBuilder(function.name()).append('(');
            text.append(argument == null ? "*" : printer.apply(argument));
            for (BoundExpression extra : extraArguments) {
                text.append(", ").append(printer.apply(extra));
            }
            text.append(')');
            if (filter != null) {
                text.append(" FILTER (WHERE ").append(printer.apply(filter)).append(')');
            }
            return text.toString();
        }
    }

    /**
     * Window functions over one window: the input's rows, partitioned by {@code partitionKeys} and ordered
     * within each partition by {@code orderKeys}, each call computed over its own frame. Keys and arguments are
     * expressions over the input. Output: the input's columns, then one column per call (the row order is the
     * window's: by partition, then by the order keys).
     */
    record Window(LogicalPlan input, List<BoundExpression> partitionKeys, List<WindowOrder> orderKeys,
                  List<WindowCallSpec> calls) implements LogicalPlan {
        public Window {
            java.util.Objects.requireNonNull(input, "input is null");
            partitionKeys = List.copyOf(partitionKeys);
            orderKeys = List.copyOf(orderKeys);
            calls = List.copyOf(calls);
        }

        /** This window over another input with the same columns (the optimizer's rewrites). */
        public Window withInput(LogicalPlan newInput) {
            return new Window(newInput, partitionKeys, orderKeys, calls);
        }

        /** This window over {@code newInput} with every key and argument passed through {@code f}. */
        public Window map(LogicalPlan newInput, java.util.function.UnaryOperator<BoundExpression> f) {
            List<BoundExpression> keys = new ArrayList<>();
            for (BoundExpression key : partitionKeys) {
                keys.add(f.apply(key));
            }
            List<WindowOrder> order = new ArrayList<>();
            for (WindowOrder key : orderKeys) {
                order.add(new WindowOrder(f.apply(key.key()), key.descending(), key.nullsFirst()));
            }
            List<WindowCallSpec> mapped = new ArrayList<>();
            for (WindowCallSpec call : calls) {
                List<BoundExpression> arguments = new ArrayList<>();
                for (BoundExpression argument : call.arguments()) {
                    arguments.add(f.apply(argument));
                }
                mapped.add(new WindowCallSpec(call.function(), arguments, call.frame()));
            }
            return new Window(newInput, keys, order, mapped);
        }

        /** Every key and argument, for walks that only read them. */
        public List<BoundExpression> expressions() {
            List<BoundExpression> all = new ArrayList<>(partitionKeys);
            for (WindowOrder key : orderKeys) {
                all.add(key.key());
            }
            for (WindowCallSpec call : calls) {
                all.addAll(call.arguments());
            }
            return all;
        }

        @Override
        public List<LogicalType> outputTypes() {
            List<LogicalType> types = new ArrayList<>(input.outputTypes());
            for (WindowCallSpec call : calls) {
                types.add(call.function().resultType());
            }
            return types;
        }
    }

    /** One ORDER BY key of a window. */
    record WindowOrder(BoundExpression key, boolean descending, boolean nullsFirst) {
    }

    /** One window function call: its function, arguments over the window's input, and frame. */
    record WindowCallSpec(io.basalt.exec.function.window.WindowFunction function, List<BoundExpression> arguments,
                          io.basalt.exec.operator.window.WindowFrame frame) {
        public WindowCallSpec {
            arguments = List.copyOf(arguments);
        }
    }

    /** Sorts by input columns. */
    record Sort(LogicalPlan input, List<SortSpec> keys) implements LogicalPlan {
        public Sort {
            keys = List.copyOf(keys);
        }

        @Override
        public List<LogicalType> outputTypes() {
            return input.outputTypes();
        }
    }

    record SortSpec(int column, boolean descending, boolean nullsFirst) {
    }

    /**
     * SELECT DISTINCT ON: of each run of consecutive rows with equal values in {@code keys} (NULLs equal), only
     * the first. The input comes sorted with the keys leading, so each run is a whole group.
     */
    record DistinctOn(LogicalPlan input, List<Integer> keys) implements LogicalPlan {
        public DistinctOn {
            keys = List.copyOf(keys);
        }

        @Override
        public List<LogicalType> outputTypes() {
            return input.outputTypes();
        }
    }

    /**
     * {@code limit < 0} means no limit. With {@code tieKeys} (FETCH FIRST ... WITH TIES; empty otherwise), the rows
     * after the limit whose values in those input columns equal the last kept row's are kept too (the input comes
     * sorted by them).
     */
    record Limit(LogicalPlan input, long limit, long offset, List<Integer> tieKeys) implements LogicalPlan {
        public Limit {
            tieKeys = List.copyOf(tieKeys);
        }

        public Limit(LogicalPlan input, long limit, long offset) {
            this(input, limit, offset, List.of());
        }

        /** This limit over another input with the same columns (the optimizer's rewrites). */
        public Limit withInput(LogicalPlan newInput) {
            return new Limit(newInput, limit, offset, tieKeys);
        }

        @Override
        public List<LogicalType> outputTypes() {
            return input.outputTypes();
        }
    }

    /**
     * UNION ALL: the left input's rows, then the right input's. Both inputs have the same column types (the
     * binder casts each side to the unified types); the output has those types.
     */
    record Append(LogicalPlan left, LogicalPlan right) implements LogicalPlan {
        public Append {
            java.util.Objects.requireNonNull(left, "left is null");
            java.util.Objects.requireNonNull(right, "right is null");
            if (!left.outputTypes().equals(right.outputTypes())) {
                throw new IllegalArgumentException("appended inputs differ in types: " + left.outputTypes()
                        + " and " + right.outputTypes());
            }
        }

        @Override
        public List<LogicalType> outputTypes() {
            return left.outputTypes();
        }
    }

    /**
     * Repeats each input row as many times as its last column (a BIGINT count; zero, negative or NULL: not
     * at all) says and drops that column: the multiplicities of INTERSECT ALL and EXCEPT ALL.
     */
    record Repeat(LogicalPlan input) implements LogicalPlan {
        public Repeat {
            List<LogicalType> types = input.outputTypes();
            if (types.isEmpty() || !types.getLast().equals(LogicalType.BIGINT)) {
                throw new IllegalArgumentException("the last input column must be the BIGINT count");
            }
        }

        @Override
        public List<LogicalType> outputTypes() {
            List<LogicalType> types = input.outputTypes();
            return types.subList(0, types.size() - 1);
        }
    }

    /**
     * INTERSECT ({@code intersect}) or EXCEPT without ALL, as PostgreSQL's sorted SetOp: {@code left} and
     * {@code right} are each sorted on all their columns (ascending, NULLs last; the planner puts a {@link Sort}
     * on each), and the rows of {@code left} with (INTERSECT) or without (EXCEPT) an equal row in {@code right}
     * come out once each, in sorted order. Used where PostgreSQL does not hash: enable_hashagg off, or rows of an
     * anonymous record type. Both inputs have the same column types, which are the output's.
     */
    record SortedSetOperation(LogicalPlan left, LogicalPlan right, boolean intersect) implements LogicalPlan {
        public SortedSetOperation {
            if (!left.outputTypes().equals(right.outputTypes())) {
                throw new IllegalArgumentException("set operation inputs differ in types: " + left.outputTypes()
                        + " and " + right.outputTypes());
            }
        }

        /** The same operation over rewritten inputs (the optimizer's rewrites). */
        public SortedSetOperation withInputs(LogicalPlan newLeft, LogicalPlan newRight) {
            return new SortedSetOperation(newLeft, newRight, intersect);
        }

        @Override
        public List<LogicalType> outputTypes() {
            return left.outputTypes();
        }
    }

    /**
     * WITH RECURSIVE's iteration: {@code seed}'s rows, then {@code step}'s rows computed again and again from the
     * rows of the previous iteration, which {@code step} reads by scanning {@code workTable}, until an iteration
     * yields none. {@code distinct} (UNION rather than UNION ALL) drops rows produced before. Both inputs have
     * the same column types, which are the output's.
     */
    record RecursiveUnion(LogicalPlan seed, LogicalPlan step, io.basalt.exec.operator.scan.LentRows workTable,
                          boolean distinct) implements LogicalPlan {
        public RecursiveUnion {
            java.util.Objects.requireNonNull(workTable, "workTable is null");
            if (!seed.outputTypes().equals(step.outputTypes())) {
                throw new IllegalArgumentException("recursive terms differ in types: " + seed.outputTypes()
                        + " and " + step.outputTypes());
            }
        }

        /** The same iteration over rewritten inputs (the optimizer's rewrites). */
        public RecursiveUnion withInputs(LogicalPlan newSeed, LogicalPlan newStep) {
            return new RecursiveUnion(newSeed, newStep, workTable, distinct);
        }

        @Override
        public List<LogicalType> outputTypes() {
            return seed.outputTypes();
        }
    }

    /**
     * An InitPlan over the rows it passes on: {@code subplan}, which reads {@code input}'s rows by scanning
     * {@code inputRows}, yields one row of values once, which expressions of the nodes above this one read through
     * {@link io.basalt.plan.expression.InitPlanParameter} leaves as constants; then {@code input}'s rows pass
     * unchanged. (TPC-H Q11's HAVING total over the groups it compares each group with:
     * {@code io.basalt.optimizer.rule.ReuseGroupsForScalarSubquery}.) Nothing below this node, and nothing beside
     * it, may read the values: they exist only once every input row has arrived. {@code subplan} yields at most one
     * row (none: NULLs). Output: {@code input}'s columns, which {@code inputRows} lists.
     */
    record InitPlanOverInput(LogicalPlan input, LogicalPlan subplan, io.basalt.exec.operator.scan.LentRows inputRows,
                             io.basalt.exec.operator.subquery.InitPlanValues values) implements LogicalPlan {
        public InitPlanOverInput {
            java.util.Objects.requireNonNull(input, "input is null");
            java.util.Objects.requireNonNull(subplan, "subplan is null");
            java.util.Objects.requireNonNull(inputRows, "inputRows is null");
            java.util.Objects.requireNonNull(values, "values is null");
            if (!subplan.outputTypes().equals(values.types())) {
                throw new IllegalArgumentException("the subplan yields " + subplan.outputTypes() + ", not "
                        + values.types());
            }
        }

        /** The same InitPlan over rewritten plans with the same columns (the optimizer's rewrites). */
        public InitPlanOverInput withInputs(LogicalPlan newInput, LogicalPlan newSubplan) {
            return new InitPlanOverInput(newInput, newSubplan, inputRows, values);
        }

        @Override
        public List<LogicalType> outputTypes() {
            return input.outputTypes();
        }
    }

    /**
     * Changes a table: INSERT appends rows, DELETE removes rows, UPDATE replaces rows by new versions. The input
     * of an UPDATE or DELETE starts with the row id of the row to change (a {@link Scan} of
     * {@link ScanSource#ROW_ID}); the row id of INSERT and UPDATE is followed by the new rows' columns, in the
     * table's column order and types. Further input columns pass through for RETURNING. Output: without
     * {@code returnsRows} nothing the plan uses (the operator reports the row count); with it, each changed
     * row's input columns after the row id (for DELETE, the old row as the input carries it), for a RETURNING
     * projection above. {@code conflictArbiters}: for INSERT ... ON CONFLICT DO NOTHING, the unique constraints
     * whose conflicts skip a row (null without ON CONFLICT); with {@code conflictUpdate} (DO UPDATE), whose
     * conflicts turn the row into an update of the stored row it meets. {@code routing} (INSERT only, null when
     * the rows go into {@code table} itself): the partitions the rows go to.
     */
    record Write(WriteKind kind, TableEntry table, LogicalPlan input, boolean returnsRows,
                 java.util.Set<String> conflictArbiters, ConflictUpdate conflictUpdate, PartitionRouting routing,
                 boolean returnsRowIds)
            implements LogicalPlan {
        /** A write whose rows all go into {@code table} itself. */
        public Write(WriteKind kind, TableEntry table, LogicalPlan input, boolean returnsRows,
                     java.util.Set<String> conflictArbiters, ConflictUpdate conflictUpdate) {
            this(kind, table, input, returnsRows, conflictArbiters, conflictUpdate, null, false);
        }

        /** A write without its new rows' ids. */
        public Write(WriteKind kind, TableEntry table, LogicalPlan input, boolean returnsRows,
                     java.util.Set<String> conflictArbiters, ConflictUpdate conflictUpdate, PartitionRouting routing) {
            this(kind, table, input, returnsRows, conflictArbiters, conflictUpdate, routing, false);
        }

        /** This INSERT with its rows routed to partitions. */
        public Write withRouting(PartitionRouting newRouting) {
            return new Write(kind, table, input, returnsRows, conflictArbiters, conflictUpdate, newRouting,
                    returnsRowIds);
        }

        /**
         * This INSERT or UPDATE returning, after the rows, the id each new row version got (BIGINT), from which
         * RETURNING computes its ctid and xmin; only for a write into the table itself. With DO UPDATE, the rows are
         * followed by the stored row each replaced (the table's columns; NULL for an inserted row), its id, then the
         * new version's id, for RETURNING's old and new rows.
         */
        public Write withRowIds() {
            return new Write(kind, table, input, returnsRows, conflictArbiters, conflictUpdate, routing, true);
        }

        public Write {
            java.util.Objects.requireNonNull(kind, "kind is null");
            java.util.Objects.requireNonNull(table, "table is null");
            conflictArbiters = conflictArbiters == null ? null : java.util.Set.copyOf(conflictArbiters);
            if (conflictUpdate != null && (kind != WriteKind.INSERT || conflictArbiters == null)) {
                throw new IllegalArgumentException("DO UPDATE belongs to an INSERT with conflict arbiters");
            }
            if (returnsRowIds && (!returnsRows || kind == WriteKind.DELETE || routing != null)) {
                throw new IllegalArgumentException("only INSERT and UPDATE into the table itself return row ids");
            }
        }

        /** A write without ON CONFLICT. */
        public Write(WriteKind kind, TableEntry table, LogicalPlan input, boolean returnsRows) {
            this(kind, table, input, returnsRows, null, null);
        }

        /** A write without ON CONFLICT DO UPDATE. */
        public Write(WriteKind kind, TableEntry table, LogicalPlan input, boolean returnsRows,
                     java.util.Set<String> conflictArbiters) {
            this(kind, table, input, returnsRows, conflictArbiters, null);
        }

        /** This write over another input (the optimizer's rewrites). */
        public Write withInput(LogicalPlan newInput) {
            return new Write(kind, table, newInput, returnsRows, conflictArbiters, conflictUpdate, routing,
                    returnsRowIds);
        }

        @Override
        public List<LogicalType> outputTypes() {
            if (!returnsRows) {
                return List.of();
            }
            List<LogicalType> types = input.outputTypes();
            types = kind == WriteKind.INSERT ? types : types.subList(1, types.size());
            if (returnsRowIds) {
                types = new java.util.ArrayList<>(types);
                if (conflictUpdate != null) {
                    types.addAll(input.outputTypes().subList(0, table.columns().size()));
                    types.add(LogicalType.BIGINT);
                }
                types.add(LogicalType.BIGINT);
            }
            return types;
        }
    }

    /**
     * ON CONFLICT DO UPDATE: {@code newRow}, per table column, the new version of a stored row that a proposed row
     * conflicts with, and {@code condition}, its WHERE (null: none); both over the stored row's columns followed by
     * the proposed row's (EXCLUDED), each in the table's column order and types. {@code arbiterPredicate} is the
     * predicate of a partial unique index arbiter over the table's columns (null: none). {@code arbiterKeys} are
     * the key parts of an arbiter index over expressions, in its order, bound over the table's columns (null for a
     * plain column part); null when the arbiter has no expressions. {@code computed} (null: none) is used instead
     * of {@code newRow} and {@code condition} when SET or WHERE holds subqueries.
     */
    record ConflictUpdate(List<BoundExpression> newRow, BoundExpression condition, BoundExpression arbiterPredicate,
                          List<BoundExpression> arbiterKeys, ComputedConflictUpdate computed) {
        public ConflictUpdate {
            newRow = List.copyOf(newRow);
            arbiterKeys = arbiterKeys == null ? null
                    : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arbiterKeys));
        }

        public ConflictUpdate(List<BoundExpression> newRow, BoundExpression condition,
                              BoundExpression arbiterPredicate) {
            this(newRow, condition, arbiterPredicate, null, null);
        }

        /** This action with the arbiter's predicate. */
        public ConflictUpdate withArbiterPredicate(BoundExpression predicate) {
            return new ConflictUpdate(newRow, condition, predicate, arbiterKeys, computed);
        }

        /** This action with the key parts of its arbiter over expressions. */
        public ConflictUpdate withArbiterKeys(List<BoundExpression> keys) {
            return new ConflictUpdate(newRow, condition, arbiterPredicate, keys, computed);
        }
    }

    /**
     * ON CONFLICT DO UPDATE computed by a plan: {@code plan} scans {@code input} (the stored row's columns, the
     * proposed row's, then the pair's position, an INTEGER), filters by WHERE and outputs the new version's columns
     * followed by the position.
     */
    record ComputedConflictUpdate(LogicalPlan plan, io.basalt.exec.operator.scan.LentRows input) {
    }

    enum WriteKind {
        INSERT, UPDATE, DELETE
    }
}
