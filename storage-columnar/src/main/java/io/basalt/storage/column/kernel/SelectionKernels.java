package io.basalt.storage.column.kernel;

/**
 * The hot loop of predicates evaluated on column chunks: marking the values of an integer array (unpacked
 * frame-of-reference offsets, dictionary codes, plain values) or of a decoded chunk's Arrow data buffer (32- or
 * 64-bit integers) that lie in a closed range, as bits of a row bitmap.
 * Two implementations exist: {@link PlainSelectionKernels}, the reference, and {@code VectorSelectionKernels} on the
 * Java Vector API; {@link #kernels()} picks the one matching {@link DecodeKernelProvider}'s choice, once.
 */
public interface SelectionKernels {
    /**
     * Sets bit {@code i} of {@code bits} (bit {@code i & 63} of word {@code i >>> 6}) for every {@code i} in
     * {@code [0, count)} with {@code low <= values[i] <= high} (signed); other bits are left as they are, so calls for
     * several ranges accumulate their union. {@code bits} holds at least {@code (count + 63) / 64} words.
     */
    void selectRange(long[] values, int count, long low, long high, long[] bits);

    /**
     * {@link #selectRange(long[], int, long, long, long[])} over {@code count} 32-bit little-endian integers at the
     * start of {@code values} (a decoded Arrow vector's data buffer), bounds given as ints.
     */
    void selectRangeInts(java.lang.foreign.MemorySegment values, int count, int low, int high, long[] bits);

    /** {@link #selectRange(long[], int, long, long, long[])} over 64-bit little-endian integers in {@code values}. */
    void selectRangeLongs(java.lang.foreign.MemorySegment values, int count, long low, long high, long[] bits);

    /**
     * Sets bit {@code i} of {@code bits} for every {@code i} in {@code [0, count)} whose {@code codes[i]} names a
     * matching entry of a dictionary of at most 64 entries: bit {@code codes[i]} of {@code matching} is set. A code
     * outside {@code [0, 64)} matches nothing. Other bits are left as they are. The dictionary filter on short strings:
     * the predicate is evaluated once per entry, then one pass over the codes selects the rows, however many separate
     * ranges of codes match (an IN list, {@code <>}).
     */
    void selectCodes(long[] codes, int count, long matching, long[] bits);

    /** The selection kernels this JVM runs: vector ones exactly when the decode kernels are vector ones. */
    static SelectionKernels kernels() {
        return Choice.KERNELS;
    }

    /** Holds the choice, made when first asked for. */
    final class Choice {
        private static final String VECTOR_CLASS = "io.basalt.storage.column.kernel.VectorSelectionKernels";
        static final SelectionKernels KERNELS = choose();

        private Choice() {
        }

        private static SelectionKernels choose() {
            if (DecodeKernelProvider.kernels() instanceof PlainDecodeKernels) {
                return new PlainSelectionKernels();
            }
            try {
                return (SelectionKernels) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                throw io.basalt.error.BasaltException.internal("cannot load the vector selection kernels", e);
            }
        }
    }
}
