package io.basalt.storage.file;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorCopies;
import io.basalt.storage.table.RowGroupWriter;
import io.basalt.storage.wal.FileErrors;
import io.basalt.type.LogicalType;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * A large insert's data file written while its statement still produces the rows ({@link RowGroupWriter.Stream}):
 * each group's rows are copied into one vector per column at once (so the caller frees its batches), encoded on the
 * common fork-join pool with at most {@link #GROUPS_IN_FLIGHT} groups under way, and written in order. The encoded
 * bytes carry no position: the footer, written last ({@link #finish}), places the groups, so where the rows go is
 * decided only when the statement ends. Until the footer and the sync the file is an unnamed leftover that opening
 * the database removes ({@link RowGroupFiles#removeAllBut}).
 */
final class StreamedRowGroupFile implements RowGroupWriter.Stream {
    /** Groups copied and not yet written: bounds the rows and encoded bytes held while the statement runs. */
    private static final int GROUPS_IN_FLIGHT = 4;

    private final RowGroupFiles files;
    private final Path path;
    private final String name;
    private final List<LogicalType> types;
    private final BufferAllocator allocator;
    private final FileChannel channel;
    private final ArrayDeque<CompletableFuture<List<TableFileWriter.EncodedColumn>>> encoding = new ArrayDeque<>();
    private final ArrayDeque<Integer> encodingRows = new ArrayDeque<>();
    /** The groups written, their positions counted from the file's first row. */
    private final List<FileFooter.RowGroup> groups = new ArrayList<>();
    private long offset;
    private long rows;
    private long writtenRows;
    private boolean ended;

    StreamedRowGroupFile(RowGroupFiles files, Path path, List<LogicalType> types, BufferAllocator allocator) {
        this.files = files;
        this.path = path;
        this.name = path.getFileName().toString();
        this.types = List.copyOf(types);
        this.allocator = allocator;
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw FileErrors.failed("could not create file", path, e);
        }
        try {
            offset = TableFileWriter.writeFully(channel, TableFileWriter.header(), 0);
        } catch (IOException e) {
            abort();
            throw FileErrors.failed("could not write to file", path, e);
        }
    }

    @Override
    public void add(List<Batch> batches, long from, int count) {
        checkOpen();
        List<FieldVector> group = new ArrayList<>(types.size());
        try {
            for (int column = 0; column < types.size(); column++) {
                FieldVector vector = ValueAccess.allocate(types.get(column), "", allocator, count);
                group.add(vector);
                int at = 0;
                long start = 0;
                for (int b = 0; b < batches.size() && at < count; b++) {
                    Batch batch = batches.get(b);
                    long end = start + batch.rowCount();
                    if (end > from + at) {
                        int offsetInBatch = (int) (from + at - start);
                        int take = (int) Math.min(count - at, batch.rowCount() - offsetInBatch);
                        VectorCopies.appendRange(batch.column(column), offsetInBatch, vector, at, take);
                        at += take;
                    }
                    start = end;
                }
                if (at != count) {
                    throw new IllegalArgumentException("only " + at + " of " + count + " rows from " + from);
                }
                vector.setValueCount(count);
            }
        } catch (RuntimeException | Error failure) {
            group.forEach(FieldVector::close);
            abort();
            throw failure;
        }
        // the task owns the group's vectors from here on and frees them
        encoding.add(CompletableFuture.supplyAsync(() -> encode(group, count)));
        encodingRows.add(count);
        rows += count;
        while (encoding.size() > GROUPS_IN_FLIGHT) {
            writeOldest();
        }
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public RowGroupWriter.Written finish(long firstPosition, long generation) {
        checkOpen();
        while (!encoding.isEmpty()) {
            writeOldest();
        }
        List<FileFooter.RowGroup> placed = new ArrayList<>(groups.size());
        for (FileFooter.RowGroup group : groups) {
            placed.add(new FileFooter.RowGroup(firstPosition + group.firstPosition(), group.rowCount(), null,
                    group.chunks(), group.shreds()));
        }
        try {
            TableFileWriter.writeFooter(channel, types.size(), placed, offset);
            channel.force(true);
            channel.close();
            ended = true;
            files.syncDirectory();
            return new RowGroupWriter.Written(name, generation, firstPosition, rows, files.open(name, types));
        } catch (IOException e) {
            abort();
            throw FileErrors.failed("could not write to file", path, e);
        } catch (RuntimeException | Error failure) {
            abort();
            throw failure;
        }
    }

    @Override
    public void abort() {
        while (!encoding.isEmpty()) {
            encodingRows.poll();
            encoding.poll().exceptionally(ignored -> null).join(); // the task frees its vectors either way
        }
        ended = true;
        try {
            channel.close();
        } catch (IOException | RuntimeException ignored) {
            // the file is removed next; a close that failed leaves nothing to keep
        }
        RowGroupFiles.deleteQuietly(path);
    }

    private void checkOpen() {
        if (ended) {
            throw new IllegalStateException("file " + name + " was finished or aborted");
        }
    }

    /** Waits for the oldest group's encoding and appends it to the file. */
    private void writeOldest() {
        int count = encodingRows.poll();
        List<TableFileWriter.EncodedColumn> encoded;
        try {
            encoded = encoding.poll().join();
        } catch (CompletionException e) {
            abort();
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        try {
            List<FileFooter.Chunk> chunks = new ArrayList<>(types.size());
            List<FileFooter.Shred> shreds = new ArrayList<>();
            for (int column = 0; column < types.size(); column++) {
                offset = TableFileWriter.writeColumn(channel, encoded.get(column), column, chunks, shreds, offset);
            }
            groups.add(new FileFooter.RowGroup(writtenRows, count, null, List.copyOf(chunks), List.copyOf(shreds)));
            writtenRows += count;
        } catch (IOException e) {
            abort();
            throw FileErrors.failed("could not write to file", path, e);
        }
    }

    private List<TableFileWriter.EncodedColumn> encode(List<FieldVector> group, int count) {
        try {
            List<TableFileWriter.EncodedColumn> encoded = new ArrayList<>(group.size());
            for (FieldVector vector : group) {
                encoded.add(TableFileWriter.encode(vector, count, allocator));
            }
            return encoded;
        } finally {
            group.forEach(FieldVector::close);
        }
    }
}
