package io.basalt.exec.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.type.ArrayValue;
import io.basalt.type.ByteString;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import io.basalt.type.Uuid;
import java.math.BigDecimal;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/** Copies keep every value and NULL, and stay intact when the source is overwritten in place. */
class VectorCopiesTest {
    @Test
    void copiesOfEveryTypeSurviveTheSourceBeingReset() {
        List<LogicalType> types = List.of(LogicalType.BOOLEAN, LogicalType.SMALLINT, LogicalType.INTEGER,
                LogicalType.BIGINT, LogicalType.DOUBLE, LogicalType.numeric(10, 2), LogicalType.numeric(30, 4),
                LogicalType.NUMERIC, LogicalType.TEXT, LogicalType.DATE, LogicalType.TIMESTAMP, LogicalType.INTERVAL,
                LogicalType.UUID, LogicalType.BYTEA, LogicalType.JSONB, LogicalType.JSON, LogicalType.arrayOf(LogicalType.INTEGER),
                LogicalType.arrayOf(LogicalType.TEXT), LogicalType.arrayOf(LogicalType.numeric(10, 2)));
        try (BufferAllocator allocator = new RootAllocator()) {
            for (LogicalType type : types) {
                for (int rows : new int[] {0, 1, 7, 9, 100}) {
                    try (FieldVector source = ValueAccess.allocate(type, "x", allocator, rows)) {
                        for (int i = 0; i < rows; i++) {
                            ValueAccess.set(source, i, i % 3 == 1 ? null : value(type, i));
                        }
                        source.setValueCount(rows);
                        try (FieldVector copy = VectorCopies.copy(source, allocator)) {
                            source.reset();
                            assertThat(copy.getValueCount()).isEqualTo(rows);
                            for (int i = 0; i < rows; i++) {
                                assertThat(ValueAccess.get(copy, i)).as("%s row %d", type, i)
                                        .isEqualTo(i % 3 == 1 ? null : value(type, i));
                            }
                        }
                    }
                }
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
    }

    @Test
    void appendedRangesEqualValueByValueCopies() {
        List<LogicalType> types = List.of(LogicalType.BOOLEAN, LogicalType.INTEGER, LogicalType.BIGINT,
                LogicalType.DOUBLE, LogicalType.numeric(10, 2), LogicalType.numeric(30, 4), LogicalType.NUMERIC,
                LogicalType.TEXT, LogicalType.DATE, LogicalType.INTERVAL, LogicalType.UUID, LogicalType.BYTEA,
                LogicalType.JSONB, LogicalType.arrayOf(LogicalType.TEXT));
        java.util.Random random = new java.util.Random(3);
        try (BufferAllocator allocator = new RootAllocator()) {
            for (LogicalType type : types) {
                int rows = 300;
                try (FieldVector source = ValueAccess.allocate(type, "x", allocator, rows);
                     FieldVector ranged = ValueAccess.allocate(type, "x", allocator, 4);
                     FieldVector single = ValueAccess.allocate(type, "x", allocator, 4)) {
                    for (int i = 0; i < rows; i++) {
                        ValueAccess.set(source, i, random.nextInt(4) == 0 ? null : value(type, i));
                    }
                    source.setValueCount(rows);
                    int at = 0;
                    while (at < 1000) {
                        int from = random.nextInt(rows);
                        int count = random.nextInt(rows - from + 1);
                        VectorCopies.appendRange(source, from, ranged, at, count);
                        for (int i = 0; i < count; i++) {
                            VectorGather.copyValue(source, from + i, single, at + i);
                        }
                        at += count;
                    }
                    ranged.setValueCount(at);
                    single.setValueCount(at);
                    for (int i = 0; i < at; i++) {
                        assertThat(ValueAccess.get(ranged, i)).as("%s row %d", type, i).isEqualTo(ValueAccess.get(single, i));
                    }
                }
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
    }

    /** Pieces gathered one after another into one vector hold what a value-by-value copy of each row holds. */
    @Test
    void gatheredPiecesAppendAfterTheRowsAlreadyThere() {
        List<LogicalType> types = List.of(LogicalType.BOOLEAN, LogicalType.INTEGER, LogicalType.BIGINT,
                LogicalType.DOUBLE, LogicalType.numeric(10, 2), LogicalType.numeric(30, 4), LogicalType.NUMERIC,
                LogicalType.TEXT, LogicalType.DATE, LogicalType.BYTEA, LogicalType.arrayOf(LogicalType.TEXT));
        java.util.Random random = new java.util.Random(5);
        try (BufferAllocator allocator = new RootAllocator()) {
            for (LogicalType type : types) {
                for (boolean nulls : new boolean[] {false, true}) {
                    int rows = 200;
                    int capacity = 1000;
                    try (FieldVector source = ValueAccess.allocate(type, "x", allocator, rows);
                         FieldVector gathered = ValueAccess.allocate(type, "x", allocator, capacity);
                         FieldVector single = ValueAccess.allocate(type, "x", allocator, capacity)) {
                        for (int i = 0; i < rows; i++) {
                            ValueAccess.set(source, i, nulls && random.nextInt(4) == 0 ? null : value(type, i));
                        }
                        source.setValueCount(rows);
                        gathered.setValueCount(0);
                        int at = 0;
                        while (true) {
                            int count = random.nextInt(40);
                            if (at + count > capacity) {
                                break;
                            }
                            int[] selection = new int[count];
                            for (int k = 0; k < count; k++) {
                                selection[k] = random.nextInt(rows);
                                VectorGather.copyValue(source, selection[k], single, at + k);
                            }
                            VectorGather.gatherInto(source, selection, count, gathered, at, !nulls);
                            at += count;
                            assertThat(gathered.getValueCount()).isEqualTo(at);
                        }
                        single.setValueCount(at);
                        for (int i = 0; i < at; i++) {
                            assertThat(ValueAccess.get(gathered, i)).as("%s row %d", type, i)
                                    .isEqualTo(ValueAccess.get(single, i));
                        }
                    }
                }
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
    }

    private static Object value(LogicalType type, int i) {
        return switch (type.physical()) {
            case BOOLEAN -> i % 2 == 0;
            case INT16, INT32, INT64 -> (long) i * 37 - 100;
            case FLOAT64 -> i * 0.5;
            case INT128 -> new BigDecimal("1234567890123456789012." + (1000 + i));
            case BIG_DECIMAL -> new BigDecimal("-99." + i);
            case STRING -> "value " + i + " ü";
            case INTERVAL -> new Interval(i, -i, i * 1000L);
            case UUID -> new Uuid(i * 0x0123456789abcdefL, -i);
            case BYTES -> ByteString.wrap(new byte[] {(byte) i, 0, (byte) 0xff});
            case JSONB -> io.basalt.type.json.Jsonb.parse("{\"a\": [" + i + ", \"x\"]}");
            case LIST -> ArrayValue.of(i % 4 == 0 ? List.of() : java.util.Arrays.asList(value(type.element(), i), null,
                    value(type.element(), i + 1)));
            case STRUCT -> io.basalt.type.RecordValue.of(value(type.record().fieldTypes().getFirst(), i), null);
        };
    }
}
