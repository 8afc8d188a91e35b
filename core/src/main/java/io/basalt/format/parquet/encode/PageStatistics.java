package io.basalt.format.parquet.encode;

import java.util.Arrays;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The statistics of one data page (minimum, maximum, null count) in parquet-mr's {@link Statistics}, which the
 * file writer sums per chunk and turns into the ColumnIndex. Integers and byte arrays of the common kinds are
 * compared here in typed loops (signed integers; unsigned bytes for strings, JSON and bytea, which is their
 * Parquet order); floating point, booleans and fixed-length arrays (decimals compare signed, UUIDs unsigned) go
 * value by value through parquet-mr's comparators, so that their edge cases (NaN, signed decimal bytes) stay
 * parquet-mr's. Stateless.
 */
final class PageStatistics {
    private PageStatistics() {
    }

    /** Statistics of values {@code [from, to)} of {@code buffer} and {@code nulls} NULL levels. */
    static Statistics<?> of(ColumnChunkBuffer buffer, PrimitiveType type, int from, int to, int nulls) {
        Statistics<?> statistics = Statistics.createStats(type);
        statistics.incrementNumNulls(nulls);
        if (from == to) {
            return statistics;
        }
        switch (buffer.physical()) {
            case INT32 -> {
                int[] ints = buffer.ints();
                int min = ints[from];
                int max = min;
                for (int v = from + 1; v < to; v++) {
                    min = Math.min(min, ints[v]);
                    max = Math.max(max, ints[v]);
                }
                statistics.updateStats(min);
                statistics.updateStats(max);
            }
            case INT64 -> {
                long[] longs = buffer.longs();
                long min = longs[from];
                long max = min;
                for (int v = from + 1; v < to; v++) {
                    min = Math.min(min, longs[v]);
                    max = Math.max(max, longs[v]);
                }
                statistics.updateStats(min);
                statistics.updateStats(max);
            }
            case BINARY -> {
                byte[] arena = buffer.arena();
                int[] offsets = buffer.offsets();
                int min = from;
                int max = from;
                for (int v = from + 1; v < to; v++) {
                    if (Arrays.compareUnsigned(arena, offsets[v], offsets[v + 1], arena, offsets[min],
                            offsets[min + 1]) < 0) {
                        min = v;
                    } else if (Arrays.compareUnsigned(arena, offsets[v], offsets[v + 1], arena, offsets[max],
                            offsets[max + 1]) > 0) {
                        max = v;
                    }
                }
                statistics.updateStats(copy(arena, offsets, min));
                statistics.updateStats(copy(arena, offsets, max));
            }
            case FIXED_LEN_BYTE_ARRAY -> {
                byte[] arena = buffer.arena();
                int[] offsets = buffer.offsets();
                for (int v = from; v < to; v++) {
                    // a reused-array Binary is copied by the statistics when kept, so the arena is not retained
                    statistics.updateStats(Binary.fromReusedByteArray(arena, offsets[v], offsets[v + 1] - offsets[v]));
                }
            }
            case FLOAT -> {
                int[] ints = buffer.ints();
                for (int v = from; v < to; v++) {
                    statistics.updateStats(Float.intBitsToFloat(ints[v]));
                }
            }
            case DOUBLE -> {
                long[] longs = buffer.longs();
                for (int v = from; v < to; v++) {
                    statistics.updateStats(Double.longBitsToDouble(longs[v]));
                }
            }
            case BOOLEAN -> {
                int[] ints = buffer.ints();
                for (int v = from; v < to; v++) {
                    statistics.updateStats(ints[v] != 0);
                }
            }
            case INT96 -> throw new IllegalStateException("INT96 is never written");
        }
        return statistics;
    }

    /**
     * Statistics of values {@code [from, to)} of a byte-array column whose values are dictionary entries
     * {@code ids}: the bounds are found among the entries the page uses ({@code entryValues[e]} is the index of
     * entry {@code e}'s first value), each compared once however often it repeats. {@code seen} has room for
     * every entry and is all false on entry and on return.
     */
    static Statistics<?> ofDictionaryBytes(ColumnChunkBuffer buffer, PrimitiveType type, int[] ids, int from, int to,
                                           int nulls, int[] entryValues, boolean[] seen) {
        Statistics<?> statistics = Statistics.createStats(type);
        statistics.incrementNumNulls(nulls);
        if (from == to) {
            return statistics;
        }
        byte[] arena = buffer.arena();
        int[] offsets = buffer.offsets();
        int min = -1;
        int max = -1;
        for (int v = from; v < to; v++) {
            int entry = ids[v];
            if (seen[entry]) {
                continue;
            }
            seen[entry] = true;
            int value = entryValues[entry];
            if (buffer.physical() == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
                statistics.updateStats(Binary.fromReusedByteArray(arena, offsets[value],
                        offsets[value + 1] - offsets[value]));
                continue;
            }
            if (min < 0 || Arrays.compareUnsigned(arena, offsets[value], offsets[value + 1], arena, offsets[min],
                    offsets[min + 1]) < 0) {
                min = value;
            }
            if (max < 0 || Arrays.compareUnsigned(arena, offsets[value], offsets[value + 1], arena, offsets[max],
                    offsets[max + 1]) > 0) {
                max = value;
            }
        }
        for (int v = from; v < to; v++) {
            seen[ids[v]] = false;
        }
        if (min >= 0) {
            statistics.updateStats(copy(arena, offsets, min));
            statistics.updateStats(copy(arena, offsets, max));
        }
        return statistics;
    }

    private static Binary copy(byte[] arena, int[] offsets, int value) {
        return Binary.fromConstantByteArray(Arrays.copyOfRange(arena, offsets[value], offsets[value + 1]));
    }
}
