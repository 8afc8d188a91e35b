package io.basalt.format.parquet.page;

/**
 * Decodes a whole DELTA_BINARY_PACKED stream at once: a header (values per block, miniblocks per block, the total
 * value count, the first value in zigzag ULEB128), then blocks of a zigzag minimum delta, one bit width per
 * miniblock, and the miniblocks' bit-packed {@code delta - minimum} values. The last block may stop after its last
 * needed miniblock; the widths of the miniblocks it leaves out are present and ignored. Values are summed in 64-bit
 * arithmetic that wraps, which gives INT32 columns their values in the low 32 bits as their writers computed them.
 *
 * <p>Serves the values of DELTA_BINARY_PACKED pages and the lengths of DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY
 * pages, which need {@link #end()}, where the stream stops. Malformed streams are {@link IllegalStateException}s.
 */
final class DeltaBinaryPackedDecoder {
    private final long[] values;
    private final int end;

    /**
     * Decodes the stream that starts at {@code data[offset]} and lies before {@code limit}; with {@code int32} the
     * values are INT32 ones, sign-extended from their low 32 bits.
     */
    DeltaBinaryPackedDecoder(byte[] data, int offset, int limit, boolean int32) {
        VarInts in = new VarInts(data, offset, limit);
        int blockSize = in.readUnsigned();
        int miniblocks = in.readUnsigned();
        int total = in.readUnsigned();
        if (blockSize <= 0 || blockSize % 128 != 0 || miniblocks <= 0 || blockSize % miniblocks != 0
                || (blockSize / miniblocks) % 32 != 0 || total < 0) {
            throw new IllegalStateException("invalid DELTA_BINARY_PACKED header (block " + blockSize + ", miniblocks "
                    + miniblocks + ", values " + total + ")");
        }
        // every block takes at least a byte of minimum delta and a byte per miniblock width, which bounds the count a
        // page can hold (so that a corrupt count cannot ask for a huge array)
        long blocksThatFit = (limit - in.position()) / (miniblocks + 1L);
        if (total > 1 + blocksThatFit * blockSize) {
            throw new IllegalStateException("DELTA_BINARY_PACKED value count " + total + " exceeds its page");
        }
        int perMiniblock = blockSize / miniblocks;
        long[] out = new long[total];
        long previous = in.readZigzagLong();
        if (total > 0) {
            out[0] = previous;
        }
        int[] widths = new int[miniblocks];
        int done = 1;
        int position;
        while (done < total) {
            long minimum = in.readZigzagLong();
            position = in.position();
            if (position + miniblocks > limit) {
                throw new IllegalStateException("DELTA_BINARY_PACKED block ends before its bit widths");
            }
            for (int m = 0; m < miniblocks; m++) {
                widths[m] = data[position + m] & 0xff;
            }
            position += miniblocks;
            for (int m = 0; m < miniblocks && done < total; m++) {
                int width = widths[m];
                if (width > 64) {
                    throw new IllegalStateException("DELTA_BINARY_PACKED bit width " + width + " over 64");
                }
                long bytes = (long) perMiniblock * width / 8;
                if (position + bytes > limit) {
                    throw new IllegalStateException("DELTA_BINARY_PACKED miniblock runs past the end of its page");
                }
                int count = Math.min(perMiniblock, total - done);
                PackedBits.unpack(data, (long) position * 8, width, out, done, count);
                for (int i = done; i < done + count; i++) {
                    previous += minimum + out[i];
                    out[i] = previous;
                }
                done += count;
                position += (int) bytes;
            }
            in.seek(position);
        }
        if (int32) {
            for (int i = 0; i < total; i++) {
                out[i] = (int) out[i];
            }
        }
        this.values = out;
        this.end = in.position();
    }

    /** The decoded values, as many as the header's count. */
    long[] values() {
        return values;
    }

    /** Where the stream ends in the array: the first byte after its last miniblock. */
    int end() {
        return end;
    }
}
