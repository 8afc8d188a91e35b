package io.basalt.catalog.system;

import static java.util.Objects.requireNonNull;

import io.basalt.catalog.Catalog;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A system relation as a scan source: opening it computes the rows from the session's catalog as it is at that
 * moment (so a statement sees the catalog as of its start, its own transaction's DDL included) and hands them out
 * in batches of the context's vector size. The rows are few (one per catalog object), so they are built as Java
 * values and written value by value.
 */
public record SystemRelationScan(SystemRelation relation, Catalog catalog) implements ScanSource {
    public SystemRelationScan {
        requireNonNull(relation, "relation is null");
        requireNonNull(catalog, "catalog is null");
    }

    @Override
    public String name() {
        return relation.schema() + "." + relation.name();
    }

    @Override
    public List<LogicalType> columnTypes() {
        return relation.columnTypes();
    }

    @Override
    public SourceState open(int[] columns, ExecutionContext context) {
        List<Object[]> rows = relation.rows().of(CatalogObjects.of(catalog));
        return new SourceState() {
            private final List<FieldVector> vectors = new ArrayList<>();
            private int next;

            @Override
            public Batch next() {
                release();
                if (next >= rows.size()) {
                    return null;
                }
                int count = Math.min(context.vectorSize(), rows.size() - next);
                for (int column : columns) {
                    LogicalType type = relation.columnTypes().get(column);
                    FieldVector vector = ValueAccess.allocate(type, relation.columnNames().get(column),
                            context.allocator(), count);
                    for (int r = 0; r < count; r++) {
                        ValueAccess.set(vector, r, rows.get(next + r)[column]);
                    }
                    vector.setValueCount(count);
                    vectors.add(vector);
                }
                next += count;
                return new Batch(new ArrayList<>(vectors), count);
            }

            private void release() {
                for (FieldVector vector : vectors) {
                    vector.close();
                }
                vectors.clear();
            }

            @Override
            public void close() {
                release();
            }
        };
    }
}
