package org.apache.parquet;

import java.util.HashMap;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * Basalt's one class in parquet-mr's package: read options built without Hadoop. parquet-mr's
 * {@link ParquetReadOptions.Builder} always creates a Hadoop codec factory (even when another is supplied
 * afterwards), which loads Hadoop classes Basalt keeps off its class path; the options' constructor, which does
 * not, is package-private. The values are the builder's defaults, with the codec factory given.
 */
public final class HadoopFreeReadOptions {
    private static final int MAX_ALLOCATION_SIZE = 8 << 20;

    private HadoopFreeReadOptions() {
    }

    public static ParquetReadOptions of(CompressionCodecFactory codecs) {
        return of(codecs, new HeapByteBufferAllocator());
    }

    /** The options with {@code allocator} for the buffers column chunks are read into. */
    public static ParquetReadOptions of(CompressionCodecFactory codecs, ByteBufferAllocator allocator) {
        return new ParquetReadOptions(
                false,  // useSignedStringMinMax
                true,   // useStatsFilter
                true,   // useDictionaryFilter
                true,   // useRecordFilter
                true,   // useColumnIndexFilter
                false,  // usePageChecksumVerification
                true,   // useBloomFilter
                false,  // useOffHeapDecryptBuffer
                false,  // useHadoopVectoredIo
                FilterCompat.NOOP,
                ParquetMetadataConverter.NO_FILTER,
                codecs,
                allocator,
                MAX_ALLOCATION_SIZE,
                new HashMap<>(),
                null,
                null,
                new PlainParquetConfiguration());
    }
}
