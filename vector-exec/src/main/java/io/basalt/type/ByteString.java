package io.basalt.type;

import java.util.Arrays;

/**
 * A bytea value: an immutable byte sequence that is equal, hashed and ordered by content, as PostgreSQL
 * compares bytea (unsigned bytes; on a common prefix the shorter sorts first). A plain {@code byte[]} would
 * compare by identity wherever values meet in hash sets or records (unique keys, constants), so the
 * canonical Java form of a BYTEA is this class instead.
 */
public final class ByteString implements Comparable<ByteString> {
    public static final ByteString EMPTY = new ByteString(new byte[0]);

    private final byte[] bytes;

    private ByteString(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A value holding a copy of {@code bytes}. */
    public static ByteString copyOf(byte[] bytes) {
        return new ByteString(bytes.clone());
    }

    /** A value that takes ownership of {@code bytes}: the caller must not change the array afterwards. */
    public static ByteString wrap(byte[] bytes) {
        return new ByteString(bytes);
    }

    public int length() {
        return bytes.length;
    }

    /** The byte at {@code index} as an unsigned value, 0..255. */
    public int byteAt(int index) {
        return bytes[index] & 0xff;
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    @Override
    public int compareTo(ByteString other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ByteString that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The value in PostgreSQL's hex output format, {@code \x0102}. */
    @Override
    public String toString() {
        return ByteaText.formatHex(this);
    }
}
