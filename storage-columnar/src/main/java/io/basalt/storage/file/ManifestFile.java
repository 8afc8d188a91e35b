package io.basalt.storage.file;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.basalt.storage.wal.FileErrors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The file {@code <dbdir>/manifest} that names the current checkpoint ({@link Manifest}), replaced atomically: the
 * new manifest is written to {@code manifest.tmp}, synced, renamed over the old one, and the directory is synced,
 * so that after a crash the directory holds the old manifest or the new one, whole.
 *
 * <pre>
 * magic            8 bytes  ASCII "BASALTMF"
 * format version   int32    {@value #VERSION} today (checked before the checksum)
 * payload length   int32
 * payload          walSequence int64, nextFileNumber int64, DDL count int32 + UTF strings, sequence count int32 +
 *                  (schema, name, lastValue int64, isCalled boolean), table count int32 + (storeName, fileName,
 *                  generation int64, positions int64, columnCount int32); strings as DataOutput.writeUTF, long DDL
 *                  as int32 length + UTF-8 bytes
 * checksum         int32    CRC32C of everything before it
 * </pre>
 */
public final class ManifestFile {
    public static final String NAME = "manifest";
    static final int VERSION = 1;
    private static final byte[] MAGIC = "BASALTMF".getBytes(US_ASCII);
    private static final String TEMPORARY = NAME + ".tmp";

    private ManifestFile() {
    }

    /**
     * The manifest of {@code dbDirectory}, or empty when it has none (no checkpoint yet). A leftover temporary
     * manifest from a checkpoint cut short is removed.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when it is damaged or of a newer
     *     format version; IO_ERROR when it cannot be read
     */
    public static Optional<Manifest> read(Path dbDirectory) {
        Path path = dbDirectory.resolve(NAME);
        byte[] bytes;
        try {
            Files.deleteIfExists(dbDirectory.resolve(TEMPORARY));
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw FileErrors.failed("could not read file", path, e);
        }
        if (bytes.length < MAGIC.length + 12 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw DataFileFormat.corrupt(path, "The file is not a Basalt manifest.");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int version = in.getInt(MAGIC.length);
        if (version > VERSION) {
            throw DataFileFormat.newerVersion(path, "Manifest", version, VERSION);
        }
        int length = in.getInt(MAGIC.length + 4);
        if (version < 1 || length < 0 || length != bytes.length - MAGIC.length - 12) {
            throw DataFileFormat.corrupt(path, "The manifest's length does not match the file.");
        }
        if (DataFileFormat.checksum(bytes, 0, bytes.length - 4) != in.getInt(bytes.length - 4)) {
            throw DataFileFormat.corrupt(path, "The manifest checksum does not match.");
        }
        try {
            return Optional.of(parse(new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length + 8, length))));
        } catch (IOException | RuntimeException e) {
            throw DataFileFormat.corrupt(path, "The manifest cannot be parsed: " + e.getMessage());
        }
    }

    private static Manifest parse(DataInputStream in) throws IOException {
        long walSequence = in.readLong();
        long nextFileNumber = in.readLong();
        int ddlCount = in.readInt();
        List<String> ddl = new ArrayList<>();
        for (int i = 0; i < ddlCount; i++) {
            byte[] text = new byte[in.readInt()];
            in.readFully(text);
            ddl.add(new String(text, java.nio.charset.StandardCharsets.UTF_8));
        }
        int sequenceCount = in.readInt();
        List<Manifest.SequenceState> sequences = new ArrayList<>();
        for (int i = 0; i < sequenceCount; i++) {
            sequences.add(new Manifest.SequenceState(in.readUTF(), in.readUTF(), in.readLong(), in.readBoolean()));
        }
        int tableCount = in.readInt();
        List<Manifest.TableFileEntry> tables = new ArrayList<>();
        for (int i = 0; i < tableCount; i++) {
            tables.add(new Manifest.TableFileEntry(in.readUTF(), in.readUTF(), in.readLong(), in.readLong(),
                    in.readInt()));
        }
        if (in.read() >= 0) {
            throw new EOFException("bytes after the last table");
        }
        return new Manifest(walSequence, nextFileNumber, ddl, sequences, tables);
    }

    /**
     * Replaces the manifest of {@code dbDirectory} by {@code manifest}, atomically and durably.
     *
     * @throws io.basalt.error.BasaltException IO_ERROR when it cannot be written (the old manifest stays)
     */
    public static void write(Path dbDirectory, Manifest manifest) {
        AtomicFileReplace.replace(dbDirectory, NAME, serialize(manifest));
    }

    /** Makes renames, creations and deletions in {@code directory} durable. */
    static void syncDirectory(Path directory) throws IOException {
        AtomicFileReplace.syncDirectory(directory);
    }

    static byte[] serialize(Manifest manifest) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(payload)) {
            out.writeLong(manifest.walSequence());
            out.writeLong(manifest.nextFileNumber());
            out.writeInt(manifest.ddl().size());
            for (String ddl : manifest.ddl()) {
                byte[] text = ddl.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
            }
            out.writeInt(manifest.sequences().size());
            for (Manifest.SequenceState sequence : manifest.sequences()) {
                out.writeUTF(sequence.schema());
                out.writeUTF(sequence.name());
                out.writeLong(sequence.lastValue());
                out.writeBoolean(sequence.isCalled());
            }
            out.writeInt(manifest.tables().size());
            for (Manifest.TableFileEntry table : manifest.tables()) {
                out.writeUTF(table.storeName());
                out.writeUTF(table.fileName());
                out.writeLong(table.generation());
                out.writeLong(table.positions());
                out.writeInt(table.columnCount());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = payload.toByteArray();
        ByteBuffer file = ByteBuffer.allocate(MAGIC.length + 12 + body.length);
        file.put(MAGIC).putInt(VERSION).putInt(body.length).put(body);
        file.putInt(DataFileFormat.checksum(file.array(), 0, file.position()));
        return file.array();
    }
}
