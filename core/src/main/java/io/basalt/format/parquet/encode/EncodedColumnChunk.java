package io.basalt.format.parquet.encode;

import java.io.IOException;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * A column chunk encoded and compressed, waiting for its turn in the file: an optional dictionary page and the
 * data pages (v1) with their statistics and row counts. {@link #writeTo} hands them to parquet-mr's file writer,
 * which writes the page headers, sums the chunk's statistics and builds the page index (ColumnIndex from each
 * page's statistics, OffsetIndex from its position and row count) for the footer. Immutable.
 */
public record EncodedColumnChunk(ColumnDescriptor column, CompressionCodecName codec, long levelCount,
                                 DictionaryPageBytes dictionary, List<DataPageBytes> pages) {

    /** A compressed PLAIN dictionary page of {@code entries} values. */
    public record DictionaryPageBytes(byte[] compressed, int uncompressedSize, int entries) {
    }

    /** A compressed v1 data page: {@code levels} level entries covering {@code rows} rows. */
    public record DataPageBytes(byte[] compressed, int uncompressedSize, int levels, int rows,
                                Statistics<?> statistics, Encoding valueEncoding) {
    }

    /** Appends the chunk to the row group {@code file} has started. */
    public void writeTo(ParquetFileWriter file) throws IOException {
        file.startColumn(column, levelCount, codec);
        if (dictionary != null) {
            file.writeDictionaryPage(new DictionaryPage(BytesInput.from(dictionary.compressed()),
                    dictionary.uncompressedSize(), dictionary.entries(), Encoding.PLAIN_DICTIONARY));
        }
        for (DataPageBytes page : pages) {
            file.writeDataPage(page.levels(), page.uncompressedSize(), BytesInput.from(page.compressed()),
                    page.statistics(), page.rows(), Encoding.RLE, Encoding.RLE, page.valueEncoding());
        }
        file.endColumn();
    }
}
