package io.basalt.exec.function.aggregate;

/**
 * An aggregate state that adds values handed over as their sum, count and bounds, computed without the values being read
 * into a vector (a scan summing stored chunks from their encoding, {@link io.basalt.exec.operator.SummingSource}).
 * The result is the same as {@link #updateSingleGroup} over those values.
 */
public interface SummedValuesState extends GroupedAggregateState {
    /** Whether {@link #addSummed} may stand for {@link #updateSingleGroup} (the function and its argument type decide). */
    boolean takesSums();

    /**
     * What {@link #addSummed} reads besides the count: {@link io.basalt.exec.operator.SummingSource#SUM} and/or
     * {@link io.basalt.exec.operator.SummingSource#BOUNDS}.
     */
    int summedNeeds();

    /**
     * Adds, to group 0, {@code valid} non-NULL values (for {@code count(*)}: rows) whose sum is the signed 128-bit
     * integer {@code high * 2^64 + low} ({@code low} unsigned) and which lie in {@code [min, max]}, both values among
     * them (longs, or a double argument's raw bits; meaningless when {@code valid} is 0 or {@link #summedNeeds} does
     * not ask for them). Precondition: {@link #takesSums} said yes.
     */
    void addSummed(long low, long high, long valid, long min, long max);

    /**
     * Adds, to group 0, {@code valid} non-NULL values given as the sums of the batches the rows path would have read,
     * {@code batchSums[0, batches)} in that order ({@link io.basalt.exec.operator.SummingSource#DOUBLE_SUM}), so the
     * double total is the rows path's to the last bit. Only for a state whose {@link #summedNeeds} has DOUBLE_SUM.
     */
    default void addBatchSums(double[] batchSums, int batches, long valid) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " takes no batch sums");
    }
}
