package io.basalt.exec.vector;

import io.basalt.type.LogicalType;
import io.basalt.type.RecordValue;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Composite values in Arrow vectors. A record column is a struct vector with one child per field, in field
 * order and named by position ({@link LogicalType#recordChildName}); the struct's own validity is the record's
 * NULL, a child's validity that field's NULL. Reading and writing whole values, copying rows, and PostgreSQL's
 * btree order of records (field by field, a NULL field above every value and equal to another NULL), which
 * also defines equality of record values.
 */
public final class RecordVectors {
    private RecordVectors() {
    }

    /** Whether {@code vector} holds records (a struct that is not an array's struct of lists). */
    public static boolean isRecord(FieldVector vector) {
        return vector instanceof StructVector && !ArrayVectors.isArray(vector);
    }

    /** The vector of field {@code index}. */
    public static FieldVector field(FieldVector record, int index) {
        return (FieldVector) ((StructVector) record).getChildByOrdinal(index);
    }

    public static int fieldCount(FieldVector record) {
        return ((StructVector) record).size();
    }

    /** Row {@code row} (non-null) as a Java value. */
    public static RecordValue get(FieldVector record, int row) {
        int count = fieldCount(record);
        List<Object> values = new ArrayList<>(count);
        for (int f = 0; f < count; f++) {
            values.add(ValueAccess.get(field(record, f), row));
        }
        return RecordValue.of(values);
    }

    /** Writes {@code value} at {@code row}; every child is written (NULL fields too), so rows may come in any order. */
    public static void set(FieldVector record, int row, RecordValue value) {
        ((StructVector) record).setIndexDefined(row);
        int count = fieldCount(record);
        for (int f = 0; f < count; f++) {
            ValueAccess.set(field(record, f), row, value.get(f));
        }
    }

    /** Row {@code row} is NULL (its fields too, so that children stay aligned). */
    public static void setNull(FieldVector record, int row) {
        StructVector struct = (StructVector) record;
        struct.setNull(row);
        int count = fieldCount(record);
        for (int f = 0; f < count; f++) {
            ValueAccess.set(field(record, f), row, null);
        }
    }

    /** Copies row {@code row} of {@code source} (or its NULL) to row {@code targetRow} of {@code target}. */
    public static void copyRow(FieldVector source, int row, FieldVector target, int targetRow) {
        StructVector struct = (StructVector) target;
        if (source.isNull(row)) {
            setNull(target, targetRow);
            return;
        }
        struct.setIndexDefined(targetRow);
        int count = fieldCount(target);
        for (int f = 0; f < count; f++) {
            VectorGather.copyValue(field(source, f), row, field(target, f), targetRow);
        }
    }

    /** Three-way comparison of two non-null records of the same shape, as PostgreSQL's btree orders them. */
    public static int compare(FieldVector a, int i, FieldVector b, int j) {
        int count = Math.min(fieldCount(a), fieldCount(b));
        for (int f = 0; f < count; f++) {
            int order = ArrayVectors.compareElements(field(a, f), i, field(b, f), j);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(fieldCount(a), fieldCount(b));
    }
}
