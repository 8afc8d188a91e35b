package io.basalt.format.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * The parsed footers of the Parquet files read lately (at most {@code capacity} of them and {@link #BUDGET} bytes of
 * raw footers, the least recently used dropped first), each kept with the footer's raw bytes: a parsed footer is handed out again only when the file at that path
 * ends in exactly the same bytes, so a file rewritten or replaced is parsed afresh whatever its modification time
 * says. Reading a footer's bytes is one small read at the end of the file; parsing them (statistics for every column
 * chunk of every row group) costs more than a selective query's decoding. Shared by all sessions; thread-safe.
 */
final class FooterCache {
    private static final int MAGIC_AND_LENGTH = 8;
    /** Footers longer than this are neither compared nor kept (a parsed footer takes several times its bytes). */
    private static final int LARGEST_FOOTER = 4 << 20;
    /** The raw footer bytes all entries together may hold. */
    static final long BUDGET = 32 << 20;

    private record Entry(byte[] tail, ParquetMetadata footer) {
    }

    private final int capacity;
    private final LinkedHashMap<Path, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    FooterCache(int capacity) {
        this.capacity = capacity;
    }

    /**
     * The file's footer with its length and trailing magic, as raw bytes; null when the file is too short, does not
     * end in the magic or records a footer longer than itself (the full read then reports what is wrong).
     */
    static byte[] tail(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 4 + MAGIC_AND_LENGTH) {
                return null;
            }
            ByteBuffer end = ByteBuffer.allocate(MAGIC_AND_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, end, size - MAGIC_AND_LENGTH);
            int length = end.getInt(0);
            if (end.get(4) != 'P' || end.get(5) != 'A' || end.get(6) != 'R' || end.get(7) != '1' || length < 0
                    || length > LARGEST_FOOTER || length > size - 4 - MAGIC_AND_LENGTH) {
                return null;
            }
            ByteBuffer tail = ByteBuffer.allocate(length + MAGIC_AND_LENGTH);
            readFully(channel, tail, size - MAGIC_AND_LENGTH - length);
            return tail.array();
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        while (into.hasRemaining()) {
            if (channel.read(into, position + into.position()) < 0) {
                throw new IOException("the file ended while its footer was read");
            }
        }
    }

    /** The footer parsed from {@code tail} when {@code path} was read last with exactly these bytes; else null. */
    synchronized ParquetMetadata get(Path path, byte[] tail) {
        Entry entry = entries.get(path);
        return entry != null && Arrays.equals(entry.tail(), tail) ? entry.footer() : null;
    }

    synchronized void put(Path path, byte[] tail, ParquetMetadata footer) {
        Entry replaced = entries.put(path, new Entry(tail, footer));
        bytes += tail.length - (replaced == null ? 0 : replaced.tail().length);
        var eldest = entries.entrySet().iterator();
        while (entries.size() > capacity || bytes > BUDGET) {
            bytes -= eldest.next().getValue().tail().length;
            eldest.remove();
        }
    }

    /** The raw footer bytes held (for tests). */
    synchronized long bytes() {
        return bytes;
    }
}
