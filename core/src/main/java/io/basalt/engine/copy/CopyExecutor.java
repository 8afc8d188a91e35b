package io.basalt.engine.copy;

import static java.util.Objects.requireNonNull;

import io.basalt.api.CopyStreams;
import io.basalt.binder.BindContext;
import io.basalt.binder.BoundQuery;
import io.basalt.binder.CopyBinder;
import io.basalt.binder.CopyWhereConditions;
import io.basalt.binder.QueryBinder;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.pipeline.ResultCollector;
import io.basalt.format.parquet.ParquetBatchWriter;
import io.basalt.format.parquet.ParquetScan;
import io.basalt.format.parquet.ParquetWriteOptions;
import io.basalt.format.parquet.ParquetWriteSink;
import java.nio.file.Path;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.CopyStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs COPY. COPY FROM reads a file or the client's stream through a {@link RecordReader} for the format and
 * inserts the rows with the plan INSERT uses ({@link CopyBinder}), so that the rows are checked, logged and
 * appended all at once or not at all. COPY TO runs a scan of the table (or the query) and writes the rows in
 * the format with a {@link CopyRowWriter}. Both return the number of rows, for the command tag {@code COPY n}.
 * The Parquet format goes through {@code io.basalt.format.parquet}: COPY FROM scans the file ({@link ParquetScan})
 * into the same insert plan, converting its columns by position to the table's types; COPY TO streams the rows
 * into a {@link ParquetWriteSink}.
 */
public final class CopyExecutor {
    /** Runs a bound plan to its end, sending its rows to {@code collector}. */
    public interface PlanRunner {
        void run(LogicalPlan plan, SinkState sink);
    }

    private final BindContext context;
    private final Supplier<BufferAllocator> resultAllocators;
    private final PlanRunner runner;

    public CopyExecutor(BindContext context, Supplier<BufferAllocator> resultAllocators, PlanRunner runner) {
        this.context = requireNonNull(context, "context is null");
        this.resultAllocators = requireNonNull(resultAllocators, "resultAllocators is null");
        this.runner = requireNonNull(runner, "runner is null");
    }

    /** Runs {@code copy}; returns the number of rows read or written. */
    public long copy(CopyStatement copy, CopyStreams streams) {
        if (copy.program()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "COPY ... PROGRAM is not supported");
        }
        return copy.from() ? copyFrom(copy, streams) : copyTo(copy, streams);
    }

    // ---- COPY FROM --------------------------------------------------------------------------------

    private long copyFrom(CopyStatement copy, CopyStreams streams) {
        TableEntry table = resolve(copy.table());
        CopyOptions options = CopyOptions.of(copy.options(), true, copy.fileName());
        int[] targets = targetColumns(table, copy.columns());
        BoundExpression where = copy.where() == null ? null
                : CopyWhereConditions.bind(copy.where(), table.name(), table.columns(), context);
        if (options.format() == CopyFormat.PARQUET) {
            return copyFromParquet(copy, table, targets, where);
        }
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (int target : targets) {
            names.add(table.columns().get(target).name());
            types.add(table.columns().get(target).type());
        }
        boolean[] forceNotNull = flags(options.forceNotNull(), "FORCE_NOT_NULL", table, names);
        boolean[] forceNull = flags(options.forceNull(), "FORCE_NULL", table, names);
        InputStream input = copy.fileName() == null ? streams.input() : CopyFiles.openForReading(copy.fileName());
        try (input) {
            LineReader lines = options.format() == CopyFormat.CSV
                    ? new LineReader(input, options.quote(), options.escape()) : new LineReader(input);
            RecordReader reader = options.format() == CopyFormat.CSV
                    ? new CsvRecordReader(lines, options, table.name(), names, forceNotNull, forceNull)
                    : new TextRecordReader(lines, options, table.name(), names);
            CopyFromSource source = new CopyFromSource(table.name(), names, types, reader);
            return insertedRows(CopyBinder.bindFilteredInsert(context, table, targets, source, false, where));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            throw BasaltException.of(SqlState.IO_ERROR, "could not read COPY data: " + e.getCause().getMessage());
        }
    }

    /** Reads a Parquet file's columns, by position, into the target columns. */
    private long copyFromParquet(CopyStatement copy, TableEntry table, int[] targets, BoundExpression where) {
        if (copy.fileName() == null) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "COPY FROM STDIN is not supported in PARQUET mode");
        }
        ParquetScan scan = ParquetScan.open(List.of(copy.fileName()));
        if (scan.names().size() != targets.length) {
            throw BasaltException.of(SqlState.BAD_COPY_FILE_FORMAT, "Parquet file \"" + copy.fileName() + "\" has "
                    + scan.names().size() + " columns, but COPY expects " + targets.length);
        }
        return insertedRows(CopyBinder.bindFilteredInsert(context, table, targets, scan, true, where));
    }

    /** Runs the insert plan; its single output row is the number of rows inserted. */
    private long insertedRows(LogicalPlan plan) {
        try (BufferAllocator allocator = resultAllocators.get();
             ResultCollector collector = new ResultCollector(List.of("count"), List.of(LogicalType.BIGINT),
                     allocator)) {
            runner.run(plan, collector);
            long inserted = 0;
            for (VectorSchemaRoot root : collector.takeBatches()) {
                try (root) {
                    inserted += ((org.apache.arrow.vector.BigIntVector) root.getVector(0)).get(0);
                }
            }
            return inserted;
        }
    }

    // ---- COPY TO ----------------------------------------------------------------------------------

    private long copyTo(CopyStatement copy, CopyStreams streams) {
        LogicalPlan plan;
        List<String> names;
        String relation;
        if (copy.table() != null) {
            TableEntry table = resolve(copy.table());
            int[] columns = targetColumns(table, copy.columns());
            names = new ArrayList<>();
            List<LogicalType> types = new ArrayList<>();
            for (int column : columns) {
                names.add(table.columns().get(column).name());
                types.add(table.columns().get(column).type());
            }
            plan = new LogicalPlan.Scan(table.store(), columns, types);
            relation = table.name();
        } else {
            BoundQuery bound = new QueryBinder(context).bind(copy.query());
            plan = bound.plan();
            names = bound.names();
            relation = null;
        }
        CopyOptions options = CopyOptions.of(copy.options(), false, copy.fileName());
        if (options.format() == CopyFormat.PARQUET) {
            return copyToParquet(copy, plan, names, options);
        }
        boolean[] forceQuote = new boolean[names.size()];
        if (options.forceQuoteAll()) {
            java.util.Arrays.fill(forceQuote, true);
        } else {
            for (String name : options.forceQuote()) {
                int index = names.indexOf(name);
                if (index < 0) {
                    throw BasaltException.of(SqlState.UNDEFINED_COLUMN, relation == null
                            ? "column \"" + name + "\" does not exist"
                            : "column \"" + name + "\" of relation \"" + relation + "\" does not exist");
                }
                forceQuote[index] = true;
            }
        }
        if (copy.fileName() != null) {
            CopyFiles.checkWritable(copy.fileName());
        }
        List<LogicalType> types = new ArrayList<>();
        for (LogicalType type : plan.outputTypes()) {
            types.add(type.id() == TypeId.UNKNOWN ? LogicalType.TEXT : type);
        }
        try (BufferAllocator allocator = resultAllocators.get();
             ResultCollector collector = new ResultCollector(names, types, allocator)) {
            runner.run(plan, collector);
            List<VectorSchemaRoot> batches = collector.takeBatches();
            try {
                return write(batches, names, options, forceQuote, copy.fileName(), streams);
            } finally {
                for (VectorSchemaRoot root : batches) {
                    root.close();
                }
            }
        }
    }

    /** Streams the plan's rows into a Parquet file; a failure leaves no file behind. */
    private long copyToParquet(CopyStatement copy, LogicalPlan plan, List<String> names, CopyOptions options) {
        if (copy.fileName() == null) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "COPY TO STDOUT is not supported in PARQUET mode");
        }
        CopyFiles.checkWritable(copy.fileName());
        ParquetWriteOptions parquet = ParquetWriteOptions.DEFAULTS;
        if (options.compression() != null) {
            parquet = parquet.withCompression(ParquetWriteOptions.compression(options.compression()));
        }
        if (options.rowGroupSize() > 0) {
            parquet = parquet.withRowGroupRows(options.rowGroupSize());
        }
        List<LogicalType> types = new ArrayList<>();
        for (LogicalType type : plan.outputTypes()) {
            types.add(type.id() == TypeId.UNKNOWN ? LogicalType.TEXT : type);
        }
        try (ParquetWriteSink sink = new ParquetWriteSink(ParquetBatchWriter.create(Path.of(copy.fileName()), names,
                types, parquet))) {
            runner.run(plan, sink);
            return sink.rowCount();
        }
    }

    private static long write(List<VectorSchemaRoot> batches, List<String> names, CopyOptions options,
                              boolean[] forceQuote, String fileName, CopyStreams streams) {
        OutputStream stream = fileName == null ? streams.output() : CopyFiles.openForWriting(fileName);
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            CopyRowWriter rows = new CopyRowWriter(options, writer, forceQuote);
            if (options.header()) {
                rows.writeHeader(names);
            }
            long written = 0;
            for (VectorSchemaRoot root : batches) {
                List<FieldVector> columns = root.getFieldVectors();
                rows.writeRows(columns, root.getRowCount());
                written += root.getRowCount();
            }
            writer.flush();
            if (fileName != null) {
                writer.close();
            }
            return written;
        } catch (IOException e) {
            throw BasaltException.of(SqlState.IO_ERROR, "could not write COPY data: " + e.getMessage());
        }
    }

    // ---- shared -----------------------------------------------------------------------------------

    private TableEntry resolve(QualifiedName name) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        // No position: PostgreSQL opens COPY's table outside the parser, so its error has none.
        return context.catalog().findTable(schema, name.last()).orElseThrow(() -> BasaltException.of(
                SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist"));
    }

    /**
     * The table's column indices COPY names, or all of them but the generated ones (which COPY never reads or writes);
     * PostgreSQL's errors for unknown, repeated or generated names.
     */
    private static int[] targetColumns(TableEntry table, List<String> columns) {
        if (columns.isEmpty()) {
            int[] all = new int[table.columns().size()];
            int count = 0;
            for (int i = 0; i < all.length; i++) {
                if (!table.columns().get(i).generated()) {
                    all[count++] = i;
                }
            }
            return java.util.Arrays.copyOf(all, count);
        }
        int[] targets = new int[columns.size()];
        for (int i = 0; i < targets.length; i++) {
            String name = columns.get(i);
            int index = table.columnIndex(name);
            if (index < 0) {
                throw BasaltException.of(SqlState.UNDEFINED_COLUMN,
                        "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist");
            }
            if (table.columns().get(index).generated()) {
                throw BasaltException.of(SqlState.INVALID_COLUMN_REFERENCE, "column \"" + name + "\" is a generated column")
                        .withDetail("Generated columns cannot be used in COPY.");
            }
            for (int j = 0; j < i; j++) {
                if (targets[j] == index) {
                    throw BasaltException.of(SqlState.DUPLICATE_COLUMN, "column \"" + name + "\" specified more than once");
                }
            }
            targets[i] = index;
        }
        return targets;
    }

    /** Per target column, whether a FORCE_NOT_NULL / FORCE_NULL list names it; its names must be target columns. */
    private static boolean[] flags(List<String> listed, String option, TableEntry table, List<String> targetNames) {
        boolean[] flags = new boolean[targetNames.size()];
        for (String name : listed) {
            if (table.columnIndex(name) < 0) {
                throw BasaltException.of(SqlState.UNDEFINED_COLUMN,
                        "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist");
            }
            int index = targetNames.indexOf(name);
            if (index < 0) {
                throw BasaltException.of(SqlState.INVALID_COLUMN_REFERENCE,
                        option + " column \"" + name + "\" not referenced by COPY");
            }
            flags[index] = true;
        }
        return flags;
    }
}
