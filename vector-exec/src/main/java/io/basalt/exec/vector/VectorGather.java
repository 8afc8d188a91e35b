package io.basalt.exec.vector;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Builds new vectors holding chosen rows of existing ones, in the order of a selection. This is how
 * filters compact their output and how CASE narrows a batch to the rows of one branch. Integer, date,
 * double, 128-bit decimal, string and binary columns copy in typed loops over the Arrow buffers; other
 * columns copy value by value.
 */
public final class VectorGather {
    private VectorGather() {
    }

    /**
     * A dense batch of {@code count} rows: row k is value {@code selection[k]} of {@code batch}'s vectors (positions
     * in the vectors, also when {@code batch} is itself selective).
     */
    public static Batch gather(Batch batch, int[] selection, int count, EvaluationContext context) {
        if (count == batch.physicalRowCount() && isIdentity(selection, count)) {
            return batch.isSelective() ? new Batch(batch.columns(), count) : batch;
        }
        List<FieldVector> columns = new ArrayList<>(batch.columnCount());
        for (FieldVector source : batch.columns()) {
            FieldVector target = context.newVector(LogicalType.of(source.getField()), count);
            gather(source, selection, count, target);
            columns.add(target);
        }
        return new Batch(columns, count);
    }

    /**
     * {@code batch} itself when it is dense, else its selected rows copied into new dense vectors of {@code context}:
     * what an operator that needs every row in place does with a selective batch.
     */
    public static Batch dense(Batch batch, EvaluationContext context) {
        return batch.isSelective() ? gather(batch, batch.selection(), batch.rowCount(), context) : batch;
    }

    /**
     * A batch of {@code count} rows, row k being row {@code selection[k]} of {@code batch}, in new vectors from
     * {@code allocator} that the caller owns and closes (also when this throws: the vectors made so far are then
     * closed here).
     */
    public static Batch gatherCopy(Batch batch, int[] selection, int count, org.apache.arrow.memory.BufferAllocator allocator) {
        List<FieldVector> columns = new ArrayList<>(batch.columnCount());
        try {
            for (FieldVector source : batch.columns()) {
                FieldVector target = ValueAccess.allocate(LogicalType.of(source.getField()), source.getName(), allocator,
                        count);
                columns.add(target);
                gather(source, selection, count, target);
            }
        } catch (RuntimeException | Error failure) {
            for (FieldVector column : columns) {
                column.close();
            }
            throw failure;
        }
        return new Batch(columns, count);
    }

    /** Copies rows {@code selection[0..count)} of {@code source} into rows 0.. of {@code target}. */
    public static void gather(FieldVector source, int[] selection, int count, FieldVector target) {
        gather(source, selection, count, target, ArrowSegments.nullCount(source) == 0);
    }

    /**
     * {@link #gather(FieldVector, int[], int, FieldVector)} for a caller that knows whether {@code source} holds
     * NULLs (counting them scans the validity bitmap, which is costly for a large source and a small selection).
     */
    public static void gather(FieldVector source, int[] selection, int count, FieldVector target, boolean noNulls) {
        // One typed loop per vector class, chosen once per column, so that no row makes a virtual call.
        if ((source instanceof BigIntVector || source instanceof Float8Vector) && source.getClass() == target.getClass()
                && target.getValueCapacity() >= count) {
            gatherLongs((BaseFixedWidthVector) source, selection, count, (BaseFixedWidthVector) target, noNulls);
        } else if ((source instanceof IntVector || source instanceof DateDayVector) && source.getClass() == target.getClass()
                && target.getValueCapacity() >= count) {
            gatherInts((BaseFixedWidthVector) source, selection, count, (BaseFixedWidthVector) target, noNulls);
        } else if (source instanceof DecimalVector from && target instanceof DecimalVector to
                && to.getValueCapacity() >= count) {
            gatherWide(from, selection, count, to, noNulls);
        } else if ((source instanceof VarCharVector || source instanceof VarBinaryVector)
                && source.getClass() == target.getClass()) {
            gatherVariableWidth((BaseVariableWidthVector) source, selection, count, (BaseVariableWidthVector) target,
                    noNulls);
        } else {
            for (int k = 0; k < count; k++) {
                copyValue(source, selection[k], target, k);
            }
        }
        target.setValueCount(count);
    }

    /**
     * Copies rows {@code selection[0..count)} of {@code source} into rows {@code at..at + count} of {@code target},
     * which holds {@code at} rows already and has room for {@code at + count} values (a string target's data buffer
     * grows here as needed); the target's value count becomes {@code at + count}. This is how a join appends a small
     * piece of pairs to the batch it is collecting without gathering the piece into scratch vectors and copying it
     * again.
     */
    public static void gatherInto(FieldVector source, int[] selection, int count, FieldVector target, int at,
                                  boolean noNulls) {
        if (at == 0) {
            gather(source, selection, count, target, noNulls);
            return;
        }
        int end = at + count;
        if ((source instanceof BigIntVector || source instanceof Float8Vector) && source.getClass() == target.getClass()
                && target.getValueCapacity() >= end) {
            MemorySegment from = ArrowSegments.values(source);
            MemorySegment to = ArrowSegments.values(target);
            for (int k = 0; k < count; k++) {
                to.set(ArrowSegments.LONG, (long) (at + k) << 3, from.get(ArrowSegments.LONG, (long) selection[k] << 3));
            }
            validityInto(source, selection, count, target, at, noNulls);
        } else if ((source instanceof IntVector || source instanceof DateDayVector)
                && source.getClass() == target.getClass() && target.getValueCapacity() >= end) {
            MemorySegment from = ArrowSegments.values(source);
            MemorySegment to = ArrowSegments.values(target);
            for (int k = 0; k < count; k++) {
                to.set(ArrowSegments.INT, (long) (at + k) << 2, from.get(ArrowSegments.INT, (long) selection[k] << 2));
            }
            validityInto(source, selection, count, target, at, noNulls);
        } else if (source instanceof DecimalVector from && target instanceof DecimalVector to
                && to.getValueCapacity() >= end) {
            ArrowBuf sourceData = from.getDataBuffer();
            ArrowBuf targetData = to.getDataBuffer();
            for (int k = 0; k < count; k++) {
                int row = selection[k];
                long place = (long) (at + k) * 16;
                targetData.setLong(place, sourceData.getLong((long) row * 16));
                targetData.setLong(place + 8, sourceData.getLong((long) row * 16 + 8));
            }
            validityInto(source, selection, count, target, at, noNulls);
        } else if ((source instanceof VarCharVector || source instanceof VarBinaryVector)
                && source.getClass() == target.getClass() && target.getValueCapacity() >= end
                && variableWidthInto((BaseVariableWidthVector) source, selection, count,
                        (BaseVariableWidthVector) target, at, noNulls)) {
            ((BaseVariableWidthVector) target).setLastSet(end - 1);
        } else {
            for (int k = 0; k < count; k++) {
                copyValue(source, selection[k], target, at + k);
            }
        }
        target.setValueCount(end);
    }

    /** The validity bits of rows {@code at..at + count} of {@code to}, from the selected rows of {@code from}. */
    private static void validityInto(FieldVector from, int[] selection, int count, FieldVector to, int at,
                                     boolean noNulls) {
        ArrowBuf validity = to.getValidityBuffer();
        if (noNulls) {
            int k = at;
            int end = at + count;
            for (; k < end && (k & 7) != 0; k++) {
                BitVectorHelper.setBit(validity, k);
            }
            for (; k + 8 <= end; k += 8) {
                validity.setByte(k >>> 3, 0xFF);
            }
            for (; k < end; k++) {
                BitVectorHelper.setBit(validity, k);
            }
            return;
        }
        for (int k = 0; k < count; k++) {
            BitVectorHelper.setValidityBit(validity, at + k, from.isNull(selection[k]) ? 0 : 1);
        }
    }

    /**
     * Strings and binary values appended after the target's {@code at} rows; false (nothing written) when their
     * bytes would not fit an int offset, for the caller's value-by-value copy.
     */
    private static boolean variableWidthInto(BaseVariableWidthVector from, int[] selection, int count,
                                             BaseVariableWidthVector to, int at, boolean noNulls) {
        long total = selectedBytes(from, selection, count);
        int offset = to.getOffsetBuffer().getInt((long) at * 4);
        long needed = offset + total;
        if (needed > Integer.MAX_VALUE) {
            return false;
        }
        if (to.getDataBuffer().capacity() < needed) {
            to.reallocDataBuffer(Math.max(needed, 2 * to.getDataBuffer().capacity()));
        }
        copyValuesAt(from, selection, count, to, at, offset, noNulls);
        return true;
    }

    /** Copies rows [0, rows) of a string vector into {@code target} (same layout) by three buffer copies. */
    public static void copyStrings(VarCharVector source, int rows, VarCharVector target) {
        if (rows == 0) {
            target.setValueCount(0);
            return;
        }
        ArrowBuf sourceOffsets = source.getOffsetBuffer();
        int bytes = sourceOffsets.getInt((long) rows * 4);
        int first = sourceOffsets.getInt(0);
        if (first != 0) {
            int[] identity = new int[rows];
            for (int k = 0; k < rows; k++) {
                identity[k] = k;
            }
            gather(source, identity, rows, target);
            return;
        }
        if (target.getDataBuffer().capacity() < bytes || target.getValueCapacity() < rows) {
            target.allocateNew(Math.max(bytes, 1), rows);
        }
        target.getOffsetBuffer().setBytes(0, sourceOffsets, 0, (long) (rows + 1) * 4);
        target.getDataBuffer().setBytes(0, source.getDataBuffer(), 0, bytes);
        if (source.getNullCount() == 0) {
            // A source without NULLs may come without a validity buffer (read from IPC), so bits are set here.
            // whole bytes at once, then the last few bits one by one
            ArrowBuf validity = target.getValidityBuffer();
            int wholeBytes = rows >>> 3;
            validity.setOne(0, wholeBytes);
            for (int k = wholeBytes << 3; k < rows; k++) {
                BitVectorHelper.setBit(validity, k);
            }
        } else {
            target.getValidityBuffer().setBytes(0, source.getValidityBuffer(), 0, (rows + 7) / 8);
        }
        target.setLastSet(rows - 1);
        target.setValueCount(rows);
    }

    /** 8-byte values (bigint, double precision) copied through the buffers; NULL rows copy their slot too. */
    private static void gatherLongs(BaseFixedWidthVector from, int[] selection, int count, BaseFixedWidthVector to,
                                    boolean noNulls) {
        MemorySegment source = ArrowSegments.values(from);
        MemorySegment target = ArrowSegments.values(to);
        for (int k = 0; k < count; k++) {
            target.set(ArrowSegments.LONG, (long) k << 3, source.get(ArrowSegments.LONG, (long) selection[k] << 3));
        }
        validityInto(from, selection, count, to, 0, noNulls);
    }

    /** 4-byte values (integer, date) copied through the buffers; NULL rows copy their slot too. */
    private static void gatherInts(BaseFixedWidthVector from, int[] selection, int count, BaseFixedWidthVector to,
                                   boolean noNulls) {
        MemorySegment source = ArrowSegments.values(from);
        MemorySegment target = ArrowSegments.values(to);
        for (int k = 0; k < count; k++) {
            target.set(ArrowSegments.INT, (long) k << 2, source.get(ArrowSegments.INT, (long) selection[k] << 2));
        }
        validityInto(from, selection, count, to, 0, noNulls);
    }

    /** 128-bit decimals: two longs per value copied through the data buffers. */
    private static void gatherWide(DecimalVector from, int[] selection, int count, DecimalVector to, boolean noNulls) {
        ArrowBuf source = from.getDataBuffer();
        ArrowBuf target = to.getDataBuffer();
        for (int k = 0; k < count; k++) {
            int row = selection[k];
            if (noNulls || !from.isNull(row)) {
                target.setLong((long) k * 16, source.getLong((long) row * 16));
                target.setLong((long) k * 16 + 8, source.getLong((long) row * 16 + 8));
                to.setIndexDefined(k);
            } else {
                to.setNull(k);
            }
        }
    }

    /**
     * Strings and binary values: the selected values' total size is summed first so that the target's data
     * buffer is sized once, then the values are copied by {@link #copyValuesAt}.
     */
    private static void gatherVariableWidth(BaseVariableWidthVector from, int[] selection, int count,
                                            BaseVariableWidthVector to, boolean noNulls) {
        if (!noNulls && count > 0 && from.getNullCount() == from.getValueCount()) {
            // all NULL (a scan's path column documents where a sub-column covered every row): zero the buffers
            if (to.getValueCapacity() < count) {
                to.allocateNew(1, count);
            }
            to.getValidityBuffer().setZero(0, (count + 7) / 8);
            to.getOffsetBuffer().setZero(0, (long) (count + 1) * 4);
            to.setLastSet(count - 1);
            return;
        }
        long total = selectedBytes(from, selection, count);
        if (total > Integer.MAX_VALUE) {
            for (int k = 0; k < count; k++) {
                copyValue(from, selection[k], to, k);
            }
            return;
        }
        if (to.getDataBuffer().capacity() < total || to.getValueCapacity() < count) {
            to.allocateNew(Math.max(total, 1), Math.max(count, 1));
        }
        to.getOffsetBuffer().setInt(0, 0);
        copyValuesAt(from, selection, count, to, 0, 0, noNulls);
        to.setLastSet(count - 1);
    }

    /** The bytes of the selected values of a string or binary vector. */
    private static long selectedBytes(BaseVariableWidthVector from, int[] selection, int count) {
        ArrowBuf offsets = from.getOffsetBuffer();
        long total = 0;
        for (int k = 0; k < count; k++) {
            int row = selection[k];
            total += offsets.getInt((long) (row + 1) * 4) - offsets.getInt((long) row * 4);
        }
        return total;
    }

    /**
     * Writes the selected strings or binary values into rows {@code at..at + count} of {@code to}, whose data
     * buffer has room for them from byte {@code offset} (the end of row {@code at - 1}): each value is one memory
     * copy, its offset and validity written directly (Arrow's copyFromSafe checks capacity and looks up types for
     * every row).
     */
    private static void copyValuesAt(BaseVariableWidthVector from, int[] selection, int count,
                                     BaseVariableWidthVector to, int at, int offset, boolean noNulls) {
        ArrowBuf sourceOffsets = from.getOffsetBuffer();
        ArrowBuf sourceData = from.getDataBuffer();
        ArrowBuf targetOffsets = to.getOffsetBuffer();
        ArrowBuf targetData = to.getDataBuffer();
        ArrowBuf targetValidity = to.getValidityBuffer();
        if (noNulls) {
            validityInto(from, selection, count, to, at, true);
        }
        for (int k = 0; k < count; k++) {
            int row = selection[k];
            if (noNulls || !from.isNull(row)) {
                int start = sourceOffsets.getInt((long) row * 4);
                int length = sourceOffsets.getInt((long) (row + 1) * 4) - start;
                if (length <= SHORT_VALUE) {
                    // a call into the memory copier costs more than moving a few bytes (flags, codes)
                    for (int b = 0; b < length; b++) {
                        targetData.setByte(offset + b, sourceData.getByte(start + b));
                    }
                } else {
                    targetData.setBytes(offset, sourceData, start, length);
                }
                offset += length;
                if (!noNulls) {
                    BitVectorHelper.setBit(targetValidity, at + k);
                }
            } else {
                BitVectorHelper.unsetBit(targetValidity, at + k);
            }
            targetOffsets.setInt((long) (at + k + 1) * 4, offset);
        }
    }

    /**
     * Copies one value (or NULL) between vectors of the same type. Arrays go through {@link ArrayVectors#copyRow}
     * (and must be written in increasing target order).
     */
    public static void copyValue(FieldVector source, int sourceRow, FieldVector target, int targetRow) {
        if (RecordVectors.isRecord(target)) {
            RecordVectors.copyRow(source, sourceRow, target, targetRow);
            return;
        }
        if (target instanceof org.apache.arrow.vector.complex.StructVector) {
            ArrayVectors.copyRow(source, sourceRow, target, targetRow);
            return;
        }
        target.copyFromSafe(sourceRow, targetRow, source);
    }

    /** Values up to this many bytes are copied byte by byte. */
    private static final int SHORT_VALUE = 8;

    private static boolean isIdentity(int[] selection, int count) {
        for (int k = 0; k < count; k++) {
            if (selection[k] != k) {
                return false;
            }
        }
        return true;
    }
}
