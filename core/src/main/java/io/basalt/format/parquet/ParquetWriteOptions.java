package io.basalt.format.parquet;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.Locale;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * How a Parquet file is written: the page compression, the number of rows per row group (as DuckDB's
 * ROW_GROUP_SIZE counts them) and how many threads encode row groups side by side: by default one, the caller's
 * (the system property {@code basalt.parquet.encoder_threads} sets another number; on the shared 2-core machine two
 * encoder threads measured no faster than one). A row group also ends early once its buffered values pass
 * {@link #MAX_ROW_GROUP_BYTES}, so that wide rows do not hold too much in memory.
 */
public record ParquetWriteOptions(CompressionCodecName compression, long rowGroupRows, int encoderThreads) {
    /** DuckDB's default row group size, which is also Basalt's storage row group size. */
    public static final long DEFAULT_ROW_GROUP_ROWS = 122_880;
    static final long MAX_ROW_GROUP_BYTES = 256L << 20;

    public static final ParquetWriteOptions DEFAULTS = new ParquetWriteOptions(CompressionCodecName.SNAPPY,
            DEFAULT_ROW_GROUP_ROWS, Integer.getInteger("basalt.parquet.encoder_threads", 1));

    public ParquetWriteOptions {
        requireNonNull(compression, "compression is null");
        if (rowGroupRows < 1) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "ROW_GROUP_SIZE must be greater than zero");
        }
        ParquetCodecs.checkSupported(compression);
        if (encoderThreads < 1) {
            throw new IllegalArgumentException("encoderThreads must be positive");
        }
    }

    /** The codec a COMPRESSION option names: zstd, snappy, lz4 (LZ4_RAW, as DuckDB writes it), gzip, none. */
    public static CompressionCodecName compression(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "zstd" -> CompressionCodecName.ZSTD;
            case "snappy" -> CompressionCodecName.SNAPPY;
            case "lz4", "lz4_raw" -> CompressionCodecName.LZ4_RAW;
            case "gzip" -> CompressionCodecName.GZIP;
            case "none", "uncompressed" -> CompressionCodecName.UNCOMPRESSED;
            default -> throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "Parquet compression \"" + name + "\" not recognized");
        };
    }

    public ParquetWriteOptions withCompression(CompressionCodecName codec) {
        return new ParquetWriteOptions(codec, rowGroupRows, encoderThreads);
    }

    public ParquetWriteOptions withRowGroupRows(long rows) {
        return new ParquetWriteOptions(compression, rows, encoderThreads);
    }

    /** The same options with row groups encoded on {@code threads} threads (1: on the writer's own thread). */
    public ParquetWriteOptions withEncoderThreads(int threads) {
        return new ParquetWriteOptions(compression, rowGroupRows, threads);
    }
}
