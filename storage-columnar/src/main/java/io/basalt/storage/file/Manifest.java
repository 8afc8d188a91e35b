package io.basalt.storage.file;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a database directory's last checkpoint holds ({@link ManifestFile} writes and reads it): the write-ahead log
 * sequence number the checkpoint covers (recovery replays only the records after it), the catalog as the DDL
 * statements that built it, in log order, with the sequences' states, and one data file per table.
 *
 * @param walSequence    the last log record whose effect the checkpoint holds
 * @param nextFileNumber the number the next data file gets, so that a checkpoint never reuses a file's name
 * @param ddl            every DDL record logged since the database was created (statement texts, SETs of
 *                       search_path included), to be executed again in order on open
 * @param sequences      each sequence's last logged state
 * @param tables         the data file of each table that has one
 */
public record Manifest(long walSequence, long nextFileNumber, List<String> ddl, List<SequenceState> sequences,
                       List<TableFileEntry> tables) {
    public Manifest {
        ddl = List.copyOf(ddl);
        sequences = List.copyOf(sequences);
        tables = List.copyOf(tables);
    }

    /** A manifest for a database that has had no checkpoint. */
    public static Manifest empty() {
        return new Manifest(0, 1, List.of(), List.of(), List.of());
    }

    /** The state a sequence resumes from: {@code lastValue}, and whether it was handed out. */
    public record SequenceState(String schema, String name, long lastValue, boolean isCalled) {
        public SequenceState {
            requireNonNull(schema, "schema is null");
            requireNonNull(name, "name is null");
        }
    }

    /**
     * The data file of the table whose store is named {@code storeName}: {@code fileName} in the data directory,
     * holding {@code positions} row positions of generation {@code generation} with {@code columnCount} columns.
     */
    public record TableFileEntry(String storeName, String fileName, long generation, long positions, int columnCount) {
        public TableFileEntry {
            requireNonNull(storeName, "storeName is null");
            requireNonNull(fileName, "fileName is null");
        }
    }
}
