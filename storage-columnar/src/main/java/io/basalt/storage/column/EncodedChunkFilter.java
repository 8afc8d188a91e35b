package io.basalt.storage.column;

import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.storage.column.encoding.BinaryMatcher;
import io.basalt.storage.column.encoding.BinaryStreamFilter;
import io.basalt.storage.column.encoding.ByteSource;
import io.basalt.storage.column.encoding.LongRanges;
import io.basalt.storage.column.encoding.LongStreamFilter;
import io.basalt.storage.column.encoding.RowBits;
import io.basalt.storage.column.encoding.ValidityCodec;
import io.basalt.storage.column.kernel.DecodeKernelProvider;
import io.basalt.storage.column.kernel.DecodeKernels;
import io.basalt.storage.column.kernel.SelectionKernels;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Evaluates a scan's predicates on one column chunk written by {@link AdaptiveChunkCodec} without decoding it into an
 * Arrow vector: IS [NOT] NULL on the validity mask, comparisons, IN lists and (text) prefixes on the value stream
 * ({@link LongStreamFilter} for columns stored as one integer stream, {@link BinaryStreamFilter} for text). The result
 * is a selection, a {@link RowBits} bitmap over the chunk's rows, which is a superset of the rows satisfying all the
 * predicates (exact wherever every predicate could be translated, see {@link PredicateConditions}); a scan drops the
 * rows outside it and runs its full filter over the rest.
 *
 * <p>The chunk's own CRC32C is not checked here: callers hand over bytes whose file checksum they verified.
 */
public final class EncodedChunkFilter {
    private final DecodeKernels decode;
    private final SelectionKernels kernels;

    /** The filter with the kernels this JVM runs. */
    public static final EncodedChunkFilter INSTANCE =
            new EncodedChunkFilter(DecodeKernelProvider.kernels(), SelectionKernels.kernels());

    /** A filter running the given kernels (tests pass each implementation). */
    public EncodedChunkFilter(DecodeKernels decode, SelectionKernels kernels) {
        this.decode = decode;
        this.kernels = kernels;
    }

    /**
     * The rows of {@code chunk} (a column of {@code type}) that may satisfy every predicate of {@code predicates}
     * (all on this column), or null when nothing about them can be decided from this chunk's encoding (an Arrow IPC
     * or FSST-style chunk, a type or constant not placed): then every row may.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED when the chunk is damaged
     */
    public long[] select(MemorySegment chunk, LogicalType type, List<ScanPredicate> predicates) {
        ByteSource in = new ByteSource(chunk, chunk.byteSize());
        if (in.remaining() < 7 || in.getByte() != AdaptiveChunkCodec.MAGIC
                || in.getByte() != AdaptiveChunkCodec.FORMAT_VERSION) {
            return null;
        }
        ChunkLayout layout = ChunkLayout.ofId(in.getByte());
        boolean integers = switch (layout) {
            case INT16, INT32, DATE32, INT64 -> PredicateConditions.isIntegerStream(type);
            default -> false;
        };
        boolean text = layout == ChunkLayout.UTF8 && PredicateConditions.isTextStream(type);
        if (!integers && !text) {
            return null;
        }
        int count = in.getCount(AdaptiveChunkCodec.MAXIMUM_ROWS, "row count");
        boolean wantsNull = false;
        boolean wantsValue = false;
        for (ScanPredicate predicate : predicates) {
            if (predicate instanceof ScanPredicate.IsNull isNull) {
                wantsNull |= !isNull.negated();
                wantsValue |= isNull.negated();
            } else {
                wantsValue = true;  // every comparison is false or unknown on NULL
            }
        }
        long[] valid = RowBits.empty(count);
        int nulls = ValidityCodec.readBits(in, count, valid, decode);
        if (wantsNull && wantsValue || wantsNull && nulls == 0 || wantsValue && nulls == count) {
            return RowBits.empty(count);
        }
        if (wantsNull) {
            return complement(valid, count);
        }
        long[] selected = values(in, count, type, integers, predicates);
        if (selected == null) {
            return nulls == 0 ? null : valid;
        }
        RowBits.and(selected, valid);
        return selected;
    }

    /** The rows whose value satisfies the value conditions, NULLs not yet excluded; null when none is placed. */
    private long[] values(ByteSource in, int count, LogicalType type, boolean integers,
                          List<ScanPredicate> predicates) {
        long[] selected = RowBits.empty(count);
        if (integers) {
            LongRanges ranges = PredicateConditions.integerRanges(predicates, type);
            if (ranges == null) {
                return null;
            }
            LongStreamFilter.select(in, count, ranges, selected, decode, kernels);
            return selected;
        }
        BinaryMatcher matcher = PredicateConditions.textMatcher(predicates);
        if (matcher == null || !BinaryStreamFilter.select(in, count, matcher, selected, decode, kernels)) {
            return null;
        }
        return selected;
    }

    private static long[] complement(long[] valid, int count) {
        long[] nullRows = RowBits.empty(count);
        for (int word = 0; word < nullRows.length; word++) {
            nullRows[word] = ~valid[word];
        }
        if ((count & 63) != 0) {
            nullRows[count >>> 6] &= (1L << count) - 1;
        } else if (count == 0) {
            nullRows[0] = 0;
        }
        return nullRows;
    }
}
