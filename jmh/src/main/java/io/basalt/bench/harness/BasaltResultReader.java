package io.basalt.bench.harness;

import io.basalt.api.QueryResult;
import io.basalt.api.ResultColumn;
import io.basalt.type.LogicalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads a Basalt result's Arrow batches into normalized values, using the logical type each field
 * carries: NUMERIC(p,s) with p &lt;= 18 as a scaled long, wider NUMERIC as scale + unscaled bytes, DATE as
 * days since 1970-01-01 (see {@link io.basalt.type.PhysicalType}).
 */
final class BasaltResultReader {
    private BasaltResultReader() {
    }

    static void read(QueryResult result, RowSink sink) {
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (ResultColumn column : result.columns()) {
            names.add(column.name());
            types.add(column.type());
        }
        sink.columns(names);
        Object[] row = new Object[names.size()];
        for (VectorSchemaRoot batch : result.batches()) {
            List<FieldVector> vectors = batch.getFieldVectors();
            for (int r = 0; r < batch.getRowCount(); r++) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = value(vectors.get(c), types.get(c), r);
                }
                sink.row(row);
            }
        }
    }

    private static Object value(FieldVector vector, LogicalType type, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        return switch (vector) {
            case BitVector bits -> bits.get(row) != 0;
            case SmallIntVector shorts -> BigDecimal.valueOf(shorts.get(row));
            case IntVector ints -> BigDecimal.valueOf(ints.get(row));
            case DateDayVector days -> LocalDate.ofEpochDay(days.get(row));
            case BigIntVector longs -> type.isScaledLong()
                    ? BigDecimal.valueOf(longs.get(row), type.scale())
                    : BigDecimal.valueOf(longs.get(row));
            case Float8Vector doubles -> doubles.get(row);
            case VarCharVector strings -> new String(strings.get(row), StandardCharsets.UTF_8);
            case VarBinaryVector bytes -> decimal(bytes.get(row));
            default -> ResultTable.normalize(vector.getObject(row));
        };
    }

    /** Two bytes of scale (big-endian), then the unscaled value as big-endian two's complement. */
    private static BigDecimal decimal(byte[] encoded) {
        int scale = (short) (((encoded[0] & 0xff) << 8) | (encoded[1] & 0xff));
        return new BigDecimal(new BigInteger(encoded, 2, encoded.length - 2), scale);
    }
}
