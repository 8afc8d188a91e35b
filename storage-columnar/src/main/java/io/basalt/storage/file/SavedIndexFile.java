package io.basalt.storage.file;

import io.basalt.storage.wal.FileErrors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The framing of an index saved beside a table's data file by the checkpoint that wrote it (GIN indexes:
 * {@link InvertedIndexFile}; indexes over expressions: {@link ExpressionIndexFile}), so that opening the database
 * reads the index back instead of computing it from every row again. Such a file is a cache of what the rows
 * determine: when it is missing, damaged, of another format, or written for other rows (another generation or row
 * count), opening ignores it and the store rebuilds its indexes from the rows, as it always could. It is written
 * before the manifest that names its data file, and removed with that file.
 *
 * <pre>
 * magic       4 bytes  one per kind of index
 * version     int32    1
 * generation  int64    the store generation the data file holds
 * positions   int64    the positions the data file holds (the indexes cover exactly these)
 * indexes     ...      as the kind's body writer writes them
 * checksum    int32    CRC32C of everything before it
 * </pre>
 */
final class SavedIndexFile {
    private static final int VERSION = 1;
    private static final System.Logger LOG = System.getLogger(SavedIndexFile.class.getName());

    /** Writes the indexes' part of the file; false when there is nothing to save (no file is written then). */
    interface BodyWriter {
        boolean write(DataOutput out) throws IOException;
    }

    /** Reads the indexes' part of a file whose frame checked out. */
    interface BodyReader {
        void read(DataInput in) throws IOException;
    }

    private SavedIndexFile() {
    }

    /**
     * Writes {@code path} durably with {@code magic}, generation {@code generation} over {@code positions} positions
     * and {@code body}; writes nothing when the body has nothing to save.
     *
     * @throws io.basalt.error.BasaltException IO_ERROR when the file cannot be written
     */
    static void write(Path path, byte[] magic, long generation, long positions, BodyWriter body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(magic);
            out.writeInt(VERSION);
            out.writeLong(generation);
            out.writeLong(positions);
            if (!body.write(out)) {
                return;
            }
            out.flush();
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
            out.flush();
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw FileErrors.failed("could not write file", path, e);
        }
    }

    /**
     * Hands {@code body} the indexes saved in {@code path} when the file has {@code magic} and was written for
     * generation {@code generation} holding {@code positions} positions; a missing or unusable file is passed over (a
     * damaged one with a warning), and so is a body {@code body} cannot read.
     */
    static void offer(Path path, byte[] magic, long generation, long positions, BodyReader body) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException missing) {
            return;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not read " + path + ", rebuilding its indexes: " + e);
            return;
        }
        try {
            if (bytes.length < magic.length + 4 + 8 + 8 + 4 || !Arrays.equals(Arrays.copyOf(bytes, magic.length), magic)) {
                throw new IOException("not an index file");
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length - 4);
            int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
            if (stored != (int) crc.getValue()) {
                throw new IOException("checksum mismatch");
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, magic.length,
                    bytes.length - 4 - magic.length));
            if (in.readInt() != VERSION || in.readLong() != generation || in.readLong() != positions) {
                return; // another format, or written for other rows: rebuilt from the rows
            }
            body.read(in);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring damaged " + path + ", rebuilding its indexes: " + e);
        }
    }
}
