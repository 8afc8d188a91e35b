package io.basalt.datasets;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
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

/**
 * Typed writes into the vectors of one {@link VectorSchemaRoot}, addressed by column index, so that
 * generators need not know Arrow's vector classes. Values go in the physical form of the column's logical
 * type (see {@link io.basalt.type.PhysicalType}): NUMERIC(p,s) with p &lt;= 18 as a long scaled by
 * 10^s ({@link #setLong}), DATE as days since 1970-01-01 ({@link #setDate}).
 *
 * <p>A writer does not own the root. {@link #reset()} empties the vectors (keeping their buffers) before a
 * batch is written; {@link #finish(int)} fixes the row count after it.
 */
public final class BatchWriter {
    private final VectorSchemaRoot root;
    private final FieldVector[] vectors;

    public BatchWriter(VectorSchemaRoot root) {
        this.root = requireNonNull(root, "root is null");
        List<FieldVector> fieldVectors = root.getFieldVectors();
        this.vectors = fieldVectors.toArray(new FieldVector[0]);
    }

    public VectorSchemaRoot root() {
        return root;
    }

    /** Empties every vector, keeping the allocated buffers for the next batch. */
    public void reset() {
        for (FieldVector vector : vectors) {
            vector.reset();
        }
        root.setRowCount(0);
    }

    /** Sets the value count of every vector and of the root to {@code rowCount}. */
    public void finish(int rowCount) {
        for (FieldVector vector : vectors) {
            vector.setValueCount(rowCount);
        }
        root.setRowCount(rowCount);
    }

    public void setNull(int column, int row) {
        vectors[column].setNull(row);
    }

    public void setBoolean(int column, int row, boolean value) {
        ((BitVector) vectors[column]).setSafe(row, value ? 1 : 0);
    }

    public void setSmallint(int column, int row, short value) {
        ((SmallIntVector) vectors[column]).setSafe(row, value);
    }

    public void setInt(int column, int row, int value) {
        ((IntVector) vectors[column]).setSafe(row, value);
    }

    /** A BIGINT, or a NUMERIC(p,s) with p &lt;= 18 given as its value times 10^s. */
    public void setLong(int column, int row, long value) {
        ((BigIntVector) vectors[column]).setSafe(row, value);
    }

    public void setDouble(int column, int row, double value) {
        ((Float8Vector) vectors[column]).setSafe(row, value);
    }

    /** A DATE as days since 1970-01-01. */
    public void setDate(int column, int row, int epochDay) {
        ((DateDayVector) vectors[column]).setSafe(row, epochDay);
    }

    /** A string column; {@code null} writes SQL NULL. */
    public void setString(int column, int row, String value) {
        if (value == null) {
            vectors[column].setNull(row);
            return;
        }
        ((VarCharVector) vectors[column]).setSafe(row, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A binary column (BYTEA, or JSONB in its binary form, see {@code io.basalt.type.json.JsonbWriter}). */
    public void setBinary(int column, int row, byte[] bytes) {
        ((org.apache.arrow.vector.VarBinaryVector) vectors[column]).setSafe(row, bytes);
    }

    /** A string column from {@code length} bytes of UTF-8 starting at {@code offset}. */
    public void setUtf8(int column, int row, byte[] utf8, int offset, int length) {
        ((VarCharVector) vectors[column]).setSafe(row, utf8, offset, length);
    }
}
