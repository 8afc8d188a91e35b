package io.basalt.storage.file;

import io.basalt.storage.table.InMemoryTableStore;
import io.basalt.storage.wal.FileErrors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
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
 * The GIN indexes of a table's data file, saved beside it by the checkpoint that wrote it
 * ({@code table-NNNNNN.bdf.gin}) so that opening the database reads them back instead of reading every document
 * again. The file is a cache of what the rows determine: when it is missing, damaged, of another format, or written
 * for other rows (another generation or row count), opening ignores it and the store rebuilds its indexes from the
 * rows, as it always could. It is written before the manifest that names its data file, and removed with that file.
 *
 * <pre>
 * magic       4 bytes  "BGIN"
 * version     int32    1
 * generation  int64    the store generation the data file holds
 * positions   int64    the positions the data file holds (the indexes cover exactly these)
 * indexes     ...      as {@link InMemoryTableStore#writeInvertedPositions} writes them
 * checksum    int32    CRC32C of everything before it
 * </pre>
 */
public final class InvertedIndexFile {
    /** Appended to the data file's name. */
    public static final String SUFFIX = ".gin";
    private static final byte[] MAGIC = {'B', 'G', 'I', 'N'};
    private static final int VERSION = 1;
    private static final System.Logger LOG = System.getLogger(InvertedIndexFile.class.getName());

    private InvertedIndexFile() {
    }

    /** The index file beside data file {@code dataFile}. */
    public static Path of(Path dataFile) {
        return dataFile.resolveSibling(dataFile.getFileName() + SUFFIX);
    }

    /**
     * Saves the GIN indexes of {@code store} over positions {@code [0, positions)} of generation {@code generation}
     * beside {@code dataFile}, durably; writes nothing when the store keeps none covering them (or has moved on to
     * another generation).
     *
     * @throws io.basalt.error.BasaltException IO_ERROR when the file cannot be written
     */
    public static void write(Path dataFile, InMemoryTableStore store, long generation, long positions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path path = of(dataFile);
        try {
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(generation);
            out.writeLong(positions);
            if (!store.writeInvertedPositions(generation, positions, out)) {
                return;
            }
            CRC32C crc = new CRC32C();
            byte[] written = bytes.toByteArray();
            crc.update(written);
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
     * Hands {@code store} the GIN indexes saved beside {@code dataFile} when they were written for generation
     * {@code generation} holding {@code positions} positions ({@link InMemoryTableStore#offerInvertedPositions}); a
     * missing or unusable file is passed over (a damaged one with a warning).
     */
    public static void offer(Path dataFile, InMemoryTableStore store, long generation, long positions) {
        Path path = of(dataFile);
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
            if (bytes.length < MAGIC.length + 4 + 8 + 8 + 4
                    || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
                throw new IOException("not an index file");
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length - 4);
            int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
            if (stored != (int) crc.getValue()) {
                throw new IOException("checksum mismatch");
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length,
                    bytes.length - 4 - MAGIC.length));
            if (in.readInt() != VERSION || in.readLong() != generation || in.readLong() != positions) {
                return; // another format, or written for other rows: rebuilt from the rows
            }
            store.offerInvertedPositions(generation, in);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring damaged " + path + ", rebuilding its indexes: " + e);
        }
    }
}
