package io.basalt.exec.vector;

import io.basalt.exec.batch.Batch;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Deep copies of vectors, buffer by buffer (one memory copy per buffer, not one call per value), for data
 * that comes from outside the executor and may be overwritten by its producer — a table function's cursor
 * refills its vectors in place, while operators keep zero-copy slices of what they are given.
 */
public final class VectorCopies {
    private VectorCopies() {
    }

    /**
     * A dense batch of copies of {@code batch}'s columns (a dense batch) in {@code allocator}, which the caller owns.
     * When a copy fails (the query's memory limit), the copies already made are freed before the error propagates.
     */
    public static Batch copy(Batch batch, BufferAllocator allocator) {
        List<FieldVector> copies = new ArrayList<>(batch.columnCount());
        try {
            for (FieldVector column : batch.columns()) {
                copies.add(copy(column, allocator));
            }
        } catch (RuntimeException | Error failure) {
            copies.forEach(FieldVector::close);
            throw failure;
        }
        return new Batch(copies, batch.rowCount());
    }

    /**
     * A new vector in {@code allocator} with the same field and values as {@code source}. When allocating fails
     * (the query's memory limit), the partly made vector is freed before the error propagates.
     */
    public static FieldVector copy(FieldVector source, BufferAllocator allocator) {
        FieldVector target = source.getField().createVector(allocator);
        try {
            fill(source, target);
            return target;
        } catch (RuntimeException | Error failure) {
            target.close();
            throw failure;
        }
    }

    private static void fill(FieldVector source, FieldVector target) {
        int rows = source.getValueCount();
        switch (source) {
            case BaseFixedWidthVector fixed -> {
                target.setInitialCapacity(Math.max(rows, 1));
                target.allocateNew();
                long validityBytes = (rows + 7L) / 8;
                long dataBytes = fixed instanceof BitVector ? validityBytes : (long) fixed.getTypeWidth() * rows;
                target.getValidityBuffer().setBytes(0, source.getValidityBuffer(), 0, validityBytes);
                target.getDataBuffer().setBytes(0, source.getDataBuffer(), 0, dataBytes);
            }
            case BaseVariableWidthVector variable -> {
                BaseVariableWidthVector out = (BaseVariableWidthVector) target;
                long dataBytes = rows == 0 ? 0 : variable.getOffsetBuffer().getInt((long) rows * 4);
                out.allocateNew(Math.max(dataBytes, 1), Math.max(rows, 1));
                out.getValidityBuffer().setBytes(0, variable.getValidityBuffer(), 0, (rows + 7L) / 8);
                out.getOffsetBuffer().setBytes(0, variable.getOffsetBuffer(), 0, (rows + 1L) * 4);
                out.getDataBuffer().setBytes(0, variable.getDataBuffer(), 0, dataBytes);
                out.setLastSet(rows - 1);
            }
            default -> {
                target.setInitialCapacity(Math.max(rows, 1));
                target.allocateNew();
                for (int i = 0; i < rows; i++) {
                    VectorGather.copyValue(source, i, target, i);
                }
            }
        }
        target.setValueCount(rows);
    }

    /**
     * Appends rows {@code [from, from + count)} of {@code source} to {@code target} at {@code [at, at + count)},
     * growing {@code target} as needed: one memory copy of the values for fixed- and variable-width vectors (the
     * offsets rebased), the validity bit by bit; other vectors value by value through
     * {@link VectorGather#copyValue}. {@code target} must hold values (or NULLs) up to {@code at} and nothing after,
     * as when filled in increasing order; the value count is left to the caller.
     */
    public static void appendRange(FieldVector source, int from, FieldVector target, int at, int count) {
        if (count == 0) {
            return;
        }
        switch (target) {
            case BaseFixedWidthVector fixed when !(fixed instanceof BitVector) && source instanceof BaseFixedWidthVector input
                    && input.getTypeWidth() == fixed.getTypeWidth() -> {
                while (fixed.getValueCapacity() < at + count) {
                    fixed.reAlloc();
                }
                long width = fixed.getTypeWidth();
                fixed.getDataBuffer().setBytes(at * width, source.getDataBuffer(), from * width, count * width);
                copyValidity(source, from, fixed, at, count);
            }
            case BaseVariableWidthVector variable when source instanceof BaseVariableWidthVector input -> {
                variable.fillEmpties(at);
                int sourceStart = input.getStartOffset(from);
                int bytes = input.getStartOffset(from + count) - sourceStart;
                while (variable.getValueCapacity() < at + count) {
                    variable.reallocValidityAndOffsetBuffers();
                }
                int targetStart = variable.getStartOffset(at);
                while (variable.getDataBuffer().capacity() < (long) targetStart + bytes) {
                    variable.reallocDataBuffer();
                }
                variable.getDataBuffer().setBytes(targetStart, input.getDataBuffer(), sourceStart, bytes);
                var sourceOffsets = input.getOffsetBuffer();
                var targetOffsets = variable.getOffsetBuffer();
                int shift = targetStart - sourceStart;
                for (int i = 1; i <= count; i++) {
                    targetOffsets.setInt((long) (at + i) * 4, sourceOffsets.getInt((long) (from + i) * 4) + shift);
                }
                copyValidity(source, from, variable, at, count);
                variable.setLastSet(at + count - 1);
            }
            default -> {
                for (int i = 0; i < count; i++) {
                    VectorGather.copyValue(source, from + i, target, at + i);
                }
            }
        }
    }

    private static void copyValidity(FieldVector source, int from, FieldVector target, int at, int count) {
        var sourceBits = source.getValidityBuffer();
        var targetBits = target.getValidityBuffer();
        for (int i = 0; i < count; i++) {
            int bit = BitVectorHelper.get(sourceBits, from + i);
            BitVectorHelper.setValidityBit(targetBits, at + i, bit);
        }
    }
}
