package io.basalt.exec.operator.aggregate;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.vector.KeyHashing;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * The distinct (group id, value) pairs of a DISTINCT aggregate over one integer-like value (smallint, integer,
 * bigint, date, scaled NUMERIC), such as TPC-H Q16's {@code count(DISTINCT ps_suppkey)}: each row's value is read
 * straight from the Arrow buffer and looked up with its group in an open-addressing table over primitive arrays,
 * with no vector built per batch and no per-row dispatch. A NULL value is a pair of its own (once per group). The
 * pairs are turned into vectors only when a parallel worker's pairs are merged ({@link #groupColumn},
 * {@link #valueColumn}).
 */
final class IntegerDistinctPairs implements AutoCloseable {
    private static final ValueLayout.OfShort SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long NULL_KEY_HASH = 0x2545F4914F6CDD1DL;

    private final LogicalType valueType;
    private final BufferAllocator allocator;
    private final int width;
    private int[] pairGroups = new int[64];
    private long[] pairValues = new long[64];
    /** 1 where the pair's value is NULL (its {@link #pairValues} entry is then 0). */
    private byte[] pairNulls = new byte[64];
    private int size;
    /** Pair index per slot, -1 while free; at most half full. */
    private int[] slots = emptySlots(128);
    private BigIntVector groupOutput;
    private FieldVector valueOutput;

    IntegerDistinctPairs(LogicalType valueType, BufferAllocator allocator) {
        this.valueType = valueType;
        this.allocator = allocator;
        this.width = switch (valueType.physical()) {
            case INT16 -> 2;
            case INT32 -> 4;
            case INT64 -> 8;
            default -> throw new IllegalArgumentException("not an integer-like type: " + valueType);
        };
    }

    /** Whether this table serves values of {@code type}. */
    static boolean serves(LogicalType type) {
        return switch (type.physical()) {
            case INT16, INT32, INT64 -> true;
            default -> false;
        };
    }

    private static int[] emptySlots(int count) {
        int[] slots = new int[count];
        Arrays.fill(slots, -1);
        return slots;
    }

    /**
     * Writes into {@code fresh} the rows (ascending) of {@code [0, rows)} whose (group, value) pair is new, and
     * returns how many; with {@code skipNulls} a row with a NULL value is never reported (its pair is still kept).
     */
    int firstOccurrences(int[] groupIds, FieldVector values, int rows, boolean skipNulls, int[] fresh) {
        MemorySegment data = ArrowSegments.values(values);
        MemorySegment validity = ArrowSegments.validity(values);
        int count = 0;
        for (int row = 0; row < rows; row++) {
            boolean isNull = validity != null
                    && ((validity.get(ValueLayout.JAVA_BYTE, row >>> 3) >>> (row & 7)) & 1) == 0;
            long value = isNull ? 0 : switch (width) {
                case 8 -> data.get(ArrowSegments.LONG, (long) row << 3);
                case 4 -> data.get(ArrowSegments.INT, (long) row << 2);
                default -> data.get(SHORT, (long) row << 1);
            };
            if (insert(groupIds[row], value, isNull) && !(skipNulls && isNull)) {
                fresh[count++] = row;
            }
        }
        return count;
    }

    /** Adds the pair; whether it was new. */
    private boolean insert(int group, long value, boolean isNull) {
        long hash = KeyHashing.mix((isNull ? NULL_KEY_HASH : value) * 31 + group);
        int mask = slots.length - 1;
        int slot = (int) hash & mask;
        byte nullByte = (byte) (isNull ? 1 : 0);
        while (true) {
            int pair = slots[slot];
            if (pair < 0) {
                break;
            }
            if (pairGroups[pair] == group && pairValues[pair] == value && pairNulls[pair] == nullByte) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        if (size == pairGroups.length) {
            int capacity = size * 2;
            pairGroups = Arrays.copyOf(pairGroups, capacity);
            pairValues = Arrays.copyOf(pairValues, capacity);
            pairNulls = Arrays.copyOf(pairNulls, capacity);
        }
        pairGroups[size] = group;
        pairValues[size] = value;
        pairNulls[size] = nullByte;
        slots[slot] = size;
        size++;
        if (2 * size > slots.length) {
            rehash(slots.length * 2);
        }
        return true;
    }

    private void rehash(int slotCount) {
        slots = emptySlots(slotCount);
        int mask = slotCount - 1;
        for (int pair = 0; pair < size; pair++) {
            long key = pairNulls[pair] == 1 ? NULL_KEY_HASH : pairValues[pair];
            int slot = (int) KeyHashing.mix(key * 31 + pairGroups[pair]) & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = pair;
        }
    }

    int size() {
        return size;
    }

    /** The group of each pair, in the order the pairs were first seen; valid until the next call or close. */
    BigIntVector groupColumn() {
        if (groupOutput == null || groupOutput.getValueCount() != size) {
            if (groupOutput != null) {
                groupOutput.close();
            }
            groupOutput = (BigIntVector) ValueAccess.allocate(LogicalType.BIGINT, "", allocator, size);
            for (int pair = 0; pair < size; pair++) {
                groupOutput.set(pair, pairGroups[pair]);
            }
            groupOutput.setValueCount(size);
        }
        return groupOutput;
    }

    /** The value of each pair, in the order of {@link #groupColumn}; valid until the next call or close. */
    FieldVector valueColumn() {
        if (valueOutput == null || valueOutput.getValueCount() != size) {
            if (valueOutput != null) {
                valueOutput.close();
            }
            valueOutput = ValueAccess.allocate(valueType, "", allocator, size);
            if (valueOutput instanceof BaseFixedWidthVector fixed && fixed.getTypeWidth() == width
                    && valueOutput.getValueCapacity() >= size) {
                MemorySegment data = ArrowSegments.values(valueOutput);
                ArrowBuf validity = valueOutput.getValidityBuffer();
                for (int pair = 0; pair < size; pair++) {
                    long value = pairValues[pair];
                    switch (width) {
                        case 8 -> data.set(ArrowSegments.LONG, (long) pair << 3, value);
                        case 4 -> data.set(ArrowSegments.INT, (long) pair << 2, (int) value);
                        default -> data.set(SHORT, (long) pair << 1, (short) value);
                    }
                    BitVectorHelper.setValidityBit(validity, pair, pairNulls[pair] == 1 ? 0 : 1);
                }
            } else {
                for (int pair = 0; pair < size; pair++) {
                    ValueAccess.set(valueOutput, pair, pairNulls[pair] == 1 ? null : pairValues[pair]);
                }
            }
            valueOutput.setValueCount(size);
        }
        return valueOutput;
    }

    @Override
    public void close() {
        if (groupOutput != null) {
            groupOutput.close();
            groupOutput = null;
        }
        if (valueOutput != null) {
            valueOutput.close();
            valueOutput = null;
        }
    }
}
