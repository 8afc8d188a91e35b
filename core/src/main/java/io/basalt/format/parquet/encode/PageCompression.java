package io.basalt.format.parquet.encode;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Compressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Compresses an encoded page with one of the codecs Basalt writes (the same libraries and levels as
 * {@link io.basalt.format.parquet.ParquetCodecs}, which reads them back): Snappy, ZSTD at level 3, GZIP, LZ4_RAW,
 * or none. One instance belongs to one encoding thread: it keeps a scratch array for the compressed bytes, and
 * returns each page as an array of exactly its compressed size.
 */
public final class PageCompression {
    private static final int ZSTD_LEVEL = 3;

    private final CompressionCodecName codec;
    private byte[] scratch = new byte[64 * 1024];

    public PageCompression(CompressionCodecName codec) {
        this.codec = codec;
    }

    public CompressionCodecName codec() {
        return codec;
    }

    /** The compressed form of {@code input[0 .. length)}. */
    public byte[] compress(byte[] input, int length) {
        try {
            return switch (codec) {
                case UNCOMPRESSED -> Arrays.copyOf(input, length);
                case SNAPPY -> {
                    ensureScratch(Snappy.maxCompressedLength(length));
                    int size = Snappy.compress(input, 0, length, scratch, 0);
                    yield Arrays.copyOf(scratch, size);
                }
                case ZSTD -> {
                    ensureScratch((int) Zstd.compressBound(length));
                    long size = Zstd.compressByteArray(scratch, 0, scratch.length, input, 0, length, ZSTD_LEVEL);
                    if (Zstd.isError(size)) {
                        throw new IllegalStateException("ZSTD compression failed: " + Zstd.getErrorName(size));
                    }
                    yield Arrays.copyOf(scratch, (int) size);
                }
                case LZ4_RAW -> {
                    Lz4Compressor compressor = new Lz4Compressor();
                    ensureScratch(compressor.maxCompressedLength(length));
                    int size = compressor.compress(input, 0, length, scratch, 0, scratch.length);
                    yield Arrays.copyOf(scratch, size);
                }
                case GZIP -> gzip(input, length);
                default -> throw new IllegalStateException("no page compression for " + codec);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensureScratch(int size) {
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, scratch.length * 2)];
        }
    }

    private static byte[] gzip(byte[] input, int length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length / 2 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 1 << 16)) {
            zip.write(input, 0, length);
        }
        return out.toByteArray();
    }
}
