package io.basalt.exec.function.aggregate;

/**
 * An aggregate state that adds NUMERIC values handed over as unscaled 64-bit integers of one scale, the form in
 * which a fused NUMERIC expression ({@code io.basalt.exec.expression.CompactDecimalArithmetic}) computes a batch:
 * TPC-H Q1's {@code sum(l_extendedprice * (1 - l_discount))} then adds longs, without the expression's values being
 * written into a NUMERIC vector and read back. The result is the same as {@link #update} over that vector.
 */
public interface UnscaledSumState extends GroupedAggregateState {
    /** Whether {@link #updateUnscaled} takes values of {@code scale} (the argument's type decides). */
    boolean takesUnscaled(int scale);

    /**
     * Adds {@code values[i]} (unscaled, of {@code scale}) to group {@code groupIds[i]} (group 0 when
     * {@code groupIds} is null) for every row {@code i < rows} with {@code nulls[i]} false. Precondition:
     * {@link #takesUnscaled} said yes for {@code scale}, and {@link #ensureGroups} covers every group id.
     */
    void updateUnscaled(long[] values, boolean[] nulls, int scale, int[] groupIds, int rows);
}
