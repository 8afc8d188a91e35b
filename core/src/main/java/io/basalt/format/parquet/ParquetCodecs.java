package io.basalt.format.parquet;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.DeferredPageBytes;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression for parquet-mr without Hadoop: parquet-mr's own codec factory goes through Hadoop's
 * CompressionCodec classes, so Basalt hands its readers and writers this one instead. It covers the codecs that
 * DuckDB, Spark and Arrow write: uncompressed, Snappy (snappy-java), ZSTD (zstd-jni), GZIP (java.util.zip) and
 * LZ4_RAW (aircompressor's raw LZ4 block). The Hadoop-framed LZ4, LZO and Brotli are refused with 0A000.
 * Stateless apart from the compression level: one instance may serve every thread.
 */
public final class ParquetCodecs implements CompressionCodecFactory {
    /** The ZSTD level DuckDB and parquet-mr use by default. */
    private static final int ZSTD_LEVEL = 3;

    public static final ParquetCodecs INSTANCE = new ParquetCodecs();

    private ParquetCodecs() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        checkSupported(codec);
        return new Compressor(codec);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        checkSupported(codec);
        return new Decompressor(codec);
    }

    @Override
    public void release() {
    }

    static void checkSupported(CompressionCodecName codec) {
        switch (codec) {
            case UNCOMPRESSED, SNAPPY, ZSTD, GZIP, LZ4_RAW -> {
            }
            default -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "Parquet compression " + codec + " is not supported");
        }
    }

    /** Compresses whole pages, which parquet-mr hands over as one BytesInput each. */
    private record Compressor(CompressionCodecName codec) implements BytesInputCompressor {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            byte[] input = bytes.toByteArray();
            return BytesInput.from(switch (codec) {
                case SNAPPY -> Snappy.compress(input);
                case ZSTD -> Zstd.compress(input, ZSTD_LEVEL);
                case GZIP -> gzip(input);
                case LZ4_RAW -> lz4(input);
                default -> throw new IllegalStateException(codec.name());
            });
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {
        }

        private static byte[] gzip(byte[] input) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 2 + 64);
            try (GZIPOutputStream zip = new GZIPOutputStream(out, 1 << 16)) {
                zip.write(input);
            }
            return out.toByteArray();
        }

        private static byte[] lz4(byte[] input) {
            Lz4Compressor compressor = new Lz4Compressor();
            byte[] out = new byte[compressor.maxCompressedLength(input.length)];
            int length = compressor.compress(input, 0, input.length, out, 0, out.length);
            return java.util.Arrays.copyOf(out, length);
        }
    }

    /** Decompresses pages; a page that does not decompress to its recorded size is corrupt (an IOException). */
    private record Decompressor(CompressionCodecName codec) implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            // a heap page (parquet-mr's slice of the chunk it read) is decompressed where it lies, without a copy,
            // and only when its bytes are asked for: Basalt's page decoder decompresses it into an array it reuses
            ByteBuffer buffer = bytes.toByteBuffer();
            if (buffer.hasArray()) {
                return new DeferredPageBytes(buffer.array(), buffer.arrayOffset() + buffer.position(),
                        buffer.remaining(), uncompressedSize, this::inflate);
            }
            byte[] input = bytes.toByteArray();
            return BytesInput.from(decompress(input, 0, input.length, uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            byte[] out = codec == CompressionCodecName.UNCOMPRESSED ? in : decompress(in, 0, in.length, uncompressedSize);
            output.put(out, 0, uncompressedSize);
        }

        @Override
        public void release() {
        }

        private byte[] decompress(byte[] input, int offset, int length, int size) throws IOException {
            return inflate(input, offset, length, size, null);
        }

        /** Decompresses into {@code reuse} when it holds {@code size} bytes, else into a new array. */
        private byte[] inflate(byte[] input, int offset, int length, int size, byte[] reuse) throws IOException {
            try {
                checkSize(input, offset, length, size);
            } catch (RuntimeException | org.xerial.snappy.SnappyError failure) {
                throw new IOException("could not read the size of a " + codec + " page: " + failure.getMessage(), failure);
            }
            byte[] out = reuse != null && reuse.length >= size ? reuse : new byte[size];
            int produced;
            try {
                produced = switch (codec) {
                    case SNAPPY -> Snappy.uncompress(input, offset, length, out, 0);
                    case ZSTD -> (int) Zstd.decompressByteArray(out, 0, size, input, offset, length);
                    case GZIP -> gunzip(input, offset, length, out, size);
                    case LZ4_RAW -> new Lz4Decompressor().decompress(input, offset, length, out, 0, size);
                    default -> throw new IllegalStateException(codec.name());
                };
            } catch (RuntimeException failure) {
                throw new IOException("could not decompress a " + codec + " page: " + failure.getMessage(), failure);
            }
            if (produced != size) {
                throw new IOException("a " + codec + " page decompressed to " + produced + " bytes, not " + size);
            }
            return out;
        }

        /**
         * Refuses a page whose recorded uncompressed size its compressed bytes cannot produce, before the output
         * array is allocated: a corrupt size would otherwise ask for up to 2 GB. Snappy and a ZSTD frame record
         * the size they decompress to, and it must be the page's; GZIP and LZ4 expand at most about 1,032 and 255
         * times.
         */
        private void checkSize(byte[] input, int offset, int length, int size) throws IOException {
            long bound = switch (codec) {
                case SNAPPY -> {
                    int recorded = Snappy.uncompressedLength(input, offset, length);
                    if (recorded != size) {
                        throw new IOException("a SNAPPY page holds " + recorded + " bytes, not " + size);
                    }
                    yield size;
                }
                case ZSTD -> {
                    long recorded = Zstd.getFrameContentSize(input, offset, length);
                    if (recorded >= 0 && Zstd.findFrameCompressedSize(input, offset, length) == length && recorded != size) {
                        throw new IOException("a ZSTD page holds " + recorded + " bytes, not " + size);
                    }
                    yield Integer.MAX_VALUE;
                }
                case GZIP -> 1032L * length + 1024;
                case LZ4_RAW -> 255L * length + 1024;
                default -> Integer.MAX_VALUE;
            };
            if (size < 0 || size > bound) {
                throw new IOException("a " + codec + " page of " + length + " bytes cannot hold " + size + " bytes");
            }
        }

        private static int gunzip(byte[] input, int offset, int length, byte[] out, int size) throws IOException {
            try (InputStream zip = new GZIPInputStream(new ByteArrayInputStream(input, offset, length), 1 << 16)) {
                return zip.readNBytes(out, 0, size);
            }
        }
    }
}
