package io.basalt.exec.kernel;

import java.lang.foreign.MemorySegment;

/**
 * Kernels over the UTF-8 text of Arrow string vectors (an offsets buffer of little-endian 32-bit ends and one data
 * buffer): deciding whether a range of bytes is plain ASCII, so that character counts are byte counts, and turning
 * offsets into per-row byte lengths. {@link #kernels()} is {@link VectorTextKernels} when {@link KernelProvider}
 * chose the vector {@link Kernels} and {@link PlainTextKernels} otherwise, decided once when this interface is
 * initialized; the plain implementation is the reference the vector one is tested against.
 */
public interface TextKernels {
    /** The implementation this JVM runs. */
    static TextKernels kernels() {
        return TextKernelChoice.KERNELS;
    }

    /** Whether every byte in {@code [from, to)} of {@code data} is below 0x80, i.e. the text there is ASCII. */
    boolean isAscii(MemorySegment data, long from, long to);

    /**
     * Writes {@code offsets[i + 1] - offsets[i]} as a little-endian int at index {@code i} of {@code out}, for
     * {@code i} in {@code [0, count)}: the byte length of each row of a string vector. {@code offsets} holds at
     * least {@code count + 1} ints, {@code out} at least {@code count}.
     */
    void lengthsFromOffsets(MemorySegment offsets, int count, MemorySegment out);

    /**
     * The number of characters in the UTF-8 bytes {@code [from, to)} of {@code data}: the bytes that do not continue
     * a multi-byte sequence (10xxxxxx), as PostgreSQL counts a valid UTF-8 string.
     */
    long countCharacters(MemorySegment data, long from, long to);
}
