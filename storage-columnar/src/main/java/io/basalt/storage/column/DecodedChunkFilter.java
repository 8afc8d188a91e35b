package io.basalt.storage.column;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.storage.column.encoding.LongRanges;
import io.basalt.storage.column.encoding.RowBits;
import io.basalt.storage.column.kernel.SelectionKernels;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Evaluates a scan's predicates on a column chunk that is already decoded (an Arrow vector the buffer cache holds),
 * with the same meaning and result as {@link EncodedChunkFilter} on the chunk's encoded bytes: a {@link RowBits}
 * selection over the chunk's rows. It serves the integer-stream columns (SMALLINT, INTEGER, BIGINT, DATE,
 * TIMESTAMP[TZ], NUMERIC(p &lt;= 18)): once their chunk is decoded (a warm scan, or a cold one whose filter above
 * needs the column anyway), comparing the 32- or 64-bit values in place by {@link SelectionKernels} is cheaper than
 * unpacking the encoded chunk again, so a chunk is decoded at most once per scan.
 */
public final class DecodedChunkFilter {
    /** Above this many ranges a value is tested by {@link LongRanges#contains} instead of one pass per range. */
    private static final int RANGE_PASSES = 8;

    private final SelectionKernels kernels;

    /** The filter with the kernels this JVM runs. */
    public static final DecodedChunkFilter INSTANCE = new DecodedChunkFilter(SelectionKernels.kernels());

    /** A filter running the given kernels (tests pass each implementation). */
    public DecodedChunkFilter(SelectionKernels kernels) {
        this.kernels = kernels;
    }

    /** Whether a decoded chunk of a column of {@code type} is evaluated here (else: {@link EncodedChunkFilter}). */
    public static boolean handles(LogicalType type) {
        return PredicateConditions.isIntegerStream(type);
    }

    /**
     * The rows of {@code vector} (a whole decoded chunk of a column of {@code type}, {@link #handles} true) that may
     * satisfy every predicate of {@code predicates} (all on this column), or null when none of them could be
     * evaluated (every row may).
     */
    public long[] select(FieldVector vector, LogicalType type, List<ScanPredicate> predicates) {
        int count = vector.getValueCount();
        if (!(vector instanceof BaseFixedWidthVector fixed)) {
            return null;
        }
        int width = fixed.getTypeWidth();
        if (width != Integer.BYTES && width != Long.BYTES && width != Short.BYTES) {
            return null;
        }
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
        int nulls = vector.getNullCount();
        if (wantsNull && wantsValue || wantsNull && nulls == 0 || wantsValue && nulls == count) {
            return RowBits.empty(count);
        }
        long[] valid = nulls == 0 ? null : validity(vector, count);
        if (wantsNull) {
            long[] nullRows = RowBits.empty(count);
            for (int word = 0; word < nullRows.length; word++) {
                nullRows[word] = ~valid[word];
            }
            clearTail(nullRows, count);
            return nullRows;
        }
        LongRanges ranges = PredicateConditions.integerRanges(predicates, type);
        if (ranges == null) {
            return valid;
        }
        long[] selected = RowBits.empty(count);
        MemorySegment values = ArrowSegments.values(vector);
        if (ranges.size() > RANGE_PASSES || width == Short.BYTES) {
            for (int row = 0; row < count; row++) {
                long value = width == Short.BYTES ? values.getAtIndex(SHORT, row)
                        : width == Integer.BYTES ? values.getAtIndex(ArrowSegments.INT, row)
                        : values.getAtIndex(ArrowSegments.LONG, row);
                if (ranges.contains(value)) {
                    selected[row >>> 6] |= 1L << row;
                }
            }
        } else {
            for (int range = 0; range < ranges.size(); range++) {
                long low = ranges.low(range);
                long high = ranges.high(range);
                if (width == Long.BYTES) {
                    kernels.selectRangeLongs(values, count, low, high, selected);
                } else if (low <= Integer.MAX_VALUE && high >= Integer.MIN_VALUE) {
                    kernels.selectRangeInts(values, count, (int) Math.max(low, Integer.MIN_VALUE),
                            (int) Math.min(high, Integer.MAX_VALUE), selected);
                }
            }
        }
        if (valid != null) {
            RowBits.and(selected, valid);
        }
        return selected;
    }

    private static final java.lang.foreign.ValueLayout.OfShort SHORT =
            java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);

    /** The vector's validity bitmap as row bits (Arrow's bitmap has the same bit order). */
    private static long[] validity(FieldVector vector, int count) {
        long[] valid = RowBits.empty(count);
        MemorySegment bitmap = ArrowSegments.of(vector.getValidityBuffer());
        int bytes = (count + 7) >>> 3;
        for (int i = 0; i < bytes; i++) {
            valid[i >>> 3] |= (bitmap.get(java.lang.foreign.ValueLayout.JAVA_BYTE, i) & 0xFFL) << ((i & 7) * 8);
        }
        clearTail(valid, count);
        return valid;
    }

    private static void clearTail(long[] bits, int count) {
        if ((count & 63) != 0) {
            bits[count >>> 6] &= (1L << count) - 1;
        } else if (count == 0) {
            bits[0] = 0;
        }
    }
}
