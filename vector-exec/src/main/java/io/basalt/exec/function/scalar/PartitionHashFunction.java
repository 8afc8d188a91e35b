package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Whether a row belongs to the hash partition {@code (MODULUS modulus, REMAINDER remainder)}: the key values
 * (the arguments) are hashed as PostgreSQL's hash partitioning hashes them (each non-null value by its type's
 * extended hash function with PostgreSQL's partition seed, combined with {@code hash_combine64}), and the row
 * belongs when the unsigned hash modulo {@code modulus} is {@code remainder}. The type hashes are Bob Jenkins'
 * lookup3 as PostgreSQL uses it, for smallint, integer, bigint, date, timestamp(tz), boolean and text, so rows land
 * in the partitions PostgreSQL puts them in; other types hash their text form (a partition of Basalt's own).
 */
public final class PartitionHashFunction implements ScalarFunction {
    /** PostgreSQL's {@code HASH_PARTITION_SEED}. */
    static final long SEED = 0x7A5B22367996DCFDL;
    /** Days from 1970-01-01 (Arrow's date epoch) to 2000-01-01 (PostgreSQL's). */
    private static final int POSTGRES_EPOCH_DAYS = 10957;
    /** Microseconds from 1970-01-01 to 2000-01-01. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private final long modulus;
    private final long remainder;

    public PartitionHashFunction(long modulus, long remainder) {
        this.modulus = modulus;
        this.remainder = remainder;
    }

    @Override
    public String name() {
        return "satisfies_hash_partition";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        BitVector out = (BitVector) context.newVector(resultType, rows);
        long[] hashes = new long[rows];
        for (FieldVector argument : arguments) {
            combine(argument, rows, hashes);
        }
        for (int row = 0; row < rows; row++) {
            out.set(row, Long.remainderUnsigned(hashes[row], modulus) == remainder ? 1 : 0);
        }
        return out;
    }

    /** Folds each row's value of {@code column} (when not null) into its running hash. One loop per type. */
    private static void combine(FieldVector column, int rows, long[] hashes) {
        for (int row = 0; row < rows; row++) {
            if (column.isNull(row)) {
                continue;
            }
            long hash = switch (column) {
                case IntVector ints -> hashInt4(ints.get(row), SEED);
                case SmallIntVector shorts -> hashInt4(shorts.get(row), SEED);
                case BigIntVector longs -> hashInt8(isTimestamp(column) ? longs.get(row) - POSTGRES_EPOCH_MICROS
                        : longs.get(row), SEED);
                case DateDayVector dates -> hashInt4(dates.get(row) - POSTGRES_EPOCH_DAYS, SEED);
                case BitVector booleans -> hashInt4(booleans.get(row), SEED);
                case VarCharVector texts -> hashBytes(texts.get(row), SEED);
                default -> hashBytes(String.valueOf(column.getObject(row)).getBytes(StandardCharsets.UTF_8), SEED);
            };
            hashes[row] = combine64(hashes[row], hash);
        }
    }

    private static boolean isTimestamp(FieldVector column) {
        LogicalType type = LogicalType.of(column.getField());
        return type.id() == io.basalt.type.TypeId.TIMESTAMP || type.id() == io.basalt.type.TypeId.TIMESTAMPTZ;
    }

    /** PostgreSQL's {@code hash_combine64}. */
    static long combine64(long a, long b) {
        return a ^ (b + 0x49a0f4dd15e5a8e3L + (a << 54) + (a >>> 7));
    }

    /** PostgreSQL's {@code hashint4extended}: lookup3 of one 32-bit word, seeded. */
    static long hashInt4(int value, long seed) {
        int a = 0x9e3779b9 + 4 + 3923095;
        int b = a;
        int c = a;
        if (seed != 0) {
            a += (int) (seed >>> 32);
            b += (int) seed;
            // mix(a, b, c)
            a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
            a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
        }
        a += value;
        return finish(a, b, c);
    }

    /** PostgreSQL's {@code hashint8extended}: the high half folded into the low one, then as an int4. */
    static long hashInt8(long value, long seed) {
        int low = (int) value;
        int high = (int) (value >>> 32);
        low ^= value >= 0 ? high : ~high;
        return hashInt4(low, seed);
    }

    /** PostgreSQL's {@code hash_bytes_extended} (lookup3's hashlittle, little-endian byte order), seeded. */
    static long hashBytes(byte[] key, long seed) {
        int length = key.length;
        int a = 0x9e3779b9 + length + 3923095;
        int b = a;
        int c = a;
        if (seed != 0) {
            a += (int) (seed >>> 32);
            b += (int) seed;
            a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
            a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
        }
        int k = 0;
        while (length >= 12) {
            a += word(key, k);
            b += word(key, k + 4);
            c += word(key, k + 8);
            a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
            a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
            k += 12;
            length -= 12;
        }
        // the last bytes; the lowest byte of c is left for the length, as in lookup3
        switch (length) {
            case 11: c += (key[k + 10] & 0xff) << 24;
            case 10: c += (key[k + 9] & 0xff) << 16;
            case 9: c += (key[k + 8] & 0xff) << 8;
            case 8: b += (key[k + 7] & 0xff) << 24;
            case 7: b += (key[k + 6] & 0xff) << 16;
            case 6: b += (key[k + 5] & 0xff) << 8;
            case 5: b += key[k + 4] & 0xff;
            case 4: a += (key[k + 3] & 0xff) << 24;
            case 3: a += (key[k + 2] & 0xff) << 16;
            case 2: a += (key[k + 1] & 0xff) << 8;
            case 1: a += key[k] & 0xff;
            default: break;
        }
        return finish(a, b, c);
    }

    private static int word(byte[] key, int at) {
        return (key[at] & 0xff) | (key[at + 1] & 0xff) << 8 | (key[at + 2] & 0xff) << 16 | (key[at + 3] & 0xff) << 24;
    }

    /** lookup3's final mix; the 64-bit result is {@code b} high, {@code c} low. */
    private static long finish(int a, int b, int c) {
        c ^= b; c -= Integer.rotateLeft(b, 14);
        a ^= c; a -= Integer.rotateLeft(c, 11);
        b ^= a; b -= Integer.rotateLeft(a, 25);
        c ^= b; c -= Integer.rotateLeft(b, 16);
        a ^= c; a -= Integer.rotateLeft(c, 4);
        b ^= a; b -= Integer.rotateLeft(a, 14);
        c ^= b; c -= Integer.rotateLeft(b, 24);
        return ((long) b << 32) | (c & 0xffffffffL);
    }
}
