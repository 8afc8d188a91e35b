package io.basalt.storage.table;

import io.basalt.exec.vector.ValueComparison;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The positions of one generation of an {@link InMemoryTableStore} by the hash of one unique key's values: what a
 * point lookup ({@code WHERE id = 1}) reads instead of every chunk. Every position ever filled in the generation is
 * recorded, deleted or not, with the hash of its key (a key with a NULL in it is recorded but never found, since
 * {@code =} is never true of NULL), so the index answers for every version and snapshot of the generation alike:
 * it names a superset of the positions whose key equals the one looked up (hash collisions included), and the scan
 * that uses it still applies the snapshot's deletion masks and the full filter. Positions are never removed; a
 * TRUNCATE starts a new generation and with it new indexes.
 *
 * <p>Hashes treat values as SQL equality does across the numeric types (1, 1::bigint, 1.0 and 1e0 hash alike), so a
 * constant of another numeric type than the column still finds its rows. Not thread-safe: the owning store changes
 * and reads it under its own lock. Layout: a chained hash table over primitive arrays (the head position of each
 * bucket, and per position the next one down its bucket's chain), about 12 bytes per row and no object per row.
 */
final class KeyPositions {
    /** Marks a position whose key holds a NULL: recorded (positions stay dense) but in no chain. */
    private static final int UNLINKED = -1;

    private final String constraintName;
    private final int[] columns;
    /** Per bucket, the newest position in it plus one (0: empty). */
    private int[] heads = new int[64];
    /** Per position, the next older position of its bucket plus one (0: end), or {@link #UNLINKED}. */
    private int[] next = new int[64];
    private int[] hashes = new int[64];
    private int count;
    /** Set once the generation outgrows int positions: the index then answers nothing and scans read everything. */
    private boolean overflowed;

    KeyPositions(String constraintName, int[] columns) {
        this.constraintName = constraintName;
        this.columns = columns.clone();
    }

    String constraintName() {
        return constraintName;
    }

    /** The table columns of the key, in key order. */
    int[] columns() {
        return columns.clone();
    }

    /** Positions recorded so far: the next {@link #add} records this one. */
    long count() {
        return count;
    }

    /**
     * Records the next position ({@link #count}) with its key's {@code values} (in key order; the array is read, not
     * kept).
     */
    void add(Object[] values) {
        if (overflowed || count == Integer.MAX_VALUE - 1) {
            overflowed = true;
            return;
        }
        if (count == next.length) {
            next = Arrays.copyOf(next, count * 2);
            hashes = Arrays.copyOf(hashes, count * 2);
        }
        int position = count;
        if (hasNull(values)) {
            next[position] = UNLINKED;
            count++;
            return;
        }
        // grow before linking: a rehash relinks the positions below count only
        if (position + 1 > heads.length - (heads.length >>> 2)) {
            rehash(heads.length * 2);
        }
        int hash = hash(values);
        hashes[position] = hash;
        int bucket = hash & (heads.length - 1);
        next[position] = heads[bucket];
        heads[bucket] = position + 1;
        count++;
    }

    /**
     * The positions, ascending, that may hold the key {@code values} (in key order): every position whose key equals
     * it, and perhaps some others. Empty for a key with a NULL. Null when this index cannot answer (it overflowed).
     */
    long[] candidates(Object[] values) {
        if (overflowed) {
            return null;
        }
        if (hasNull(values)) {
            return new long[0];
        }
        int hash = hash(values);
        long[] found = new long[4];
        int size = 0;
        for (int link = heads[hash & (heads.length - 1)]; link != 0; link = next[link - 1]) {
            if (hashes[link - 1] == hash) {
                if (size == found.length) {
                    found = Arrays.copyOf(found, size * 2);
                }
                found[size++] = link - 1;
            }
        }
        long[] ascending = new long[size];
        for (int i = 0; i < size; i++) {
            ascending[i] = found[size - 1 - i];
        }
        return ascending;
    }

    private void rehash(int buckets) {
        heads = new int[buckets];
        for (int position = 0; position < count; position++) {
            if (next[position] == UNLINKED) {
                continue;
            }
            int bucket = hashes[position] & (buckets - 1);
            next[position] = heads[bucket];
            heads[bucket] = position + 1;
        }
    }

    private static boolean hasNull(Object[] values) {
        for (Object value : values) {
            if (value == null) {
                return true;
            }
        }
        return false;
    }

    private static int hash(Object[] values) {
        int hash = 1;
        for (Object value : values) {
            hash = 31 * hash + valueHash(value);
        }
        // spread the high bits into the bucket index
        return hash ^ (hash >>> 16);
    }

    /** A hash equal for values SQL equality calls equal, across the numeric types. */
    private static int valueHash(Object value) {
        return switch (value) {
            case Integer number -> Long.hashCode(number);
            case Long number -> Long.hashCode(number);
            case Short number -> Long.hashCode(number);
            case Byte number -> Long.hashCode(number);
            case BigDecimal decimal -> decimalHash(decimal);
            case Double number -> doubleHash(number);
            case Float number -> doubleHash(number.doubleValue());
            default -> ValueComparison.equalityKey(value).hashCode();
        };
    }

    private static int decimalHash(BigDecimal decimal) {
        if (decimal instanceof io.basalt.type.NumericSpecial) {
            // NaN and the infinities hash as the doubles they equal (their sentinel scale would overflow the test below).
            return doubleHash(decimal.doubleValue());
        }
        if (decimal.signum() == 0) {
            return Long.hashCode(0);
        }
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
            return Long.hashCode(stripped.longValueExact());
        }
        return doubleHash(stripped.doubleValue());
    }

    private static int doubleHash(double number) {
        if (number == Math.rint(number) && Math.abs(number) < 1e18) {
            return Long.hashCode((long) number);
        }
        return Double.hashCode(number);
    }
}
