package io.basalt.storage.wal;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.ValueAccess;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A log record as plain Java values (SQL text, a sequence's state, or table name with each batch's fields and
 * rows), so that a test can keep it after the log has freed the vectors and compare written with replayed
 * records. Fields compare with their metadata, so a lost {@code basalt.type} key shows as a difference.
 */
record RecordContent(String kind, String text, List<List<Field>> batchFields, List<List<List<Object>>> batchRows) {
    static RecordContent of(WalRecord record) {
        return switch (record) {
            case WalRecord.Ddl ddl -> new RecordContent("ddl", ddl.sql(), List.of(), List.of());
            case WalRecord.Append append -> ofAppend(append);
            case WalRecord.Delete delete -> new RecordContent("delete", delete.tableName(), List.of(),
                    List.of(List.of(java.util.Arrays.stream(delete.rowIds()).<Object>mapToObj(id -> id).toList())));
            case WalRecord.SequenceValue value -> new RecordContent("sequence", value.schema() + "." + value.name()
                    + "=" + value.lastValue() + (value.isCalled() ? " called" : ""), List.of(), List.of());
            case WalRecord.Truncate truncate -> new RecordContent("truncate", truncate.tableName(), List.of(), List.of());
            case WalRecord.AttachRows attach -> new RecordContent("attach", attach.tableName() + " " + attach.fileName()
                    + " " + attach.firstPosition() + "+" + attach.rows(), List.of(), List.of());
        };
    }

    private static RecordContent ofAppend(WalRecord.Append append) {
        List<List<Field>> fields = new ArrayList<>();
        List<List<List<Object>>> rows = new ArrayList<>();
        for (Batch batch : append.batches()) {
            List<Field> batchFields = new ArrayList<>();
            for (FieldVector column : batch.columns()) {
                batchFields.add(column.getField());
            }
            fields.add(batchFields);
            List<List<Object>> batchRows = new ArrayList<>();
            for (int r = 0; r < batch.rowCount(); r++) {
                List<Object> row = new ArrayList<>();
                for (FieldVector column : batch.columns()) {
                    row.add(ValueAccess.get(column, r));
                }
                batchRows.add(row);
            }
            rows.add(batchRows);
        }
        return new RecordContent("append", append.tableName(), fields, rows);
    }
}
