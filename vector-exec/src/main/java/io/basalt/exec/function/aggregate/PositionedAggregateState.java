package io.basalt.exec.function.aggregate;

import org.apache.arrow.vector.FieldVector;

/**
 * An aggregate state that can add chosen rows of a vector to the single group of an aggregate without GROUP BY,
 * reading the rows where they are: how a filter's selection (positions over its input's vectors, see
 * {@code io.basalt.exec.batch.Batch}) reaches {@code sum} and {@code count} without the survivors being copied
 * first. An aggregate that does not implement it, or says no for an argument, gets the rows gathered.
 */
public interface PositionedAggregateState extends GroupedAggregateState {
    /** Whether {@link #updateSingleGroupAt} handles {@code argument} ({@code null} for {@code count(*)}). */
    boolean updatesAtPositions(FieldVector argument);

    /**
     * Adds rows {@code positions[0..count)} of {@code argument} (ascending positions below its value count; null for
     * {@code count(*)}) to group 0, with the same result as {@link #updateSingleGroup} on those rows gathered.
     * Precondition: {@link #updatesAtPositions} said yes for {@code argument}.
     */
    void updateSingleGroupAt(FieldVector argument, int[] positions, int count);
}
