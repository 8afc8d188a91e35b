package io.basalt.storage.wal;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * The payloads of log records. Integers are big-endian int32, strings UTF-8.
 *
 * <pre>
 * DDL     the statement's SQL text (the whole payload)
 * APPEND  table name length, table name, then an Arrow IPC stream: one schema message (with the
 *         fields' metadata, so basalt.type survives), one record batch message per batch, and the
 *         end-of-stream marker; no stream at all when the record has no batches
 * DELETE  table name length, table name, row id count, then the row ids as big-endian int64
 * SEQUENCE schema length, schema, name length, name, last value (int64), is_called (one byte, 0 or 1)
 * TRUNCATE the table's name (the whole payload)
 * ATTACH  table name length, table name, file name length, file name, first position (int64), rows (int64)
 * GROUP   record count, then per record: kind byte, payload length, payload (DDL, APPEND, DELETE,
 *         SEQUENCE or TRUNCATE)
 * PART    laid out as GROUP
 * </pre>
 *
 * <p>A single record is written as its own kind; a commit of several records is one GROUP record, so
 * that the checksum makes the whole commit survive or vanish together. A commit too large for one
 * record ({@link CommitParts}) is written as PART records followed by its last part as an ordinary
 * record: log recovery removes PART records that no closing record follows, so the commit still
 * survives or vanishes as a whole.
 */
final class RecordCodec {
    /**
     * The schema message of the columns last appended, so that a run of small commits to one table builds Arrow's
     * schema flatbuffer once rather than per commit (a single entry: a run of commits seldom alternates tables).
     */
    private static volatile SchemaMessage lastSchema;

    /** An APPEND stream's leading schema message for {@code fields}, as serialized at the stream's start. */
    private record SchemaMessage(List<Field> fields, byte[] bytes) {
    }

    private RecordCodec() {
    }

    /** The framed bytes of one log record holding {@code records} (at least one). */
    static ByteBuffer encode(List<WalRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a commit needs at least one record");
        }
        if (records.size() == 1) {
            RecordBuffer out = new RecordBuffer();
            WalRecord record = records.getFirst();
            writePayload(record, out);
            return out.frame(kind(record));
        }
        return encodeGroup(records, WalFormat.KIND_GROUP);
    }

    /** The framed bytes of a PART record holding {@code records} (at least one): a commit's leading piece. */
    static ByteBuffer encodePart(List<WalRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a part needs at least one record");
        }
        return encodeGroup(records, WalFormat.KIND_PART);
    }

    private static ByteBuffer encodeGroup(List<WalRecord> records, byte kind) {
        RecordBuffer out = new RecordBuffer();
        out.writeInt(records.size());
        for (WalRecord record : records) {
            out.write(kind(record));
            int lengthAt = out.position();
            out.writeInt(0);
            writePayload(record, out);
            out.putInt(lengthAt, out.position() - lengthAt - 4);
        }
        return out.frame(kind);
    }

    private static byte kind(WalRecord record) {
        return switch (record) {
            case WalRecord.Ddl ignored -> WalFormat.KIND_DDL;
            case WalRecord.Append ignored -> WalFormat.KIND_APPEND;
            case WalRecord.Delete ignored -> WalFormat.KIND_DELETE;
            case WalRecord.SequenceValue ignored -> WalFormat.KIND_SEQUENCE;
            case WalRecord.Truncate ignored -> WalFormat.KIND_TRUNCATE;
            case WalRecord.AttachRows ignored -> WalFormat.KIND_ATTACH;
        };
    }

    private static void writePayload(WalRecord record, RecordBuffer out) {
        switch (record) {
            case WalRecord.Ddl ddl -> out.writeBytes(ddl.sql().getBytes(UTF_8));
            case WalRecord.Append append -> writeAppend(append, out);
            case WalRecord.Delete delete -> writeDelete(delete, out);
            case WalRecord.SequenceValue sequence -> writeSequence(sequence, out);
            case WalRecord.Truncate truncate -> out.writeBytes(truncate.tableName().getBytes(UTF_8));
            case WalRecord.AttachRows attach -> writeAttach(attach, out);
        }
    }

    private static void writeDelete(WalRecord.Delete delete, RecordBuffer out) {
        byte[] name = delete.tableName().getBytes(UTF_8);
        RecordBuffer.checkSize(8L * delete.rowIds().length + name.length);
        out.writeInt(name.length);
        out.writeBytes(name);
        long[] rowIds = delete.rowIds();
        out.writeInt(rowIds.length);
        for (long rowId : rowIds) {
            out.writeLong(rowId);
        }
    }

    private static void writeAttach(WalRecord.AttachRows attach, RecordBuffer out) {
        byte[] table = attach.tableName().getBytes(UTF_8);
        byte[] file = attach.fileName().getBytes(UTF_8);
        out.writeInt(table.length);
        out.writeBytes(table);
        out.writeInt(file.length);
        out.writeBytes(file);
        out.writeLong(attach.firstPosition());
        out.writeLong(attach.rows());
    }

    private static void writeSequence(WalRecord.SequenceValue sequence, RecordBuffer out) {
        byte[] schema = sequence.schema().getBytes(UTF_8);
        byte[] name = sequence.name().getBytes(UTF_8);
        out.writeInt(schema.length);
        out.writeBytes(schema);
        out.writeInt(name.length);
        out.writeBytes(name);
        out.writeLong(sequence.lastValue());
        out.write(sequence.isCalled() ? 1 : 0);
    }

    private static void writeAppend(WalRecord.Append append, RecordBuffer out) {
        byte[] name = append.tableName().getBytes(UTF_8);
        out.writeInt(name.length);
        out.writeBytes(name);
        List<Batch> batches = append.batches();
        if (batches.isEmpty()) {
            return;
        }
        long estimate = 0;
        for (Batch batch : batches) {
            for (FieldVector column : batch.columns()) {
                estimate += column.getBufferSize();
            }
        }
        RecordBuffer.checkSize(estimate);
        // Arrow's stream format adds a message header per batch and pads buffers to 8 bytes.
        out.reserve(estimate + estimate / 16 + 1024L * batches.size() + 4096);
        List<Field> fields = new ArrayList<>();
        for (FieldVector column : batches.getFirst().columns()) {
            fields.add(column.getField());
        }
        try {
            WriteChannel channel = new WriteChannel(Channels.newChannel(out));
            channel.write(schemaMessage(fields));
            for (Batch batch : batches) {
                checkSameSchema(fields, batch, append.tableName());
                // The root only borrows the batch's vectors and is deliberately not closed.
                VectorSchemaRoot root = new VectorSchemaRoot(fields, batch.columns(), batch.rowCount());
                try (ArrowRecordBatch message = new VectorUnloader(root).getRecordBatch()) {
                    MessageSerializer.serialize(channel, message, IpcOption.DEFAULT);
                }
            }
            ArrowStreamWriter.writeEndOfStream(channel, IpcOption.DEFAULT);
        } catch (IOException e) {
            throw BasaltException.internal("could not serialize rows for the write-ahead log", e);
        }
    }

    /**
     * The bytes {@code MessageSerializer} writes for the schema of {@code fields} at a stream's start (position 0, so
     * its padding is the same wherever the stream goes), from {@link #lastSchema} when the fields are the same.
     */
    static byte[] schemaMessage(List<Field> fields) {
        SchemaMessage cached = lastSchema;
        if (cached != null && cached.fields().equals(fields)) {
            return cached.bytes();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try {
            MessageSerializer.serialize(new WriteChannel(Channels.newChannel(bytes)), new Schema(fields),
                    IpcOption.DEFAULT);
        } catch (IOException e) {
            throw BasaltException.internal("could not serialize rows for the write-ahead log", e);
        }
        SchemaMessage message = new SchemaMessage(List.copyOf(fields), bytes.toByteArray());
        lastSchema = message;
        return message.bytes();
    }

    private static void checkSameSchema(List<Field> fields, Batch batch, String tableName) {
        boolean same = batch.columnCount() == fields.size();
        for (int c = 0; same && c < fields.size(); c++) {
            same = batch.column(c).getField().getFieldType().equals(fields.get(c).getFieldType());
        }
        if (!same) {
            throw new IllegalArgumentException("batches appended to " + tableName
                    + " differ in their columns (count, Arrow type, nullability or metadata)");
        }
    }

    /**
     * The records held by one log record whose checksum has been verified. The vectors of the returned
     * {@link WalRecord.Append}s are allocated from {@code allocator} and belong to the caller, who frees
     * them with {@link #release}.
     *
     * @throws BasaltException DATA_CORRUPTED when the payload does not decode
     */
    static List<WalRecord> decode(byte kind, byte[] payload, int length, BufferAllocator allocator) {
        List<WalRecord> records = new ArrayList<>();
        try {
            if (kind == WalFormat.KIND_GROUP || kind == WalFormat.KIND_PART) {
                ByteBuffer in = ByteBuffer.wrap(payload, 0, length);
                int count = in.getInt();
                for (int i = 0; i < count; i++) {
                    byte innerKind = in.get();
                    int innerLength = in.getInt();
                    if (innerKind == WalFormat.KIND_GROUP || innerKind == WalFormat.KIND_PART || innerLength < 0 || innerLength > in.remaining()) {
                        throw new IOException("malformed group entry " + i);
                    }
                    records.add(decodeSingle(innerKind, payload, in.position(), innerLength, allocator));
                    in.position(in.position() + innerLength);
                }
                if (in.hasRemaining()) {
                    throw new IOException(in.remaining() + " bytes after the last group entry");
                }
            } else {
                records.add(decodeSingle(kind, payload, 0, length, allocator));
            }
            return records;
        } catch (IOException | RuntimeException e) {
            release(records);
            if (e instanceof BasaltException basalt) {
                throw basalt;
            }
            BasaltException error = BasaltException.of(SqlState.DATA_CORRUPTED, "invalid write-ahead log record")
                    .withDetail(String.valueOf(e.getMessage()));
            error.addSuppressed(e);
            throw error;
        }
    }

    private static WalRecord decodeSingle(byte kind, byte[] payload, int offset, int length,
                                          BufferAllocator allocator) throws IOException {
        return switch (kind) {
            case WalFormat.KIND_DDL -> new WalRecord.Ddl(utf8(payload, offset, length));
            case WalFormat.KIND_APPEND -> decodeAppend(payload, offset, length, allocator);
            case WalFormat.KIND_DELETE -> decodeDelete(payload, offset, length);
            case WalFormat.KIND_SEQUENCE -> decodeSequence(payload, offset, length);
            case WalFormat.KIND_TRUNCATE -> new WalRecord.Truncate(utf8(payload, offset, length));
            case WalFormat.KIND_ATTACH -> decodeAttach(payload, offset, length);
            default -> throw new IOException("unknown record kind " + kind);
        };
    }

    private static WalRecord.Delete decodeDelete(byte[] payload, int offset, int length) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(payload, offset, length);
        int nameLength = in.getInt();
        if (nameLength < 0 || nameLength > in.remaining()) {
            throw new IOException("table name length " + nameLength + " exceeds the record");
        }
        String tableName = utf8(payload, in.position(), nameLength);
        in.position(in.position() + nameLength);
        int count = in.getInt();
        if (count < 0 || 8L * count != in.remaining()) {
            throw new IOException("row id count " + count + " does not match the record's length");
        }
        long[] rowIds = new long[count];
        for (int i = 0; i < count; i++) {
            rowIds[i] = in.getLong();
        }
        return new WalRecord.Delete(tableName, rowIds);
    }

    private static WalRecord.Append decodeAppend(byte[] payload, int offset, int length, BufferAllocator allocator)
            throws IOException {
        ByteBuffer in = ByteBuffer.wrap(payload, offset, length);
        int nameLength = in.getInt();
        if (nameLength < 0 || nameLength > in.remaining()) {
            throw new IOException("table name length " + nameLength + " exceeds the record");
        }
        String tableName = utf8(payload, in.position(), nameLength);
        in.position(in.position() + nameLength);
        if (!in.hasRemaining()) {
            return new WalRecord.Append(tableName, List.of());
        }
        List<Batch> batches = new ArrayList<>();
        List<FieldVector> owned = new ArrayList<>();
        try (ArrowStreamReader reader = new ArrowStreamReader(
                new ByteArrayInputStream(payload, in.position(), in.remaining()), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            while (reader.loadNextBatch()) {
                List<FieldVector> columns = new ArrayList<>(root.getFieldVectors().size());
                for (FieldVector loaded : root.getFieldVectors()) {
                    FieldVector column;
                    if (io.basalt.exec.vector.RecordVectors.isRecord(loaded)) {
                        // a struct's transfer makes its children with allocator-only transfers, which drop their
                        // fields' metadata (the logical types): copy records into vectors made from the field
                        column = io.basalt.exec.vector.VectorCopies.copy(loaded, allocator);
                    } else {
                        // With the field: FixedSizeBinaryVector's allocator-only transfer drops the field metadata.
                        TransferPair pair = loaded.getTransferPair(loaded.getField(), allocator);
                        pair.transfer();
                        column = (FieldVector) pair.getTo();
                    }
                    owned.add(column);
                    columns.add(column);
                }
                batches.add(new Batch(columns, root.getRowCount()));
            }
            return new WalRecord.Append(tableName, batches);
        } catch (IOException | RuntimeException e) {
            for (FieldVector vector : owned) {
                vector.close();
            }
            throw e;
        }
    }

    private static WalRecord.AttachRows decodeAttach(byte[] payload, int offset, int length) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(payload, offset, length);
        String table = lengthPrefixedUtf8(payload, in);
        String file = lengthPrefixedUtf8(payload, in);
        if (in.remaining() != 16) {
            throw new IOException("attach record of " + length + " bytes is malformed");
        }
        long firstPosition = in.getLong();
        long rows = in.getLong();
        if (firstPosition < 0 || rows <= 0) {
            throw new IOException("attach record names positions " + firstPosition + " and " + rows + " rows");
        }
        return new WalRecord.AttachRows(table, file, firstPosition, rows);
    }

    private static WalRecord.SequenceValue decodeSequence(byte[] payload, int offset, int length) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(payload, offset, length);
        String schema = lengthPrefixedUtf8(payload, in);
        String name = lengthPrefixedUtf8(payload, in);
        if (in.remaining() != 9) {
            throw new IOException("sequence record of " + length + " bytes is malformed");
        }
        long lastValue = in.getLong();
        byte isCalled = in.get();
        if (isCalled != 0 && isCalled != 1) {
            throw new IOException("sequence record has is_called byte " + isCalled);
        }
        return new WalRecord.SequenceValue(schema, name, lastValue, isCalled == 1);
    }

    private static String lengthPrefixedUtf8(byte[] payload, ByteBuffer in) throws IOException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IOException("name length " + length + " exceeds the record");
        }
        String text = utf8(payload, in.position(), length);
        in.position(in.position() + length);
        return text;
    }

    private static String utf8(byte[] bytes, int offset, int length) throws CharacterCodingException {
        return UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, offset, length)).toString();
    }

    /** Frees the vectors of the {@link WalRecord.Append}s that {@link #decode} returned. */
    static void release(List<WalRecord> records) {
        for (WalRecord record : records) {
            if (record instanceof WalRecord.Append append) {
                for (Batch batch : append.batches()) {
                    for (FieldVector column : batch.columns()) {
                        column.close();
                    }
                }
            }
        }
    }
}
