package io.basalt.storage.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Walks the records of one segment file, after its header, up to a given end, verifying each
 * checksum. It stops at the end or at the first record that is cut short or damaged, and then says
 * where the last good record ended and why it stopped: everything after that point is untrusted, even
 * when good records follow a damaged one.
 *
 * <p>The channel stays the caller's. The payload array is reused from record to record.
 */
final class SegmentReader {
    private final FileChannel channel;
    private final Path path;
    private final long end;
    private final ByteBuffer recordHeader = ByteBuffer.allocate(WalFormat.RECORD_HEADER_BYTES);
    private long position = WalFormat.HEADER_BYTES;
    private byte kind;
    private byte[] payload = new byte[256];
    private int payloadLength;
    private String damage;
    private boolean cutShort;

    /** Reads {@code channel}'s records up to byte {@code end} (the file size, or less). */
    SegmentReader(FileChannel channel, Path path, long end) {
        this.channel = channel;
        this.path = path;
        this.end = end;
    }

    /**
     * Moves to the next record. Returns false at the end of the segment or at the first bad record; then
     * {@link #damage()} tells which.
     *
     * @throws IOException when the file cannot be read
     */
    boolean next() throws IOException {
        if (damage != null || position >= end) {
            return false;
        }
        long remaining = end - position;
        if (remaining < WalFormat.RECORD_HEADER_BYTES) {
            return stop(true, "record header " + where() + " is cut short: wanted "
                    + WalFormat.RECORD_HEADER_BYTES + " bytes, found " + remaining);
        }
        recordHeader.clear();
        readFully(recordHeader, position);
        int length = recordHeader.getInt(0);
        int checksum = recordHeader.getInt(4);
        byte recordKind = recordHeader.get(8);
        if (length < 0 || length > WalFormat.MAX_PAYLOAD_BYTES) {
            return stop(false, "invalid record length " + length + " " + where());
        }
        if (length > remaining - WalFormat.RECORD_HEADER_BYTES) {
            return stop(true, "record " + where() + " is cut short: wanted "
                    + (WalFormat.RECORD_HEADER_BYTES + (long) length) + " bytes, found " + remaining);
        }
        if (payload.length < length) {
            payload = new byte[Math.max(length, (int) Math.min(WalFormat.MAX_PAYLOAD_BYTES, 2L * payload.length))];
        }
        readFully(ByteBuffer.wrap(payload, 0, length), position + WalFormat.RECORD_HEADER_BYTES);
        CRC32C crc = new CRC32C();
        crc.update(recordKind);
        crc.update(payload, 0, length);
        if ((int) crc.getValue() != checksum) {
            return stop(false, "incorrect checksum in record " + where());
        }
        if (!WalFormat.isKnownKind(recordKind)) {
            return stop(false, "invalid record kind " + recordKind + " " + where());
        }
        kind = recordKind;
        payloadLength = length;
        position += WalFormat.RECORD_HEADER_BYTES + length;
        return true;
    }

    private String where() {
        return "at offset " + position + " of \"" + path + "\"";
    }

    private boolean stop(boolean isCutShort, String reason) {
        this.cutShort = isCutShort;
        this.damage = reason;
        return false;
    }

    private void readFully(ByteBuffer target, long at) throws IOException {
        long offset = at;
        while (target.hasRemaining()) {
            int read = channel.read(target, offset);
            if (read < 0) {
                throw new IOException("unexpected end of file at offset " + offset);
            }
            offset += read;
        }
    }

    /** The end of the last good record (the header's end before the first). */
    long position() {
        return position;
    }

    byte kind() {
        return kind;
    }

    /** The current record's payload, in the first {@link #payloadLength()} bytes; overwritten by next(). */
    byte[] payload() {
        return payload;
    }

    int payloadLength() {
        return payloadLength;
    }

    /** Why reading stopped before the end, or null when it reached the end cleanly. */
    String damage() {
        return damage;
    }

    /** Whether the reader stopped at a record cut short by the end of the segment (a torn write). */
    boolean cutShort() {
        return cutShort;
    }
}
