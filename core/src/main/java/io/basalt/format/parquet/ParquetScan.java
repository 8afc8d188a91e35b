package io.basalt.format.parquet;

import static java.util.Objects.requireNonNull;

import io.basalt.api.ResultColumn;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ParallelScan;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.format.FilePatterns;
import io.basalt.spi.BoundTableFunction;
import io.basalt.spi.TableFunctionCursor;
import io.basalt.storage.column.ChunkStatistics;
import io.basalt.storage.table.ZoneMapFilter;
import io.basalt.type.LogicalType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * One or more Parquet files read as a table: what {@code read_parquet(...)} and {@code COPY ... FROM 'f.parquet'}
 * scan. The columns and their types are the first file's (with the exact Basalt types when Basalt wrote it);
 * the other files must hold columns of those names whose Parquet types read as the same SQL types. The morsels
 * are the files' row groups: a parallel scan hands them to workers one at a time ({@link ParquetScanWorker}),
 * and only the columns a query asks for are read and decoded.
 */
public final class ParquetScan implements ScanSource, BoundTableFunction {
    /** A morsel: row group {@code rowGroup} of file {@code file}. */
    record Morsel(int file, int rowGroup) {
    }

    private final List<ParquetFile> files;
    private final List<String> names;
    private final List<LogicalType> types;
    private final List<Morsel> morsels;
    private final long rowCount;
    private final boolean pageReader;
    /** Whether row groups with pushed predicates decode their filtered columns first ({@link ParquetScanWorker}). */
    private final boolean lateMaterialization;
    /** The pushed predicates, which also narrow the rows read inside a row group by its page index. */
    private final List<ScanPredicate> predicates;

    /**
     * Whether scans decode page at a time ({@link ParquetPageDecoder}) by default; the system property
     * {@code basalt.parquet.recordReader=true} makes them use parquet-mr's value-at-a-time reader throughout, to
     * compare the two.
     */
    private static final boolean PAGE_READER_DEFAULT = !Boolean.getBoolean("basalt.parquet.recordReader");
    /**
     * The system property that turns late materialization on for the scans opened after it is set (off by default:
     * it measured no faster on the selective lineitem query, see docs/parquet.md).
     */
    public static final String LATE_MATERIALIZATION_PROPERTY = "basalt.parquet.lateMaterialization";

    private ParquetScan(List<ParquetFile> files, List<String> names, List<LogicalType> types) {
        this(files, names, types, allMorsels(files), PAGE_READER_DEFAULT,
                Boolean.getBoolean(LATE_MATERIALIZATION_PROPERTY), List.of());
    }

    private ParquetScan(List<ParquetFile> files, List<String> names, List<LogicalType> types, List<Morsel> morsels,
            boolean pageReader, boolean lateMaterialization, List<ScanPredicate> predicates) {
        this.lateMaterialization = lateMaterialization;
        this.predicates = List.copyOf(predicates);
        this.files = List.copyOf(files);
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        this.morsels = List.copyOf(morsels);
        this.pageReader = pageReader;
        long rows = 0;
        for (Morsel morsel : morsels) {
            rows += files.get(morsel.file()).footer().getBlocks().get(morsel.rowGroup()).getRowCount();
        }
        this.rowCount = rows;
    }

    private static List<Morsel> allMorsels(List<ParquetFile> files) {
        List<Morsel> all = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            ParquetFile file = files.get(f);
            for (int g = 0; g < file.footer().getBlocks().size(); g++) {
                all.add(new Morsel(f, g));
            }
        }
        return all;
    }

    /**
     * Opens the files a list of paths and globs names and reads their footers.
     *
     * @throws BasaltException 58P01 for a missing file or a glob that matches none, 22P04 for a file that is not
     *                         Parquet or whose columns do not match the first file's, 0A000 for unsupported types
     */
    public static ParquetScan open(List<String> patterns) {
        requireNonNull(patterns, "patterns is null");
        if (patterns.isEmpty()) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "read_parquet needs at least one file");
        }
        List<ParquetFile> files = new ArrayList<>();
        for (Path path : FilePatterns.expand(patterns)) {
            files.add(ParquetFile.open(path));
        }
        MessageType schema = files.getFirst().footer().getFileMetaData().getSchema();
        List<String> names = new ArrayList<>();
        List<LogicalType> stored = new ArrayList<>();
        for (Type field : schema.getFields()) {
            names.add(field.getName());
            stored.add(ParquetSchemaMapping.logicalType(field));
        }
        List<LogicalType> recorded = ParquetSchemaMapping.decodeTypes(files.getFirst().footer().getFileMetaData()
                .getKeyValueMetaData().get(ParquetSchemaMapping.TYPES_KEY), names.size());
        List<LogicalType> types = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            boolean exact = recorded != null && ParquetSchemaMapping.readableAs(recorded.get(i), stored.get(i));
            types.add(exact ? recorded.get(i) : stored.get(i));
        }
        for (ParquetFile file : files.subList(1, files.size())) {
            checkMatches(file, names, stored);
        }
        return new ParquetScan(files, names, types);
    }

    private static void checkMatches(ParquetFile file, List<String> names, List<LogicalType> stored) {
        MessageType schema = file.footer().getFileMetaData().getSchema();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!schema.containsField(name)) {
                throw BasaltException.of(SqlState.BAD_COPY_FILE_FORMAT, "Parquet file \"" + file.path()
                        + "\" has no column \"" + name + "\"").withHint("All files read together need the first file's columns.");
            }
            LogicalType type = ParquetSchemaMapping.logicalType(schema.getType(name));
            if (!type.equals(stored.get(i))) {
                throw BasaltException.of(SqlState.BAD_COPY_FILE_FORMAT, "column \"" + name + "\" of Parquet file \""
                        + file.path() + "\" is of type " + type.displayName() + ", not "
                        + stored.get(i).displayName() + " as in the first file");
            }
        }
    }

    public List<String> names() {
        return names;
    }

    public long rowCount() {
        return rowCount;
    }

    /**
     * This scan without the row groups whose footer statistics show that no row satisfies all of {@code predicates}
     * ({@link ParquetRowGroupStatistics}), and reading only the pages of the others that the page index does not
     * exclude ({@link ParquetPageRanges}); the filter above the scan still checks every row it reads.
     */
    @Override
    public ParquetScan withPredicates(List<ScanPredicate> predicates) {
        if (predicates.isEmpty()) {
            return this;
        }
        List<Morsel> kept = new ArrayList<>();
        for (Morsel morsel : morsels) {
            ParquetFile file = files.get(morsel.file());
            ChunkStatistics[] statistics = ParquetRowGroupStatistics.of(file.footer().getFileMetaData().getSchema(),
                    file.footer().getBlocks().get(morsel.rowGroup()), names, types);
            if (ZoneMapFilter.mayMatch(predicates, statistics)) {
                kept.add(morsel);
            }
        }
        return new ParquetScan(files, names, types, kept, pageReader, lateMaterialization, predicates);
    }

    /** The number of row groups the scan reads. */
    public int rowGroupCount() {
        return morsels.size();
    }

    /** This scan, decoding with parquet-mr's value-at-a-time reader only (to compare the two readers). */
    public ParquetScan withRecordReader() {
        return new ParquetScan(files, names, types, morsels, false, lateMaterialization, predicates);
    }

    /**
     * This scan with late materialization on or off: whether a row group's columns with pushed predicates are
     * decoded first and the others only for the batches where some row may match ({@link ParquetScanWorker}).
     */
    public ParquetScan withLateMaterialization(boolean on) {
        return new ParquetScan(files, names, types, morsels, pageReader, on, predicates);
    }

    /** The predicates pushed into the scan (empty when none). */
    List<ScanPredicate> predicates() {
        return predicates;
    }

    boolean pageReader() {
        return pageReader;
    }

    boolean lateMaterialization() {
        return lateMaterialization;
    }

    List<ParquetFile> files() {
        return files;
    }

    List<Morsel> morsels() {
        return morsels;
    }

    @Override
    public String name() {
        return "read_parquet";
    }

    @Override
    public List<ResultColumn> columns() {
        List<ResultColumn> columns = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            columns.add(new ResultColumn(names.get(i), types.get(i)));
        }
        return columns;
    }

    @Override
    public List<LogicalType> columnTypes() {
        return types;
    }

    @Override
    public long estimatedRows() {
        return rowCount;
    }

    @Override
    public SourceState open(int[] columns, ExecutionContext context) {
        return new ParquetScanWorker(this, columns.clone(), context, new AtomicInteger());
    }

    @Override
    public ParallelScan openParallel(int[] columns, ExecutionContext context) {
        if (morsels.size() < 2) {
            return null;
        }
        AtomicInteger next = new AtomicInteger();
        int[] chosen = columns.clone();
        return new ParallelScan() {
            @Override
            public SourceState openWorker() {
                return new ParquetScanWorker(ParquetScan.this, chosen, context, next);
            }

            @Override
            public void close() {
            }
        };
    }

    /** The table-function view: every column, batch by batch, as roots of the cursor's own vectors. */
    @Override
    public TableFunctionCursor open(BufferAllocator allocator, int vectorSize) {
        int[] all = new int[names.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        SourceState source = open(all, ExecutionContext.of(allocator, vectorSize));
        return new TableFunctionCursor() {
            private VectorSchemaRoot root;

            @Override
            public VectorSchemaRoot next() {
                Batch batch = source.next();
                if (batch == null) {
                    return null;
                }
                root = new VectorSchemaRoot(new ArrayList<FieldVector>(batch.columns()));
                root.setRowCount(batch.rowCount());
                return root;
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }
}
