package org.apache.parquet.bytes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Basalt's one class in parquet-mr's bytes package: a compressed page that is decompressed only when its bytes are
 * asked for, so that Basalt's page decoder can decompress it into an array it reuses from page to page
 * ({@link #inflateInto}) instead of a new array per page; any other reader of the page (parquet-mr's value readers,
 * dictionary pages) gets the bytes decompressed once into an array of their own. It lives in this package because
 * {@link BytesInput}'s {@code writeInto} is package-private.
 */
public final class DeferredPageBytes extends BytesInput {
    /** Decompresses {@code [offset, offset + length)} of {@code input} into exactly {@code size} bytes. */
    @FunctionalInterface
    public interface Inflater {
        /**
         * Decompresses into {@code reuse} when it holds {@code size} bytes, else into a new array of {@code size};
         * returns the array written. A size the input cannot produce fails before anything is allocated.
         */
        byte[] inflate(byte[] input, int offset, int length, int size, byte[] reuse) throws IOException;
    }

    private final byte[] input;
    private final int offset;
    private final int length;
    private final int size;
    private final Inflater inflater;
    private byte[] whole;

    public DeferredPageBytes(byte[] input, int offset, int length, int size, Inflater inflater) {
        this.input = input;
        this.offset = offset;
        this.length = length;
        this.size = size;
        this.inflater = inflater;
    }

    /**
     * The page's bytes, decompressed into {@code reuse} when it is large enough (else into a new array): the first
     * {@link #size()} bytes of the array returned.
     */
    public byte[] inflateInto(byte[] reuse) throws IOException {
        return whole != null ? whole : inflater.inflate(input, offset, length, size, reuse);
    }

    private byte[] whole() throws IOException {
        if (whole == null) {
            whole = inflater.inflate(input, offset, length, size, null);
        }
        return whole;
    }

    @Override
    public void writeAllTo(OutputStream out) throws IOException {
        out.write(whole(), 0, size);
    }

    @Override
    void writeInto(ByteBuffer buffer) {
        try {
            buffer.put(whole(), 0, size);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Override
    public byte[] toByteArray() throws IOException {
        return whole();
    }

    @Override
    public ByteBuffer toByteBuffer() throws IOException {
        return ByteBuffer.wrap(whole(), 0, size);
    }

    @Override
    public long size() {
        return size;
    }
}
