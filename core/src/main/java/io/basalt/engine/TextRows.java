package io.basalt.engine;

import io.basalt.api.ResultColumn;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Results made of text rows computed by the engine itself rather than by a query (SHOW, EXPLAIN): one Arrow
 * batch of text columns, owned by the result.
 */
final class TextRows {
    private TextRows() {
    }

    /**
     * A result with columns {@code names}, all of type text, holding {@code rows} (each a list of values, null
     * for NULL), with command tag {@code tag}. The result owns {@code allocator} and closes it.
     */
    static QueryResultImpl result(List<String> names, List<List<String>> rows, String tag, List<String> notices,
                                  BufferAllocator allocator) {
        List<Field> fields = new ArrayList<>();
        List<FieldVector> vectors = new ArrayList<>();
        List<ResultColumn> columns = new ArrayList<>();
        try {
            for (int c = 0; c < names.size(); c++) {
                FieldVector vector = ValueAccess.allocate(LogicalType.TEXT, names.get(c), allocator,
                        Math.max(rows.size(), 1));
                vectors.add(vector);
                for (int r = 0; r < rows.size(); r++) {
                    ValueAccess.set(vector, r, rows.get(r).get(c));
                }
                vector.setValueCount(rows.size());
                fields.add(vector.getField());
                columns.add(new ResultColumn(names.get(c), LogicalType.TEXT));
            }
            VectorSchemaRoot root = new VectorSchemaRoot(fields, vectors, rows.size());
            return new QueryResultImpl(true, columns, fields, List.of(root), rows.size(), tag, notices, allocator);
        } catch (RuntimeException | Error failure) {
            for (FieldVector vector : vectors) {
                vector.close();
            }
            allocator.close();
            throw failure;
        }
    }
}
