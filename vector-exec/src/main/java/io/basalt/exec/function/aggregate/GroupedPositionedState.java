package io.basalt.exec.function.aggregate;

import org.apache.arrow.vector.FieldVector;

/**
 * An aggregate state that adds chosen rows of a vector to their groups reading the rows where they are: how a
 * filter's selection reaches a grouped {@code sum}, {@code avg} or {@code count} (TPC-H Q1 keeps 98% of lineitem)
 * without the surviving rows of every column being copied first. The single-group counterpart is
 * {@link PositionedAggregateState}.
 */
public interface GroupedPositionedState extends GroupedAggregateState {
    /** Whether {@link #updateAt} handles {@code argument} ({@code null} for {@code count(*)}). */
    boolean updatesGroupedAt(FieldVector argument);

    /**
     * Adds row {@code positions[k]} of {@code argument} (null for {@code count(*)}) to group {@code groupIds[k]} for
     * every {@code k < count}, with the same result as {@link #update} over those rows gathered. Precondition:
     * {@link #updatesGroupedAt} said yes for {@code argument}, and {@link #ensureGroups} covers every group id.
     */
    void updateAt(FieldVector argument, int[] positions, int[] groupIds, int count);
}
