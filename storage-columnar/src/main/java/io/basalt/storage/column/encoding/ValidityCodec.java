package io.basalt.storage.column.encoding;

import io.basalt.storage.column.kernel.DecodeKernels;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * The NULLs of a chunk as a compressed validity mask: one kind byte, ALL_VALID or ALL_NULL with nothing after it,
 * BITMAP with the Arrow bitmap of the rows, or RUNS with the number of runs and their lengths as an integer stream
 * (alternately valid and NULL, starting with a valid run that may be empty): runs when they are few enough to be
 * worth walking at decode ({@link LongStreamCodec#runCost}), else the bitmap.
 */
public final class ValidityCodec {
    static final int ALL_VALID = 0;
    static final int ALL_NULL = 1;
    static final int BITMAP = 2;
    static final int RUNS = 3;

    private ValidityCodec() {
    }

    /** Writes the validity of rows {@code [from, from + count)} of {@code vector}, of which {@code nulls} are NULL. */
    public static void write(FieldVector vector, int from, int count, int nulls, ByteSink out) {
        if (nulls == 0) {
            out.putByte(ALL_VALID);
            return;
        }
        if (nulls == count) {
            out.putByte(ALL_NULL);
            return;
        }
        ArrowBuf bits = vector.getValidityBuffer();
        int runs = 1;
        boolean valid = true;
        for (int i = 0; i < count; i++) {
            boolean rowValid = BitVectorHelper.get(bits, from + i) != 0;
            if (rowValid != valid) {
                runs++;
                valid = rowValid;
            }
        }
        long[] lengths = new long[runs];
        int r = 0;
        valid = true;
        for (int i = 0; i < count; i++) {
            boolean rowValid = BitVectorHelper.get(bits, from + i) != 0;
            if (rowValid != valid) {
                r++;
                valid = rowValid;
            }
            lengths[r]++;
        }
        int bitmapBytes = (count + 7) / 8;
        ByteSink runSink = new ByteSink();
        LongStreamCodec.write(lengths, runs, Integer.BYTES, runSink);
        // Runs must pay for walking them at decode too: setting a bitmap range per run costs what reading about five
        // bytes does, so a mask of short runs (a NULL every tenth row) stays a bitmap.
        if (5L + runSink.size() + LongStreamCodec.runCost(runs) < bitmapBytes) {
            out.putByte(RUNS);
            out.putInt(runs);
            out.putBytes(runSink.buffer(), 0, runSink.size());
            return;
        }
        byte[] bitmap = new byte[bitmapBytes];
        for (int i = 0; i < count; i++) {
            if (BitVectorHelper.get(bits, from + i) != 0) {
                bitmap[i >>> 3] |= (byte) (1 << (i & 7));
            }
        }
        out.putByte(BITMAP);
        out.putBytes(bitmap, 0, bitmapBytes);
    }

    /**
     * Reads a validity mask's kind and returns {@code count} when every row is valid, 0 when every row is NULL, and -1
     * when the mask mixes them (what follows the kind byte is then left unread).
     */
    public static int uniformValidRows(ByteSource in, int count) {
        int kind = in.getByte();
        return switch (kind) {
            case ALL_VALID -> count;
            case ALL_NULL -> 0;
            case BITMAP, RUNS -> -1;
            default -> throw ChunkCorruption.of("unknown validity kind " + kind);
        };
    }

    /**
     * Reads a validity mask of {@code count} rows into {@code validity} (zeroed first) and returns the number of NULL
     * rows.
     */
    public static int read(ByteSource in, int count, ArrowBuf validity, DecodeKernels kernels) {
        int bytes = (count + 7) / 8;
        validity.setZero(0, validity.capacity());
        int kind = in.getByte();
        switch (kind) {
            case ALL_VALID -> {
                setRange(validity, 0, count);
                return 0;
            }
            case ALL_NULL -> {
                return count;
            }
            case BITMAP -> {
                validity.setBytes(0, in.getBytes(bytes));
                if ((count & 7) != 0) {
                    // Bits past the last row stay clear, as Arrow's own vectors keep them.
                    validity.setByte(bytes - 1, validity.getByte(bytes - 1) & ((1 << (count & 7)) - 1));
                }
                return BitVectorHelper.getNullCount(validity, count);
            }
            case RUNS -> {
                int runs = in.getCount(count + 1L, "validity run count");
                long[] lengths = LongStreamCodec.read(in, runs, kernels);
                int row = 0;
                int nulls = 0;
                for (int r = 0; r < runs; r++) {
                    long length = lengths[r];
                    if (length < 0 || length > count - row) {
                        throw ChunkCorruption.of("bad validity run " + length);
                    }
                    if ((r & 1) == 0) {
                        setRange(validity, row, row + (int) length);
                    } else {
                        nulls += (int) length;
                    }
                    row += (int) length;
                }
                if (row != count) {
                    throw ChunkCorruption.of("validity runs cover " + row + " of " + count + " rows");
                }
                return nulls;
            }
            default -> throw ChunkCorruption.of("unknown validity kind " + kind);
        }
    }

    /**
     * Reads a validity mask of {@code count} rows as {@link RowBits} (bit set: the row is not NULL) into {@code valid}
     * (clear, at least {@code (count + 63) / 64} words) and returns the number of NULL rows.
     */
    public static int readBits(ByteSource in, int count, long[] valid, DecodeKernels kernels) {
        int kind = in.getByte();
        switch (kind) {
            case ALL_VALID -> {
                RowBits.setRange(valid, 0, count);
                return 0;
            }
            case ALL_NULL -> {
                return count;
            }
            case BITMAP -> {
                byte[] bytes = in.getBytes((count + 7) / 8);
                for (int i = 0; i < bytes.length; i++) {
                    valid[i >>> 3] |= (bytes[i] & 0xffL) << ((i & 7) << 3);
                }
                if ((count & 63) != 0) {
                    valid[count >>> 6] &= (1L << count) - 1;
                }
                return count - RowBits.count(valid);
            }
            case RUNS -> {
                int runs = in.getCount(count + 1L, "validity run count");
                long[] lengths = LongStreamCodec.read(in, runs, kernels);
                int row = 0;
                int nulls = 0;
                for (int r = 0; r < runs; r++) {
                    long length = lengths[r];
                    if (length < 0 || length > count - row) {
                        throw ChunkCorruption.of("bad validity run " + length);
                    }
                    if ((r & 1) == 0) {
                        RowBits.setRange(valid, row, row + (int) length);
                    } else {
                        nulls += (int) length;
                    }
                    row += (int) length;
                }
                if (row != count) {
                    throw ChunkCorruption.of("validity runs cover " + row + " of " + count + " rows");
                }
                return nulls;
            }
            default -> throw ChunkCorruption.of("unknown validity kind " + kind);
        }
    }

    /**
     * Reads the validity of rows {@code positions[0, selected)} (ascending, each below {@code count}) of a mask of
     * {@code count} rows into bits {@code [0, selected)} of {@code validity} (zeroed first) and returns how many of
     * them are NULL; the other rows' bits are not unpacked.
     */
    public static int readAt(ByteSource in, int count, int[] positions, int selected, ArrowBuf validity,
                             DecodeKernels kernels) {
        validity.setZero(0, validity.capacity());
        int kind = in.getByte();
        switch (kind) {
            case ALL_VALID -> {
                setRange(validity, 0, selected);
                return 0;
            }
            case ALL_NULL -> {
                return selected;
            }
            case BITMAP -> {
                java.lang.foreign.MemorySegment bitmap = in.slice((count + 7) / 8);
                int nulls = 0;
                for (int i = 0; i < selected; i++) {
                    int row = positions[i];
                    if ((bitmap.get(java.lang.foreign.ValueLayout.JAVA_BYTE, row >>> 3) >>> (row & 7) & 1) != 0) {
                        BitVectorHelper.setBit(validity, i);
                    } else {
                        nulls++;
                    }
                }
                return nulls;
            }
            case RUNS -> {
                int runs = in.getCount(count + 1L, "validity run count");
                long[] lengths = LongStreamCodec.read(in, runs, kernels);
                int run = -1;
                long runEnd = 0;
                int nulls = 0;
                for (int i = 0; i < selected; i++) {
                    int row = positions[i];
                    while (row >= runEnd) {
                        run++;
                        if (run >= runs || lengths[run] < 0) {
                            throw ChunkCorruption.of("validity runs end before row " + row);
                        }
                        runEnd += lengths[run];
                    }
                    if ((run & 1) == 0) {
                        BitVectorHelper.setBit(validity, i);
                    } else {
                        nulls++;
                    }
                }
                return nulls;
            }
            default -> throw ChunkCorruption.of("unknown validity kind " + kind);
        }
    }

    private static void setRange(ArrowBuf validity, int from, int to) {
        int row = from;
        while (row < to && (row & 7) != 0) {
            BitVectorHelper.setBit(validity, row++);
        }
        int fullBytes = (to - row) >>> 3;
        if (fullBytes > 0) {
            validity.setOne(row >>> 3, fullBytes);
            row += fullBytes << 3;
        }
        while (row < to) {
            BitVectorHelper.setBit(validity, row++);
        }
    }
}
