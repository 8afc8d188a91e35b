package io.basalt.cli.fake;

import static java.util.Objects.requireNonNull;

import io.basalt.api.QueryResult;
import io.basalt.api.ResultColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A hand-written query result holding its rows as text, for the shell's tests. It has no Arrow
 * batches (the shell reads values only through {@link #getText}); {@link #batches()} is empty.
 */
public final class FakeQueryResult implements QueryResult {
    private final List<ResultColumn> columns;
    private final List<List<String>> rows;
    private final String commandTag;
    private final long rowCount;
    private final List<String> notices;
    private boolean closed;

    private FakeQueryResult(List<ResultColumn> columns, List<List<String>> rows, String commandTag, long rowCount,
                            List<String> notices) {
        this.notices = List.copyOf(notices);
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.commandTag = requireNonNull(commandTag, "commandTag is null");
        this.rowCount = rowCount;
    }

    /** A result with rows, tagged {@code SELECT n}. Cells may be null (SQL NULL). */
    public static FakeQueryResult rows(List<ResultColumn> columns, List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        return new FakeQueryResult(columns, copy, "SELECT " + copy.size(), copy.size(), List.of());
    }

    /** A result of a statement that returns no rows, e.g. {@code INSERT 0 2}. */
    public static FakeQueryResult command(String commandTag, long affectedRows) {
        return new FakeQueryResult(List.of(), null, commandTag, affectedRows, List.of());
    }

    /** The same result carrying notices, as the engine reports them for e.g. DROP TABLE IF EXISTS. */
    public FakeQueryResult withNotices(String... newNotices) {
        return new FakeQueryResult(columns, rows, commandTag, rowCount, List.of(newNotices));
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean returnsRows() {
        return rows != null;
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public Schema schema() {
        List<Field> fields = new ArrayList<>();
        for (ResultColumn column : columns) {
            fields.add(column.type().arrowField(column.name()));
        }
        return new Schema(fields);
    }

    @Override
    public List<VectorSchemaRoot> batches() {
        return List.of();
    }

    @Override
    public long rowCount() {
        return rowCount;
    }

    @Override
    public String commandTag() {
        return commandTag;
    }

    @Override
    public List<String> notices() {
        return notices;
    }

    @Override
    public String getText(long row, int column) {
        return rows.get((int) row).get(column);
    }

    @Override
    public void close() {
        closed = true;
    }
}
