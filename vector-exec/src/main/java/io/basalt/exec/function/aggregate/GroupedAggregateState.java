package io.basalt.exec.function.aggregate;

import org.apache.arrow.vector.FieldVector;

/**
 * The running values of one aggregate for every group of one aggregation. Groups are numbered densely
 * from 0; a group's slot exists once {@link #ensureGroups} has covered it. Implementations dispatch on the
 * argument's type once per batch and then run a typed loop.
 */
public interface GroupedAggregateState extends AutoCloseable {
    /** Makes room for groups {@code [0, groupCount)}. */
    void ensureGroups(int groupCount);

    /**
     * Adds rows {@code [0, rows)} of {@code argument} (null for {@code count(*)}) to the groups
     * {@code groupIds[row]}. NULL arguments are skipped, as SQL requires.
     */
    void update(FieldVector argument, int[] groupIds, int rows);

    /** Adds all rows to group 0: the no-GROUP-BY case, where kernels can sum a whole vector at once. */
    void updateSingleGroup(FieldVector argument, int rows);

    /**
     * Adds rows of an aggregate with several arguments ({@code corr(y, x)}, {@code string_agg(v, d)}, or one
     * whose call carries sort keys or direct arguments after its own): {@code arguments[k]} is argument k.
     * Which rows count (NULL handling) is the aggregate's own rule. Single-argument aggregates need not
     * override it: the default passes {@code arguments[0]} to {@link #update(FieldVector, int[], int)}.
     */
    default void updateArguments(FieldVector[] arguments, int[] groupIds, int rows) {
        update(arguments.length == 0 ? null : arguments[0], groupIds, rows);
    }

    /** {@link #updateArguments} for the no-GROUP-BY case: all rows go to group 0. */
    default void updateArgumentsSingleGroup(FieldVector[] arguments, int rows) {
        updateArguments(arguments, new int[rows], rows);
    }

    /**
     * Adds the running values of {@code other} (a state of the same function) into this one: group g of
     * {@code other}, for g in {@code [0, otherGroups)}, goes into group {@code mapping[g]} here, whose slot
     * must exist. How parallel workers' partial aggregates are combined, and how grouping sets roll coarser
     * sets up from the finest one: {@code other} stays unchanged, so it may be merged again or write its results.
     */
    void merge(GroupedAggregateState other, int[] mapping, int otherGroups);

    /** Writes the results of groups {@code [0, groupCount)} into rows 0.. of {@code out} (of the result type). */
    void writeResults(FieldVector out, int groupCount);

    /** Frees any Arrow memory the state holds. */
    @Override
    default void close() {
    }
}
