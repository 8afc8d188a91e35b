package io.basalt.exec.operator.aggregate;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.vector.KeyHashing;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.PhysicalType;
import io.basalt.type.TypeId;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;

/**
 * Group ids for keys that include short strings, such as TPC-H Q1's {@code GROUP BY l_returnflag,
 * l_linestatus}: each row's keys are packed into one 64-bit code (a fixed bit field per key), so a lookup
 * hashes and compares one long instead of strings. A string of L bytes is coded as its bytes plus a marker
 * bit above them ({@code 1 << 8L}), an integer as its value plus a marker bit above its width; NULL is the
 * code 0, so NULLs group together and no value's code collides with it. The string fields share the bits the
 * integers leave; a batch holding a longer string hands the table over to a {@link GenericGroupKeyTable},
 * which takes the groups in group-id order (keeping their ids) and serves every later call.
 */
final class PackedGroupKeyTable implements GroupKeyTable {
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** The bits the fields use: the top bit stays clear, so no code is -1 (the mark of a row that does not fit). */
    private static final int CODE_BITS = 63;

    private final List<LogicalType> keyTypes;
    private final BufferAllocator allocator;
    private final int keyCount;
    /** Per key: the bit position of its field, and (strings) the most bytes it holds, or 0 for an integer. */
    private final int[] shifts;
    private final int[] stringBytes;
    private final int[] intWidths;
    private long[] groupCodes = new long[32];
    private int[] slots = new int[64];
    private int groupCount;
    private long[] rowCodes = new long[0];
    private final FieldVector[] outputs;
    /** The table that took over after a string did not fit its field; null until then. */
    private GenericGroupKeyTable delegate;

    PackedGroupKeyTable(List<LogicalType> keyTypes, BufferAllocator allocator) {
        assert serves(keyTypes);
        this.keyTypes = List.copyOf(keyTypes);
        this.allocator = allocator;
        this.keyCount = keyTypes.size();
        this.shifts = new int[keyCount];
        this.stringBytes = new int[keyCount];
        this.intWidths = new int[keyCount];
        int strings = 0;
        int shift = 0;
        for (int k = 0; k < keyCount; k++) {
            int width = integerWidth(keyTypes.get(k));
            if (width > 0) {
                intWidths[k] = width;
                shifts[k] = shift;
                shift += width * 8 + 1;
            } else {
                strings++;
            }
        }
        int share = (CODE_BITS - shift) / strings;
        for (int k = 0; k < keyCount; k++) {
            if (intWidths[k] == 0) {
                stringBytes[k] = (share - 1) / 8;
                shifts[k] = shift;
                shift += share;
            }
        }
        this.outputs = new FieldVector[keyCount];
        Arrays.fill(slots, -1);
    }

    /** Whether the keys are VARCHAR/TEXT and small integers, with at least one string and room for one byte each. */
    static boolean serves(List<LogicalType> keyTypes) {
        int strings = 0;
        int bits = 0;
        for (LogicalType type : keyTypes) {
            int width = integerWidth(type);
            if (width > 0) {
                bits += width * 8 + 1;
            } else if (type.physical() == PhysicalType.STRING && (type.id() == TypeId.VARCHAR || type.id() == TypeId.TEXT)) {
                strings++;
            } else {
                return false;
            }
        }
        return strings > 0 && bits < CODE_BITS && (CODE_BITS - bits) / strings >= 17;
    }

    /** The bytes of a smallint, integer or date key; 0 for any other type. */
    private static int integerWidth(LogicalType type) {
        if (type.id() == TypeId.SMALLINT) {
            return 2;
        }
        if (type.id() == TypeId.INTEGER || type.id() == TypeId.DATE) {
            return 4;
        }
        return 0;
    }

    @Override
    public void findOrInsert(FieldVector[] keyColumns, int rows, int[] groupIds) {
        if (delegate == null && !encode(keyColumns, rows, null)) {
            handOver();
        }
        if (delegate != null) {
            delegate.findOrInsert(keyColumns, rows, groupIds);
            return;
        }
        insertCodes(rows, groupIds);
    }

    /** Declines once the generic table has taken over, or when a string of these rows does not fit its field. */
    @Override
    public boolean findOrInsertAt(FieldVector[] keyColumns, int[] positions, int count, int[] groupIds) {
        if (delegate != null || !encode(keyColumns, count, positions)) {
            return false;
        }
        insertCodes(count, groupIds);
        return true;
    }

    /** The group of each of {@link #rowCodes}' first {@code rows} codes, added when new. */
    private void insertCodes(int rows, int[] groupIds) {
        long[] codes = rowCodes;
        for (int row = 0; row < rows; row++) {
            long code = codes[row];
            int mask = slots.length - 1;
            int slot = (int) KeyHashing.mix(code) & mask;
            while (true) {
                int group = slots[slot];
                if (group < 0) {
                    group = newGroup(code);
                    slots[slot] = group;
                    groupIds[row] = group;
                    if (groupCount * 2 > slots.length) {
                        grow();
                    }
                    break;
                }
                if (groupCodes[group] == code) {
                    groupIds[row] = group;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    @Override
    public void find(FieldVector[] keyColumns, int rows, int[] groupIds) {
        if (delegate != null) {
            delegate.find(keyColumns, rows, groupIds);
            return;
        }
        encode(keyColumns, rows, null);
        int mask = slots.length - 1;
        for (int row = 0; row < rows; row++) {
            long code = rowCodes[row];
            int found = -1;
            // a row whose string does not fit (code -1) cannot belong to a group this table holds
            if (code != -1) {
                int slot = (int) KeyHashing.mix(code) & mask;
                while (slots[slot] >= 0) {
                    int group = slots[slot];
                    if (groupCodes[group] == code) {
                        found = group;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
            }
            groupIds[row] = found;
        }
    }

    /**
     * Fills {@link #rowCodes} with each row's packed keys, column by column; false when a string does not fit
     * its field (that row's code is then -1, which no packed code equals, see {@link #CODE_BITS}; OR-ing later
     * fields into it keeps it -1). Code {@code r} is of row {@code positions[r]} of the columns, or of row {@code r}
     * when {@code positions} is null.
     */
    private boolean encode(FieldVector[] keyColumns, int rows, int[] positions) {
        if (rowCodes.length < rows) {
            rowCodes = new long[Math.max(rows, 16)];
        }
        long[] codes = rowCodes;
        Arrays.fill(codes, 0, rows, 0L);
        boolean allFit = true;
        for (int k = 0; k < keyCount; k++) {
            FieldVector column = keyColumns[k];
            int shift = shifts[k];
            boolean nulls = column.getNullCount() > 0;
            if (intWidths[k] > 0) {
                MemorySegment values = ArrowSegments.values(column);
                long marker = 1L << (intWidths[k] * 8);
                for (int row = 0; row < rows; row++) {
                    int at = positions == null ? row : positions[row];
                    if (nulls && column.isNull(at)) {
                        continue;
                    }
                    long value = switch (column) {
                        case SmallIntVector ignored -> values.get(SHORT, (long) at << 1) & 0xFFFFL;
                        case IntVector ignored -> values.get(ArrowSegments.INT, (long) at << 2) & 0xFFFFFFFFL;
                        case DateDayVector ignored -> values.get(ArrowSegments.INT, (long) at << 2) & 0xFFFFFFFFL;
                        default -> throw new IllegalStateException("integer key in " + column.getClass().getSimpleName());
                    };
                    codes[row] |= (value | marker) << shift;
                }
                continue;
            }
            BaseVariableWidthVector strings = (BaseVariableWidthVector) column;
            ArrowBuf offsets = strings.getOffsetBuffer();
            ArrowBuf data = strings.getDataBuffer();
            int limit = stringBytes[k];
            for (int row = 0; row < rows; row++) {
                int at = positions == null ? row : positions[row];
                if (nulls && strings.isNull(at)) {
                    continue;
                }
                int start = offsets.getInt((long) at * 4);
                int length = offsets.getInt((long) (at + 1) * 4) - start;
                if (length > limit) {
                    codes[row] = -1;
                    allFit = false;
                    continue;
                }
                long code = 1L << (8 * length);
                for (int b = 0; b < length; b++) {
                    code |= (data.getByte(start + b) & 0xFFL) << (8 * b);
                }
                if (codes[row] != -1) {
                    codes[row] |= code << shift;
                }
            }
        }
        return allFit;
    }

    /** Moves the groups, in id order, to a generic table that serves every later call. */
    private void handOver() {
        GenericGroupKeyTable generic = new GenericGroupKeyTable(keyTypes, allocator);
        if (groupCount > 0) {
            FieldVector[] keys = new FieldVector[keyCount];
            for (int k = 0; k < keyCount; k++) {
                keys[k] = keyVector(k);
            }
            int[] ids = new int[groupCount];
            generic.findOrInsert(keys, groupCount, ids);
            assert ids[groupCount - 1] == groupCount - 1;
        }
        closeOutputs();
        delegate = generic;
    }

    private int newGroup(long code) {
        int group = groupCount;
        if (group == groupCodes.length) {
            groupCodes = Arrays.copyOf(groupCodes, group * 2);
        }
        groupCodes[group] = code;
        groupCount++;
        return group;
    }

    private void grow() {
        int[] bigger = new int[slots.length * 2];
        Arrays.fill(bigger, -1);
        int mask = bigger.length - 1;
        for (int group = 0; group < groupCount; group++) {
            int slot = (int) KeyHashing.mix(groupCodes[group]) & mask;
            while (bigger[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = group;
        }
        slots = bigger;
    }

    @Override
    public int groupCount() {
        return delegate != null ? delegate.groupCount() : groupCount;
    }

    @Override
    public FieldVector keyVector(int k) {
        if (delegate != null) {
            return delegate.keyVector(k);
        }
        FieldVector output = outputs[k];
        if (output != null && output.getValueCount() == groupCount) {
            return output;
        }
        if (output != null) {
            output.close();
        }
        output = ValueAccess.allocate(keyTypes.get(k), "", allocator, groupCount);
        outputs[k] = output;
        int shift = shifts[k];
        long fieldMask = intWidths[k] > 0 ? (1L << (intWidths[k] * 8 + 1)) - 1 : stringMask(k);
        byte[] bytes = new byte[8];
        for (int g = 0; g < groupCount; g++) {
            long field = (groupCodes[g] >>> shift) & fieldMask;
            if (field == 0) {
                ValueAccess.set(output, g, null);
                continue;
            }
            switch (output) {
                case SmallIntVector v -> v.setSafe(g, (short) field);
                case IntVector v -> v.setSafe(g, (int) field);
                case DateDayVector v -> v.setSafe(g, (int) field);
                case BaseVariableWidthVector v -> {
                    int length = (63 - Long.numberOfLeadingZeros(field)) / 8;
                    for (int b = 0; b < length; b++) {
                        bytes[b] = (byte) (field >>> (8 * b));
                    }
                    v.setSafe(g, bytes, 0, length);
                }
                default -> throw new IllegalStateException("key vector " + output.getClass().getSimpleName());
            }
        }
        output.setValueCount(groupCount);
        return output;
    }

    /** The bits of string key {@code k}'s field: its bytes and the marker above the longest value. */
    private long stringMask(int k) {
        int bits = stringBytes[k] * 8 + 1;
        return bits >= 64 ? -1L : (1L << bits) - 1;
    }

    private void closeOutputs() {
        for (int k = 0; k < keyCount; k++) {
            if (outputs[k] != null) {
                outputs[k].close();
                outputs[k] = null;
            }
        }
    }

    @Override
    public void close() {
        closeOutputs();
        if (delegate != null) {
            delegate.close();
        }
    }
}
