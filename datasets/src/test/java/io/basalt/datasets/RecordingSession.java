package io.basalt.datasets;

import io.basalt.api.CatalogView;
import io.basalt.api.QueryResult;
import io.basalt.api.ResultColumn;
import io.basalt.api.Session;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A hand-written stand-in for a Basalt session that records what a loader asks of it: the statements
 * executed, and per table the rows appended and the logical types of the appended batches. An optional
 * inspector sees every appended batch while it is valid.
 */
public final class RecordingSession implements Session {
    public final List<String> statements = new ArrayList<>();
    public final Map<String, Long> appendedRows = new LinkedHashMap<>();
    public final Map<String, List<LogicalType>> appendedTypes = new LinkedHashMap<>();
    private final BiConsumer<String, VectorSchemaRoot> inspector;

    public RecordingSession() {
        this((table, batch) -> { });
    }

    public RecordingSession(BiConsumer<String, VectorSchemaRoot> inspector) {
        this.inspector = inspector;
    }

    @Override
    public QueryResult execute(String sql, Object... parameters) {
        statements.add(sql);
        return new CommandResult(sql.startsWith("CREATE TABLE") ? "CREATE TABLE" : "OK");
    }

    @Override
    public QueryResult query(String sql, Object... parameters) {
        throw new UnsupportedOperationException("a recording session runs no queries");
    }

    @Override
    public long append(String table, VectorSchemaRoot rows) {
        List<LogicalType> types = new ArrayList<>();
        for (Field field : rows.getSchema().getFields()) {
            types.add(LogicalType.of(field));
        }
        appendedTypes.put(table, types);
        appendedRows.merge(table, (long) rows.getRowCount(), Long::sum);
        inspector.accept(table, rows);
        return rows.getRowCount();
    }

    @Override
    public CatalogView catalog() {
        throw new UnsupportedOperationException("a recording session has no catalog");
    }

    @Override
    public void close() {
    }

    private record CommandResult(String commandTag) implements QueryResult {
        @Override
        public boolean returnsRows() {
            return false;
        }

        @Override
        public List<ResultColumn> columns() {
            return List.of();
        }

        @Override
        public Schema schema() {
            return new Schema(List.of());
        }

        @Override
        public List<VectorSchemaRoot> batches() {
            return List.of();
        }

        @Override
        public long rowCount() {
            return 0;
        }

        @Override
        public List<String> notices() {
            return List.of();
        }

        @Override
        public String getText(long row, int column) {
            throw new IndexOutOfBoundsException("no rows");
        }

        @Override
        public void close() {
        }
    }
}
