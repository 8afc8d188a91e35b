package io.basalt.exec.vector;

import io.basalt.exec.batch.Batch;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Zero-copy slices of vectors into another allocator: the slice shares the source's buffers and the
 * memory is accounted to {@code allocator}, so the source may be closed (and its allocator too) while the
 * slice lives on.
 *
 * <p>Arrow 19's {@code BitVector.splitAndTransfer} breaks that rule for slices starting at a byte boundary:
 * it retains the source buffer without moving ownership, so closing the source's allocator fails with a
 * leak. Boolean vectors are therefore copied (they are one bit per row: the copy is cheap). Arrow's
 * {@code ListVector} split has the same fault for its validity buffer (and would hit it again in a boolean
 * element vector), so arrays are copied value by value too.
 */
public final class VectorSlices {
    private VectorSlices() {
    }

    /**
     * Rows {@code [start, start + length)} of every column of {@code batch} (a dense batch) as a dense batch whose
     * vectors {@code allocator} owns; the slices already made are freed when one fails.
     */
    public static Batch slice(Batch batch, int start, int length, BufferAllocator allocator) {
        List<FieldVector> columns = new ArrayList<>(batch.columnCount());
        try {
            for (FieldVector column : batch.columns()) {
                columns.add(slice(column, start, length, allocator));
            }
        } catch (RuntimeException | Error failure) {
            columns.forEach(FieldVector::close);
            throw failure;
        }
        return new Batch(columns, length);
    }

    /** Rows {@code [start, start + length)} of {@code source} as a new vector owned by {@code allocator}. */
    public static FieldVector slice(FieldVector source, int start, int length, BufferAllocator allocator) {
        return slice(source, start, length, allocator, source.getField());
    }

    /** Like {@link #slice} but the new vector carries {@code field} (a result column's name). */
    public static FieldVector slice(FieldVector source, int start, int length, BufferAllocator allocator,
                                    org.apache.arrow.vector.types.pojo.Field field) {
        if (source instanceof BitVector bits) {
            BitVector copy = new BitVector(field, allocator);
            copy.allocateNew(Math.max(length, 1));
            for (int i = 0; i < length; i++) {
                if (!bits.isNull(start + i)) {
                    copy.set(i, bits.get(start + i));
                }
            }
            copy.setValueCount(length);
            return copy;
        }
        if (source instanceof org.apache.arrow.vector.complex.StructVector) {
            FieldVector copy = (FieldVector) field.createVector(allocator);
            try {
                copy.setInitialCapacity(Math.max(length, 1));
                copy.allocateNew();
                for (int i = 0; i < length; i++) {
                    VectorGather.copyValue(source, start + i, copy, i);
                }
                copy.setValueCount(length);
            } catch (RuntimeException failure) {
                copy.close();
                throw failure;
            }
            return copy;
        }
        TransferPair pair = source.getTransferPair(field, allocator);
        pair.splitAndTransfer(start, length);
        return (FieldVector) pair.getTo();
    }
}
