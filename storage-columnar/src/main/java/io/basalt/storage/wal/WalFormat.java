package io.basalt.storage.wal;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The byte layout of the write-ahead log's segment files and the checks made on it. All integers are
 * big-endian.
 *
 * <pre>
 * segment header (24 bytes)
 *   magic           8 bytes   ASCII "BASALTWL"
 *   format version  int32     {@value #VERSION} today
 *   first sequence  int64     sequence number of the segment's first record
 *   header checksum int32     CRC32C of the 20 bytes before it
 * records, back to back, each
 *   payload length  int32     0 .. {@value #MAX_PAYLOAD_BYTES}
 *   checksum        int32     CRC32C of the kind byte and the payload
 *   kind            byte      {@link #KIND_DDL}, {@link #KIND_APPEND}, {@link #KIND_GROUP}, {@link #KIND_DELETE},
 *                             {@link #KIND_SEQUENCE}, {@link #KIND_TRUNCATE}, {@link #KIND_PART}
 *                             or {@link #KIND_ATTACH}
 *   payload         bytes     see {@link RecordCodec}
 * </pre>
 *
 * <p>The version is checked before the header checksum, so that a segment written by a newer Basalt,
 * whose header may be laid out differently, is reported as incompatible rather than as garbage.
 */
final class WalFormat {
    static final int VERSION = 1;
    static final int HEADER_BYTES = 24;
    static final int RECORD_HEADER_BYTES = 9;
    /** The largest payload one record may carry; a length field above it is damage, not a big record. */
    static final int MAX_PAYLOAD_BYTES = 1 << 30;

    static final byte KIND_DDL = 1;
    static final byte KIND_APPEND = 2;
    static final byte KIND_GROUP = 3;
    static final byte KIND_DELETE = 4;
    static final byte KIND_SEQUENCE = 5;
    static final byte KIND_TRUNCATE = 6;
    /** A leading piece of a commit too large for one record: laid out as a GROUP, continued by the next record. */
    static final byte KIND_PART = 7;
    /** {@link WalRecord.AttachRows}. */
    static final byte KIND_ATTACH = 8;

    private static final byte[] MAGIC = "BASALTWL".getBytes(US_ASCII);
    private static final String SEGMENT_PREFIX = "wal-";
    private static final String SEGMENT_SUFFIX = ".log";

    private WalFormat() {
    }

    static boolean isKnownKind(byte kind) {
        return kind == KIND_DDL || kind == KIND_APPEND || kind == KIND_GROUP || kind == KIND_DELETE
                || kind == KIND_SEQUENCE || kind == KIND_TRUNCATE || kind == KIND_PART || kind == KIND_ATTACH;
    }

    /** The header of a segment whose first record will carry {@code firstSequence}. */
    static ByteBuffer header(long firstSequence) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        header.put(MAGIC).putInt(VERSION).putLong(firstSequence);
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, HEADER_BYTES - 4);
        header.putInt((int) crc.getValue());
        return header.flip();
    }

    /**
     * Reads and checks the header of the segment open on {@code channel} and returns its first sequence
     * number.
     *
     * @throws BasaltException DATA_CORRUPTED when the header is not a Basalt WAL header or comes from a
     *     newer format version; IO_ERROR when it cannot be read
     */
    static long readHeader(FileChannel channel, Path path) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        try {
            while (header.hasRemaining()) {
                if (channel.read(header, header.position()) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw FileErrors.failed("could not read file", path, e);
        }
        byte[] bytes = header.array();
        int magicBytes = Math.min(header.position(), MAGIC.length);
        if (!Arrays.equals(bytes, 0, magicBytes, MAGIC, 0, magicBytes)) {
            throw invalidHeader(path, "The file does not start with the write-ahead log magic number.");
        }
        if (header.position() < MAGIC.length + 4) {
            throw invalidHeader(path, "The header is cut short.");
        }
        int version = header.getInt(MAGIC.length);
        if (version > VERSION) {
            throw BasaltException.of(SqlState.DATA_CORRUPTED, "database files are incompatible with server")
                    .withDetail("Write-ahead log segment \"" + path + "\" has format version " + version
                            + ", but this build of Basalt supports up to version " + VERSION + ".")
                    .withHint("Open the database with a newer version of Basalt.");
        }
        if (header.position() < HEADER_BYTES) {
            throw invalidHeader(path, "The header is cut short.");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, HEADER_BYTES - 4);
        if ((int) crc.getValue() != header.getInt(HEADER_BYTES - 4) || version < 1) {
            throw invalidHeader(path, "The header checksum does not match.");
        }
        return header.getLong(MAGIC.length + 4);
    }

    private static BasaltException invalidHeader(Path path, String detail) {
        return BasaltException.of(SqlState.DATA_CORRUPTED,
                "invalid header in write-ahead log segment \"" + path + "\"").withDetail(detail);
    }

    /** The file name of segment {@code number}: {@code wal-000001.log}. */
    static String segmentName(long number) {
        String digits = Long.toString(number);
        return SEGMENT_PREFIX + "0".repeat(Math.max(0, 6 - digits.length())) + digits + SEGMENT_SUFFIX;
    }

    /** The number in a segment's file name, or -1 when the name is not a segment's. */
    static long segmentNumber(String fileName) {
        if (!fileName.startsWith(SEGMENT_PREFIX) || !fileName.endsWith(SEGMENT_SUFFIX)) {
            return -1;
        }
        String digits = fileName.substring(SEGMENT_PREFIX.length(), fileName.length() - SEGMENT_SUFFIX.length());
        if (digits.isEmpty() || digits.length() > 18) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(digits);
    }
}
