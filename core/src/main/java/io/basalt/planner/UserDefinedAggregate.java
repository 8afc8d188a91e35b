package io.basalt.planner;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.function.aggregate.AggregateFunction;
import io.basalt.exec.function.aggregate.GroupedAggregateState;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * An aggregate defined by CREATE AGGREGATE: each group's state starts as the initial condition and every row is
 * folded into it by the transition function; the final function (if any) turns the state into the result.
 * PostgreSQL's rules for a strict transition function hold: a row with a NULL argument is skipped; without an
 * initial condition the first row's first argument becomes the state; a state the function turned NULL stays
 * NULL.
 *
 * <p>The state keeps each group's argument values (in arrival order) and folds them when the results are written:
 * the transition function is arbitrary (often a PL/pgSQL function that may RAISE NOTICE), is applied one row at a
 * time in any case, and parallel workers' states then merge by appending rows, which needs no combine function.
 * Each step evaluates the bound transition expression over one-row vectors.
 */
public final class UserDefinedAggregate implements AggregateFunction {
    private final String name;
    private final List<LogicalType> argumentTypes;
    private final LogicalType stateType;
    private final PhysicalExpression transition;
    private final boolean strict;
    private final PhysicalExpression finish;
    private final boolean hasInitial;
    private final Object initial;
    private final String transitionKey;
    /** The transition results this aggregate shares with equivalent calls of its statement (see below). */
    private volatile TransitionShare share = new TransitionShare();

    /**
     * The last folded states of a group of calls that share transitions: the input rows they were folded from and
     * each group's state. A call whose input rows are equal to those reuses the states instead of running the
     * transition function again, as PostgreSQL runs it once for all calls that share a state.
     */
    private static final class TransitionShare {
        /** How many calls share these transitions; with one, nothing is remembered. */
        private int members = 1;
        /** How many calls have reused the remembered states; when all others have, they are let go. */
        private int reuses;
        private List<List<Object[]>> rows;
        private Object[] states;

        synchronized void join() {
            members++;
        }

        synchronized Object[] statesFor(List<List<Object[]>> input, int groupCount) {
            if (rows == null || states == null || states.length != groupCount || rows.size() < groupCount) {
                return null;
            }
            for (int g = 0; g < groupCount; g++) {
                List<Object[]> mine = input.get(g);
                List<Object[]> theirs = rows.get(g);
                if (mine.size() != theirs.size()) {
                    return null;
                }
                for (int r = 0; r < mine.size(); r++) {
                    if (!java.util.Arrays.deepEquals(mine.get(r), theirs.get(r))) {
                        return null;
                    }
                }
            }
            Object[] reused = states;
            if (++reuses >= members - 1) {
                rows = null;
                states = null;
                reuses = 0;
            }
            return reused;
        }

        synchronized void remember(List<List<Object[]>> input, Object[] folded) {
            if (members > 1) {
                rows = input;
                states = folded;
                reuses = 0;
            }
        }
    }

    /**
     * @param transition the transition function over columns (state, argument 1, ...)
     * @param finish the final function over the column (state), or null: the state is the result
     */
    public UserDefinedAggregate(String name, List<LogicalType> argumentTypes, LogicalType stateType,
                                BoundExpression transition, boolean strict, BoundExpression finish,
                                boolean hasInitial, Object initial, String transitionKey) {
        this.name = requireNonNull(name, "name is null");
        this.argumentTypes = List.copyOf(argumentTypes);
        this.stateType = requireNonNull(stateType, "stateType is null");
        this.transition = ExpressionPlanner.plan(requireNonNull(transition, "transition is null"));
        this.strict = strict;
        this.finish = finish == null ? null : ExpressionPlanner.plan(finish);
        this.hasInitial = hasInitial;
        this.initial = initial;
        this.transitionKey = requireNonNull(transitionKey, "transitionKey is null");
    }

    /** What makes two calls' transitions the same: transition function, state type, initial condition. */
    public String transitionKey() {
        return transitionKey;
    }

    /**
     * Makes this call reuse the transition results of {@code earlier} (an equivalent call of the same statement,
     * over the same arguments, DISTINCT, ORDER BY and FILTER) when their input rows are equal. Called while the
     * statement is bound, before any state exists.
     */
    public void shareTransitionsWith(UserDefinedAggregate earlier) {
        share = earlier.share;
        share.join();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LogicalType argumentType() {
        return argumentTypes.isEmpty() ? null : argumentTypes.getFirst();
    }

    @Override
    public LogicalType resultType() {
        return finish == null ? stateType : finish.type();
    }

    @Override
    public GroupedAggregateState newState() {
        throw new IllegalStateException("a user-defined aggregate needs an allocator");
    }

    @Override
    public GroupedAggregateState newState(BufferAllocator allocator) {
        return new State(allocator);
    }

    private final class State implements GroupedAggregateState {
        private final BufferAllocator allocator;
        private final List<List<Object[]>> rows = new ArrayList<>();

        State(BufferAllocator allocator) {
            this.allocator = allocator;
        }

        @Override
        public void ensureGroups(int groupCount) {
            while (rows.size() < groupCount) {
                rows.add(new ArrayList<>());
            }
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            updateArguments(argument == null ? new FieldVector[0] : new FieldVector[] {argument}, groupIds, rows);
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            update(argument, new int[rows], rows);
        }

        @Override
        public void updateArguments(FieldVector[] arguments, int[] groupIds, int count) {
            int arity = argumentTypes.size();
            for (int row = 0; row < count; row++) {
                Object[] values = new Object[arity];
                for (int k = 0; k < arity; k++) {
                    values[k] = ValueAccess.get(arguments[k], row);
                }
                rows.get(groupIds[row]).add(values);
            }
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            State theirs = (State) other;
            for (int g = 0; g < otherGroups && g < theirs.rows.size(); g++) {
                rows.get(mapping[g]).addAll(theirs.rows.get(g));
            }
            theirs.rows.clear();
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            ensureGroups(groupCount);
            try (EvaluationContext context = new EvaluationContext(allocator)) {
                TransitionShare shared = share;
                Object[] states = shared.statesFor(rows, groupCount);
                if (states == null) {
                    states = new Object[groupCount];
                    for (int g = 0; g < groupCount; g++) {
                        states[g] = fold(rows.get(g), context);
                    }
                    shared.remember(new ArrayList<>(rows.subList(0, groupCount)), states);
                }
                for (int g = 0; g < groupCount; g++) {
                    ValueAccess.set(out, g, finish(states[g], context));
                }
            }
            out.setValueCount(groupCount);
        }

        /** Folds one group's rows as PostgreSQL's advance_transition_function does. */
        private Object fold(List<Object[]> groupRows, EvaluationContext context) {
            Object state = initial;
            boolean noValue = !hasInitial;
            for (Object[] values : groupRows) {
                if (strict) {
                    boolean anyNull = false;
                    for (Object value : values) {
                        anyNull |= value == null;
                    }
                    if (anyNull) {
                        continue;
                    }
                    if (noValue && values.length > 0) {
                        state = values[0];
                        noValue = false;
                        continue;
                    }
                    if (state == null && !noValue) {
                        continue;
                    }
                }
                List<FieldVector> columns = new ArrayList<>(values.length + 1);
                columns.add(single(stateType, state, context));
                for (int k = 0; k < values.length; k++) {
                    columns.add(single(argumentTypes.get(k), values[k], context));
                }
                state = ValueAccess.get(transition.evaluate(new Batch(columns, 1), context), 0);
                noValue = false;
                context.releaseBatch();
            }
            return state;
        }

        /** The final function applied to a group's state (the state itself without one). */
        private Object finish(Object state, EvaluationContext context) {
            if (finish == null) {
                return state;
            }
            Object result = ValueAccess.get(finish.evaluate(
                    new Batch(List.of(single(stateType, state, context)), 1), context), 0);
            context.releaseBatch();
            return result;
        }

        private static FieldVector single(LogicalType type, Object value, EvaluationContext context) {
            FieldVector vector = context.newVector(type, 1);
            ValueAccess.set(vector, 0, value);
            vector.setValueCount(1);
            return vector;
        }

        @Override
        public void close() {
            rows.clear();
        }
    }
}
