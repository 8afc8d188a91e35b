package io.basalt.datasets;

import static java.util.Objects.requireNonNull;

import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.exec.memory.MemoryRoots;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Creates generated tables in a Basalt database and fills them through {@link Session#append}, one batch
 * at a time: the loader never holds more than one batch of generated rows, whatever the data set's size.
 */
public final class DatasetLoader {
    /** Rows per appended batch unless a caller asks otherwise. */
    public static final int DEFAULT_BATCH_ROWS = 64 * 1024;
    private static final long LOADER_MEMORY_LIMIT = 1L << 30;

    private DatasetLoader() {
    }

    /**
     * Creates each table and appends all its rows.
     *
     * @return rows loaded over all tables
     */
    public static long load(Session session, List<? extends GeneratedTable> tables, int batchRows) {
        requireNonNull(session, "session is null");
        long rows = 0;
        for (GeneratedTable table : tables) {
            create(session, table);
            rows += append(session, table, batchRows);
        }
        return rows;
    }

    /** Runs the table's {@code CREATE TABLE}. */
    public static void create(Session session, GeneratedTable table) {
        try (QueryResult ignored = session.execute(CreateTableStatement.of(table))) {
            // The command tag is all a CREATE TABLE returns.
        }
    }

    /**
     * Appends every generated row of {@code table} to the existing table of the same name.
     *
     * @return the number of rows appended
     */
    public static long append(Session session, GeneratedTable table, int batchRows) {
        long rows = 0;
        try (BufferAllocator allocator = MemoryRoots.newRoot("load " + table.name(), LOADER_MEMORY_LIMIT);
             GeneratedBatches batches = new GeneratedBatches(table, allocator, batchRows)) {
            for (VectorSchemaRoot batch = batches.next(); batch != null; batch = batches.next()) {
                rows += session.append(table.name(), batch);
            }
        }
        return rows;
    }
}
