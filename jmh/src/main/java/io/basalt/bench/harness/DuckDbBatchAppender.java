package io.basalt.bench.harness;

import io.basalt.type.LogicalType;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.duckdb.DuckDBAppender;

/**
 * Feeds one Arrow batch of generated rows to a DuckDB appender, so that DuckDB receives exactly the
 * values Basalt does. DuckDB's appender takes rows, so the values go row by row; the column kinds are
 * resolved once per batch; JSONB goes as its text. NUMERIC(p,s) with p &lt;= 18 goes in as its unscaled long.
 */
final class DuckDbBatchAppender {
    private static final int BOOLEAN = 0;
    private static final int SMALLINT = 1;
    private static final int INTEGER = 2;
    private static final int BIGINT = 3;
    private static final int DECIMAL = 4;
    private static final int DOUBLE = 5;
    private static final int DATE = 6;
    private static final int STRING = 7;
    /** JSONB goes to DuckDB as its text (a JSON column there). */
    private static final int JSON_TEXT = 8;

    private DuckDbBatchAppender() {
    }

    static void append(DuckDBAppender appender, VectorSchemaRoot batch) throws SQLException {
        List<FieldVector> vectors = batch.getFieldVectors();
        int columns = vectors.size();
        int[] kinds = new int[columns];
        for (int c = 0; c < columns; c++) {
            kinds[c] = kind(vectors.get(c));
        }
        for (int row = 0; row < batch.getRowCount(); row++) {
            appender.beginRow();
            for (int c = 0; c < columns; c++) {
                FieldVector vector = vectors.get(c);
                if (vector.isNull(row)) {
                    appender.appendNull();
                    continue;
                }
                switch (kinds[c]) {
                    case BOOLEAN -> appender.append(((BitVector) vector).get(row) != 0);
                    case SMALLINT -> appender.append(((SmallIntVector) vector).get(row));
                    case INTEGER -> appender.append(((IntVector) vector).get(row));
                    case BIGINT -> appender.append(((BigIntVector) vector).get(row));
                    case DECIMAL -> appender.appendDecimal(((BigIntVector) vector).get(row));
                    case DOUBLE -> appender.append(((Float8Vector) vector).get(row));
                    case DATE -> appender.appendEpochDays(((DateDayVector) vector).get(row));
                    case JSON_TEXT -> appender.append(io.basalt.exec.vector.ValueAccess.text(vector, row));
                    default -> appender.append(((VarCharVector) vector).getObject(row).toString());
                }
            }
            appender.endRow();
        }
    }

    private static int kind(FieldVector vector) {
        LogicalType type = LogicalType.of(vector.getField());
        return switch (type.physical()) {
            case BOOLEAN -> BOOLEAN;
            case INT16 -> SMALLINT;
            case INT32 -> vector instanceof DateDayVector ? DATE : INTEGER;
            case INT64 -> type.isScaledLong() ? DECIMAL : BIGINT;
            case FLOAT64 -> DOUBLE;
            case STRING -> STRING;
            case JSONB -> JSON_TEXT;
            case BIG_DECIMAL, INT128, INTERVAL, UUID, BYTES, LIST, STRUCT ->
                    throw new IllegalArgumentException("generated data has no " + type + " column");
        };
    }
}
