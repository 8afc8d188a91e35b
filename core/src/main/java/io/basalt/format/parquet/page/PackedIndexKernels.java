package io.basalt.format.parquet.page;

import java.lang.foreign.MemorySegment;

/**
 * Kernels of dictionary-encoded Parquet pages: unpacking bit-packed runs of indices (Parquet's RLE / bit-packing
 * hybrid, least significant bit first) and looking indices up in a dictionary straight into an Arrow buffer.
 * {@link #kernels()} is {@link VectorPackedIndexKernels} when the engine chose its vector kernels
 * ({@code io.basalt.exec.kernel.KernelProvider}) and {@link PlainPackedIndexKernels} otherwise, decided once; the
 * plain implementation is the reference the vector one is tested against.
 */
public interface PackedIndexKernels {
    /** The implementation this JVM runs. */
    static PackedIndexKernels kernels() {
        return PackedIndexKernelChoice.KERNELS;
    }

    /**
     * Unpacks {@code groups} groups of eight values of {@code width} bits (1 to 32) stored from byte {@code from} of
     * {@code data} into {@code out[at .. at + 8 * groups)}. The caller guarantees
     * {@code from + groups * width + Long.BYTES <= data.length} (the reads are words, not bytes).
     */
    void unpack(byte[] data, int from, int width, int[] out, int at, int groups);

    /**
     * Stores {@code dictionary[indices[i]]} for {@code i} in {@code [0, count)} as little-endian longs at
     * {@code out[offset + 8 * i]}. An index outside the dictionary throws an {@link IndexOutOfBoundsException}
     * (values before it may have been stored).
     */
    void gatherLongs(long[] dictionary, int[] indices, int count, MemorySegment out, long offset);

    /** {@link #gatherLongs} for a dictionary of ints, stored 4 bytes apart. */
    void gatherInts(int[] dictionary, int[] indices, int count, MemorySegment out, long offset);
}
