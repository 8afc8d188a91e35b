package io.basalt.storage.file;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorGather;
import io.basalt.storage.column.EncodedChunk;
import io.basalt.storage.column.shred.JsonbShredder;
import io.basalt.storage.column.shred.JsonbShredding;
import io.basalt.storage.column.shred.ShreddedPath;
import io.basalt.storage.table.TableImage;
import io.basalt.storage.wal.FileErrors;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * Writes one table's checkpointed state ({@link TableImage}) as a table data file ({@link DataFileFormat}): the
 * image's row positions, deleted ones included, are grouped into row groups of {@link #rowGroupRows} rows (whole
 * in-memory chunks), each column of a group encoded as one chunk (a JSONB column's followed by its shredded paths,
 * {@link JsonbShredder}), and the groups' deletion masks go into the footer. The file is synced before {@link #write} returns; it is new (a checkpoint never overwrites a file a
 * manifest names), so a crash while writing leaves only an unreferenced file, which the next open removes.
 */
public final class TableFileWriter {
    private TableFileWriter() {
    }

    /** Rows per row group for tables with {@code chunkRows} rows per in-memory chunk. */
    public static int rowGroupRows(int chunkRows) {
        int chunks = Math.max(1, (DataFileFormat.ROW_GROUP_ROWS + chunkRows - 1) / chunkRows);
        return chunks * chunkRows;
    }

    /**
     * Writes {@code image} to the new file {@code path} and returns its size in bytes.
     *
     * @throws io.basalt.error.BasaltException IO_ERROR when the file cannot be written or synced
     */
    public static long write(Path path, TableImage image, BufferAllocator allocator) {
        return write(path, image, allocator, null);
    }

    /**
     * Writes {@code image} to the new file {@code path}, copying from {@code base} (the file the last checkpoint
     * wrote for the same generation of the same table and columns, or null) the encoded chunks of every row group
     * it holds unchanged: stored rows never change, only their deletion masks, which are written anew. Returns the
     * file's size in bytes.
     *
     * @throws io.basalt.error.BasaltException IO_ERROR when the file cannot be written or synced; DATA_CORRUPTED when
     *     a chunk of {@code base} is damaged
     */
    public static long write(Path path, TableImage image, BufferAllocator allocator, TableFile base) {
        List<TableFile> bases = new ArrayList<>();
        if (base != null) {
            bases.add(base);
        }
        for (io.basalt.storage.table.StoredRowGroups part : image.storedFiles()) {
            if (part instanceof MappedRowGroups mapped) {
                bases.add(mapped.file());
            }
        }
        int chunksPerGroup = rowGroupRows(image.chunkRows()) / image.chunkRows();
        int columns = image.columnTypes().size();
        int chunkCount = image.chunks().size();
        // where the bases' groups start, in chunks: a group written here ends there, so that the next one copies
        java.util.TreeSet<Integer> starts = new java.util.TreeSet<>();
        for (TableFile file : bases) {
            for (int g = 0; g < file.rowGroupCount(); g++) {
                if (file.firstPosition(g) % image.chunkRows() == 0) {
                    starts.add((int) (file.firstPosition(g) / image.chunkRows()));
                }
            }
        }
        List<FileFooter.RowGroup> groups = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long offset = writeFully(channel, header(), 0);
            for (int firstChunk = 0, lastChunk; firstChunk < chunkCount; firstChunk = lastChunk) {
                long position = (long) firstChunk * image.chunkRows();
                TableFile copiedFrom = null;
                int copied = -1;
                lastChunk = -1;
                for (TableFile file : bases) {
                    int group = file.groupStartingAt(position);
                    if (group < 0) {
                        continue;
                    }
                    int groupRows = file.rowCount(group);
                    int end = firstChunk + (groupRows + image.chunkRows() - 1) / image.chunkRows();
                    if (end <= chunkCount && (long) (end - 1) * image.chunkRows() + image.chunkRowCount(end - 1)
                            == position + groupRows && file.columnCount() == columns) {
                        copiedFrom = file;
                        copied = group;
                        lastChunk = end;
                        break;
                    }
                }
                if (copied < 0) {
                    Integer next = starts.higher(firstChunk);
                    lastChunk = Math.min(chunkCount, firstChunk + chunksPerGroup);
                    if (next != null && next < lastChunk) {
                        lastChunk = next;
                    }
                }
                int rows = 0;
                for (int c = firstChunk; c < lastChunk; c++) {
                    rows += image.chunkRowCount(c);
                }
                List<FileFooter.Chunk> chunks = new ArrayList<>(columns);
                List<FileFooter.Shred> shreds = new ArrayList<>();
                TableFile source = copiedFrom;
                for (int column = 0; column < columns; column++) {
                    if (copied >= 0) {
                        MemorySegment encoded = source.encodedChunk(copied, column);
                        int length = (int) encoded.byteSize();
                        chunks.add(new FileFooter.Chunk(offset, length, DataFileFormat.checksum(encoded),
                                source.statistics(copied, column)));
                        offset = writeFully(channel, encoded.asByteBuffer(), offset);
                        offset = copyShreds(channel, source, copied, column, shreds, offset);
                        continue;
                    }
                    EncodedColumn encoded = encodeColumn(image, column, firstChunk, lastChunk, rows, allocator);
                    offset = writeColumn(channel, encoded, column, chunks, shreds, offset);
                }
                groups.add(new FileFooter.RowGroup((long) firstChunk * image.chunkRows(), rows,
                        groupMask(image, firstChunk, lastChunk, rows), List.copyOf(chunks), List.copyOf(shreds)));
            }
            offset = writeFooter(channel, columns, groups, offset);
            channel.force(true);
            return offset;
        } catch (IOException e) {
            throw FileErrors.failed("could not write to file", path, e);
        }
    }

    /** Row groups encoded at once while writing rows ({@link #writeRows}): bounds the encoded bytes in memory. */
    private static final int GROUPS_IN_FLIGHT = 8;

    /**
     * Writes rows {@code [from, from + rows)} of {@code batches} (in order, columns of {@code types}) as positions
     * {@code [firstPosition, firstPosition + rows)} to the new file {@code path}, none deleted: a large insert's rows
     * ({@code io.basalt.storage.table.RowGroupWriter}). Row groups end at multiples of {@link #rowGroupRows} positions,
     * so that the groups a checkpoint writes over the same positions line up with them and copy them. Groups are
     * encoded in parallel (a few at a time, on the common fork-join pool) and written in order; the file is synced
     * before this returns. Returns the file's size in bytes.
     *
     * @throws io.basalt.error.BasaltException IO_ERROR when the file cannot be written or synced
     */
    public static long writeRows(Path path, List<io.basalt.type.LogicalType> types, List<io.basalt.exec.batch.Batch> batches,
                                 long from, long rows, long firstPosition, int chunkRows, BufferAllocator allocator) {
        int groupRows = rowGroupRows(chunkRows);
        List<long[]> spans = new ArrayList<>();
        for (long position = firstPosition; position < firstPosition + rows; ) {
            long end = Math.min(firstPosition + rows, (position / groupRows + 1) * groupRows);
            spans.add(new long[] {position, end - position});
            position = end;
        }
        long[] batchStarts = new long[batches.size() + 1];
        for (int b = 0; b < batches.size(); b++) {
            batchStarts[b + 1] = batchStarts[b] + batches.get(b).rowCount();
        }
        int columns = types.size();
        List<FileFooter.RowGroup> groups = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long offset = writeFully(channel, header(), 0);
            for (int window = 0; window < spans.size(); window += GROUPS_IN_FLIGHT) {
                int windowEnd = Math.min(spans.size(), window + GROUPS_IN_FLIGHT);
                // the pool encodes all groups of the window but the last, which this thread encodes meanwhile
                List<java.util.concurrent.CompletableFuture<List<EncodedColumn>>> encoding = new ArrayList<>();
                for (int g = window; g < windowEnd; g++) {
                    long[] span = spans.get(g);
                    long start = from + (span[0] - firstPosition);
                    java.util.function.Supplier<List<EncodedColumn>> task = () ->
                            encodeRows(types, batches, batchStarts, start, (int) span[1], allocator);
                    encoding.add(g < windowEnd - 1 ? java.util.concurrent.CompletableFuture.supplyAsync(task)
                            : java.util.concurrent.CompletableFuture.completedFuture(task.get()));
                }
                for (int g = window; g < windowEnd; g++) {
                    List<EncodedColumn> encoded;
                    try {
                        encoded = encoding.get(g - window).join();
                    } catch (java.util.concurrent.CompletionException e) {
                        for (java.util.concurrent.CompletableFuture<List<EncodedColumn>> other : encoding) {
                            other.exceptionally(ignored -> null).join();
                        }
                        throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
                    }
                    List<FileFooter.Chunk> chunks = new ArrayList<>(columns);
                    List<FileFooter.Shred> shreds = new ArrayList<>();
                    for (int column = 0; column < columns; column++) {
                        offset = writeColumn(channel, encoded.get(column), column, chunks, shreds, offset);
                    }
                    long[] span = spans.get(g);
                    groups.add(new FileFooter.RowGroup(span[0], (int) span[1], null, List.copyOf(chunks),
                            List.copyOf(shreds)));
                }
            }
            offset = writeFooter(channel, columns, groups, offset);
            channel.force(true);
            return offset;
        } catch (IOException e) {
            throw FileErrors.failed("could not write to file", path, e);
        }
    }

    /** Encodes rows {@code [start, start + rows)} of {@code batches} (batch b starts at {@code batchStarts[b]}), column by column. */
    private static List<EncodedColumn> encodeRows(List<io.basalt.type.LogicalType> types,
                                                  List<io.basalt.exec.batch.Batch> batches, long[] batchStarts,
                                                  long start, int rows, BufferAllocator allocator) {
        int first = java.util.Arrays.binarySearch(batchStarts, start);
        first = first >= 0 ? first : -first - 2;
        List<EncodedColumn> encoded = new ArrayList<>(types.size());
        for (int column = 0; column < types.size(); column++) {
            try (FieldVector group = ValueAccess.allocate(types.get(column), "", allocator, rows)) {
                int at = 0;
                for (int b = first; at < rows; b++) {
                    int offsetInBatch = (int) Math.max(0, start + at - batchStarts[b]);
                    int take = (int) Math.min(rows - at, batchStarts[b + 1] - batchStarts[b] - offsetInBatch);
                    io.basalt.exec.vector.VectorCopies.appendRange(batches.get(b).column(column), offsetInBatch,
                            group, at, take);
                    at += take;
                }
                group.setValueCount(rows);
                encoded.add(encode(group, rows, allocator));
            }
        }
        return encoded;
    }

    /** Writes one encoded column of a row group (and its shredded paths) from {@code offset}; returns the new offset. */
    static long writeColumn(FileChannel channel, EncodedColumn encoded, int column, List<FileFooter.Chunk> chunks,
                                    List<FileFooter.Shred> shreds, long offset) throws IOException {
        byte[] bytes = encoded.chunk().bytes();
        chunks.add(new FileFooter.Chunk(offset, bytes.length, DataFileFormat.checksum(bytes, 0, bytes.length),
                encoded.chunk().statistics()));
        long at = writeFully(channel, ByteBuffer.wrap(bytes), offset);
        for (JsonbShredder.Shred shred : encoded.shreds()) {
            FileFooter.Chunk values = chunkOf(shred.values(), at);
            at = writeFully(channel, ByteBuffer.wrap(shred.values().bytes()), at);
            FileFooter.Chunk others = null;
            if (shred.others() != null) {
                others = chunkOf(shred.others(), at);
                at = writeFully(channel, ByteBuffer.wrap(shred.others().bytes()), at);
            }
            shreds.add(new FileFooter.Shred(column, shred.keys(), shred.kind(), shred.otherRows(), values, others,
                    shred.nullsAreOther()));
        }
        return at;
    }

    /** Writes the footer and the trailer from {@code offset}; returns the file's end. */
    static long writeFooter(FileChannel channel, int columns, List<FileFooter.RowGroup> groups, long offset)
            throws IOException {
        byte[] footer = new FileFooter(columns, groups).serialize();
        long at = writeFully(channel, ByteBuffer.wrap(footer), offset);
        ByteBuffer trailer = ByteBuffer.allocate(DataFileFormat.TRAILER_BYTES);
        trailer.putLong(offset).putInt(footer.length).putInt(DataFileFormat.checksum(footer, 0, footer.length))
                .putInt(DataFileFormat.VERSION).put(DataFileFormat.MAGIC).flip();
        return writeFully(channel, trailer, at);
    }

    private static FileFooter.Chunk chunkOf(EncodedChunk chunk, long offset) {
        byte[] bytes = chunk.bytes();
        return new FileFooter.Chunk(offset, bytes.length, DataFileFormat.checksum(bytes, 0, bytes.length),
                chunk.statistics());
    }

    /** Copies the shredded paths of column {@code column} of row group {@code group} of {@code base}; returns the new offset. */
    private static long copyShreds(FileChannel channel, TableFile base, int group, int column,
                                   List<FileFooter.Shred> shreds, long offset) throws IOException {
        List<ShreddedPath> paths = base.shreddedPaths(group);
        long at = offset;
        for (int index = 0; index < paths.size(); index++) {
            ShreddedPath path = paths.get(index);
            if (path.column() != column) {
                continue;
            }
            MemorySegment valueBytes = base.encodedChunk(group, base.shredValuesChunk(index));
            FileFooter.Chunk values = new FileFooter.Chunk(at, (int) valueBytes.byteSize(),
                    DataFileFormat.checksum(valueBytes), path.statistics());
            at = writeFully(channel, valueBytes.asByteBuffer(), at);
            FileFooter.Chunk others = null;
            if (path.otherRows() > 0) {
                MemorySegment otherBytes = base.encodedChunk(group, base.shredOthersChunk(index));
                others = new FileFooter.Chunk(at, (int) otherBytes.byteSize(), DataFileFormat.checksum(otherBytes),
                        io.basalt.storage.column.ChunkStatistics.counts(path.otherRows(), 0));
                at = writeFully(channel, otherBytes.asByteBuffer(), at);
            }
            shreds.add(new FileFooter.Shred(column, path.keys(), path.kind(), path.otherRows(), values, others,
                    path.nullsAreOther()));
        }
        return at;
    }

    static ByteBuffer header() {
        ByteBuffer header = ByteBuffer.allocate(DataFileFormat.HEADER_BYTES);
        header.put(DataFileFormat.MAGIC).putInt(DataFileFormat.VERSION);
        header.putInt(DataFileFormat.checksum(header.array(), 0, DataFileFormat.HEADER_BYTES - 4));
        return header.flip();
    }

    static long writeFully(FileChannel channel, ByteBuffer bytes, long offset) throws IOException {
        long position = offset;
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
        return position;
    }

    /** A column's chunk of a row group and, for a JSONB column, its shredded paths. */
    record EncodedColumn(EncodedChunk chunk, List<JsonbShredder.Shred> shreds) {
    }

    /**
     * Encodes {@code rows} rows of {@code vector}, shredding a JSONB column when shredding is on: the documents'
     * chunk is then encoded on the common fork-join pool while this thread shreds.
     */
    static EncodedColumn encode(FieldVector vector, int rows, BufferAllocator allocator) {
        if (vector instanceof VarBinaryVector documents
                && io.basalt.type.LogicalType.of(vector.getField()).id() == io.basalt.type.TypeId.JSONB
                && JsonbShredding.enabled()) {
            java.util.concurrent.CompletableFuture<EncodedChunk> chunk = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> DataFileFormat.CODEC.encode(vector, 0, rows));
            List<JsonbShredder.Shred> shreds;
            try {
                shreds = JsonbShredder.shred(documents, rows, DataFileFormat.CODEC, allocator);
            } catch (RuntimeException | Error e) {
                chunk.exceptionally(ignored -> null).join(); // the caller frees the vector the task reads
                throw e;
            }
            try {
                return new EncodedColumn(chunk.join(), shreds);
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        return new EncodedColumn(DataFileFormat.CODEC.encode(vector, 0, rows), List.of());
    }

    /**
     * Encodes column {@code column} of chunks {@code [firstChunk, lastChunk)}: a group of one chunk directly, a
     * longer one after copying its chunks into one vector ({@link #appendChunk}).
     */
    private static EncodedColumn encodeColumn(TableImage image, int column, int firstChunk, int lastChunk, int rows,
                                              BufferAllocator allocator) {
        List<FieldVector> read = new ArrayList<>();
        try {
            if (lastChunk - firstChunk == 1) {
                return encode(image.column(firstChunk, column, allocator, read), rows, allocator);
            }
            try (FieldVector group = ValueAccess.allocate(image.columnTypes().get(column), "", allocator, rows)) {
                int target = 0;
                for (int c = firstChunk; c < lastChunk; c++) {
                    int chunkRows = image.chunkRowCount(c);
                    appendChunk(image.column(c, column, allocator, read), chunkRows, group, target);
                    target += chunkRows;
                    for (FieldVector vector : read) {
                        vector.close();
                    }
                    read.clear();
                }
                group.setValueCount(rows);
                return encode(group, rows, allocator);
            }
        } finally {
            for (FieldVector vector : read) {
                vector.close();
            }
        }
    }

    /**
     * Copies rows {@code [0, rows)} of {@code source} to rows {@code [at, at + rows)} of {@code target} (same type,
     * room for them): fixed-width values and variable-width bytes buffer to buffer, offsets shifted, validity bit by
     * bit; other vectors (booleans, arrays, extension types) value by value through {@link VectorGather#copyValue},
     * which holds every type's copy rules.
     */
    static void appendChunk(FieldVector source, int rows, FieldVector target, int at) {
        if (source instanceof BaseFixedWidthVector fixed && !(source instanceof BitVector)
                && target.getClass() == source.getClass()) {
            long width = fixed.getTypeWidth();
            target.getDataBuffer().setBytes(at * width, source.getDataBuffer(), 0, rows * width);
            copyValidity(source, rows, target, at);
            return;
        }
        if (source instanceof BaseVariableWidthVector variable && target instanceof BaseVariableWidthVector out
                && target.getClass() == source.getClass()) {
            ArrowBuf sourceOffsets = variable.getOffsetBuffer();
            int first = sourceOffsets.getInt(0);
            int bytes = sourceOffsets.getInt((long) rows * 4) - first;
            int base = at == 0 ? 0 : out.getOffsetBuffer().getInt((long) at * 4);
            while (out.getDataBuffer().capacity() < (long) base + bytes) {
                out.reallocDataBuffer();
            }
            while (out.getOffsetBuffer().capacity() < (long) (at + rows + 1) * 4) {
                out.reallocValidityAndOffsetBuffers();
            }
            out.getDataBuffer().setBytes(base, variable.getDataBuffer(), first, bytes);
            ArrowBuf targetOffsets = out.getOffsetBuffer();
            for (int r = 0; r <= rows; r++) {
                targetOffsets.setInt((long) (at + r) * 4, base + sourceOffsets.getInt((long) r * 4) - first);
            }
            copyValidity(source, rows, target, at);
            out.setLastSet(at + rows - 1);
            return;
        }
        for (int row = 0; row < rows; row++) {
            VectorGather.copyValue(source, row, target, at + row);
        }
    }

    private static void copyValidity(FieldVector source, int rows, FieldVector target, int at) {
        ArrowBuf from = source.getValidityBuffer();
        ArrowBuf to = target.getValidityBuffer();
        for (int r = 0; r < rows; r++) {
            BitVectorHelper.setValidityBit(to, at + r, BitVectorHelper.get(from, r));
        }
    }

    /** The deletion mask of a group over its rows, or null when none of them is deleted. */
    private static long[] groupMask(TableImage image, int firstChunk, int lastChunk, int rows) {
        long[] mask = null;
        int base = 0;
        for (int c = firstChunk; c < lastChunk; c++) {
            long[] chunkMask = image.masks().get(c);
            int chunkRows = image.chunkRowCount(c);
            if (chunkMask != null) {
                if (mask == null) {
                    mask = new long[(rows + 63) >>> 6];
                }
                for (int row = 0; row < chunkRows; row++) {
                    if ((chunkMask[row >>> 6] & (1L << row)) != 0) {
                        int at = base + row;
                        mask[at >>> 6] |= 1L << at;
                    }
                }
            }
            base += chunkRows;
        }
        return mask;
    }
}
