package io.basalt.storage.wal;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The bytes of one log record while it is built: room for the record header first, then the payload
 * as {@link RecordCodec} writes it, so that framing the record fills in the header without copying the
 * payload. Not thread-safe; one buffer per record.
 */
final class RecordBuffer extends ByteArrayOutputStream {
    RecordBuffer() {
        super(256);
        count = WalFormat.RECORD_HEADER_BYTES;
    }

    /**
     * Grows the buffer at once to hold {@code more} further bytes, so that a large payload (an append of many
     * batches) is not copied again each time the buffer doubles.
     */
    void reserve(long more) {
        long needed = count + more;
        if (needed > buf.length && needed <= Integer.MAX_VALUE - 16) {
            buf = java.util.Arrays.copyOf(buf, (int) needed);
        }
    }

    void writeInt(int value) {
        write(value >>> 24);
        write(value >>> 16);
        write(value >>> 8);
        write(value);
    }

    void writeLong(long value) {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }

    /** Overwrites four bytes already written, at {@code position} counted from the record's start. */
    void putInt(int position, int value) {
        assert position + 4 <= count;
        buf[position] = (byte) (value >>> 24);
        buf[position + 1] = (byte) (value >>> 16);
        buf[position + 2] = (byte) (value >>> 8);
        buf[position + 3] = (byte) value;
    }

    /** Bytes written so far, counted from the record's start (header included). */
    int position() {
        return count;
    }

    /**
     * Fills in the record header (length, checksum of kind and payload, kind) and returns the whole
     * record ready to be written. The buffer must not be written to afterwards.
     */
    ByteBuffer frame(byte kind) {
        long payloadBytes = (long) count - WalFormat.RECORD_HEADER_BYTES;
        checkSize(payloadBytes);
        buf[WalFormat.RECORD_HEADER_BYTES - 1] = kind;
        CRC32C crc = new CRC32C();
        crc.update(buf, WalFormat.RECORD_HEADER_BYTES - 1, count - WalFormat.RECORD_HEADER_BYTES + 1);
        putInt(0, (int) payloadBytes);
        putInt(4, (int) crc.getValue());
        return ByteBuffer.wrap(buf, 0, count);
    }

    /** Rejects a record whose payload would exceed {@link WalFormat#MAX_PAYLOAD_BYTES}. */
    static void checkSize(long payloadBytes) {
        if (payloadBytes > WalFormat.MAX_PAYLOAD_BYTES) {
            throw BasaltException.of(SqlState.OUT_OF_MEMORY, "write-ahead log record is too large")
                    .withDetail("The statement would write a record of at least " + payloadBytes
                            + " bytes; the limit is " + WalFormat.MAX_PAYLOAD_BYTES + " bytes.");
        }
    }
}
