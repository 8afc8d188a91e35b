package io.basalt.storage.column.encoding;

/**
 * An estimate of the number of distinct values in a chunk: a HyperLogLog sketch of 1,024 registers (about 3%
 * standard error), with the linear-counting correction for small counts, over 64-bit hashes of the values. Values
 * equal as SQL compares them must be offered as equal hashes (callers normalise -0.0 and NaN, for instance).
 */
public final class DistinctSketch {
    private static final int INDEX_BITS = 10;
    private static final int REGISTERS = 1 << INDEX_BITS;
    private final byte[] registers = new byte[REGISTERS];

    /** A well-mixed 64-bit hash of {@code value} (the finaliser of MurmurHash3). */
    public static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Offers a value by its 64-bit hash. */
    public void addHash(long hash) {
        int index = (int) (hash >>> (64 - INDEX_BITS));
        int rank = Long.numberOfLeadingZeros((hash << INDEX_BITS) | (1L << (INDEX_BITS - 1))) + 1;
        if (rank > registers[index]) {
            registers[index] = (byte) rank;
        }
    }

    /** Offers a long value. */
    public void addLong(long value) {
        addHash(mix(value));
    }

    /** The estimated number of distinct values offered. */
    public long estimate() {
        double sum = 0;
        int zeros = 0;
        for (byte register : registers) {
            sum += 1.0 / (1L << register);
            if (register == 0) {
                zeros++;
            }
        }
        double alpha = 0.7213 / (1 + 1.079 / REGISTERS);
        double raw = alpha * REGISTERS * REGISTERS / sum;
        if (raw <= 2.5 * REGISTERS && zeros > 0) {
            return Math.round(REGISTERS * Math.log((double) REGISTERS / zeros));
        }
        return Math.round(raw);
    }
}
