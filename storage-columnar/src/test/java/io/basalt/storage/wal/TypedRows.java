package io.basalt.storage.wal;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Batches for the log's tests: one column of every Basalt type, filled with values derived from a seed
 * so that a reader can recompute them, with a NULL in every column on every third row. The batch owns
 * its vectors: close it.
 */
final class TypedRows implements AutoCloseable {
    /** Every type the engine stores, in column order. */
    static final List<LogicalType> TYPES = List.of(
            LogicalType.BOOLEAN, LogicalType.SMALLINT, LogicalType.INTEGER, LogicalType.BIGINT, LogicalType.DOUBLE,
            LogicalType.numeric(10, 2), LogicalType.NUMERIC, LogicalType.TEXT, LogicalType.varchar(20),
            LogicalType.DATE, LogicalType.REAL, LogicalType.TIMESTAMP, LogicalType.TIMESTAMPTZ, LogicalType.TIME,
            LogicalType.TIMETZ, LogicalType.INTERVAL,
            LogicalType.numeric(30, 4), LogicalType.UUID, LogicalType.BYTEA, LogicalType.JSON, LogicalType.JSONB, LogicalType.arrayOf(LogicalType.INTEGER),
            LogicalType.arrayOf(LogicalType.TEXT), LogicalType.arrayOf(LogicalType.numeric(10, 2)),
            LogicalType.arrayOf(LogicalType.BOOLEAN), LogicalType.POLYGON,
            LogicalType.rangeOf(io.basalt.type.range.RangeType.NUMRANGE),
            LogicalType.recordOf(new io.basalt.type.RecordType("pair", List.of("n", "t"),
                    List.of(LogicalType.INTEGER, LogicalType.TEXT))));

    private final List<FieldVector> vectors;
    private final Batch batch;

    private TypedRows(List<FieldVector> vectors, int rows) {
        this.vectors = vectors;
        this.batch = new Batch(vectors, rows);
    }

    /** {@code rows} rows of every type; row {@code r} holds values derived from {@code seed + r}. */
    static TypedRows of(BufferAllocator allocator, long seed, int rows) {
        List<FieldVector> vectors = new ArrayList<>();
        for (int c = 0; c < TYPES.size(); c++) {
            LogicalType type = TYPES.get(c);
            FieldVector vector = ValueAccess.allocate(type, "c" + c, allocator, rows);
            vectors.add(vector);
            for (int r = 0; r < rows; r++) {
                ValueAccess.set(vector, r, value(type, seed + r, r));
            }
            vector.setValueCount(rows);
        }
        return new TypedRows(vectors, rows);
    }

    /** The value of a column of {@code type} for the given row, in ValueAccess's canonical form. */
    static Object value(LogicalType type, long key, int row) {
        if (row % 3 == 2) {
            return null;
        }
        return switch (type.id()) {
            case BOOLEAN -> key % 2 == 0;
            case SMALLINT -> (long) (short) (key * 7 - 300);
            case INTEGER -> key * 1_000_003 % Integer.MAX_VALUE - 5;
            case BIGINT, PG_LSN -> key * 1_000_000_007L - Long.MAX_VALUE / 3;
            case DOUBLE -> key == 4 ? Double.NaN : key * -0.5 + 1e-300;
            case NUMERIC -> type.isScaledLong()
                    ? key * 1234 - 99_999
                    : type.isScaledWide()
                    ? new BigDecimal("12345678901234567890123456." + (1000 + key)).negate()
                    : new BigDecimal("123456789012345678901234567890.0" + key).negate();
            case REAL -> (double) (float) (key * 0.25 - 3.1);
            case ENUM -> (double) (key % 3 + 1);
            case TIMESTAMP, TIMESTAMPTZ -> key * 86_400_000_123L - 1_000_000_000_000L;
            case TIME -> key * 3_600_000_007L % 86_400_000_001L;
            case TIMETZ -> io.basalt.type.datetime.TimeWithZone.pack(key * 3_600_000_007L % 86_400_000_001L,
                    (int) (key * 1800 % 50_000) - 25_000);
            case INTERVAL -> new io.basalt.type.Interval((int) key - 2, (int) key * 3, key * 1_000_007L);
            case TEXT -> "text " + key + " ünïcødé ✓";
            case VARCHAR -> "v" + key;
            case CHAR -> "c" + key + "   ";
            case DATE -> key * 37 - 20_000;
            case UUID -> new io.basalt.type.Uuid(key * 0x9E3779B97F4A7C15L, ~key);
            // Bytes above 0x7f and a zero byte, which a text or UTF-8 path would mangle.
            case BYTEA, POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE, RANGE ->
                    io.basalt.type.ByteString.wrap(new byte[] {0, (byte) key, (byte) 0x80, (byte) 0xff});
            case JSON -> "{\"k\": " + key + ",  \"k\": [1.50]}";
            case JSONPATH -> "$.\"k\"[" + key + "]";
            case TSVECTOR -> "'k" + key + "':1";
            case TSQUERY -> "'k" + key + "'";
            case REGCLASS, REGTYPE, REGNAMESPACE -> "r" + key;
            case JSONB -> io.basalt.type.json.Jsonb.parse("{\"k\": " + key + ", \"s\": \"ü\", \"a\": [1.50, null]}");
            // Empty arrays, NULL elements and elements of the element type's own representation.
            case ARRAY -> io.basalt.type.ArrayValue.of(key % 4 == 0 ? List.of()
                    : java.util.Arrays.asList(value(type.element(), key, 0), null, value(type.element(), key + 1, 1)));
            // A NULL field beside a set one, and rows where every field is NULL (a record that is not NULL).
            case RECORD -> io.basalt.type.RecordValue.of(key % 4 == 0 ? null : key % 100_000, key % 5 == 0 ? null : "f" + key);
            case UNKNOWN -> throw new IllegalArgumentException("no values of type unknown");
        };
    }

    Batch batch() {
        return batch;
    }

    @Override
    public void close() {
        for (FieldVector vector : vectors) {
            vector.close();
        }
    }
}
