package io.basalt.format.parquet;

import io.basalt.format.parquet.page.ColumnDictionary;
import java.util.Optional;
import java.util.PrimitiveIterator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.schema.PrimitiveType;

/**
 * A row group's pages as parquet-mr's value-at-a-time reader ({@link ParquetColumnDecoder}) gets them, with each
 * dictionary page's entry count checked against the page's bytes first ({@link ColumnDictionary#checkSize}):
 * parquet-mr sizes its dictionary arrays by that count alone, so a damaged count would otherwise allocate gigabytes
 * before the decoding comes up short. The page-at-a-time decoder makes the same check itself.
 */
final class CheckedPageReadStore implements PageReadStore {
    private final PageReadStore pages;

    CheckedPageReadStore(PageReadStore pages) {
        this.pages = pages;
    }

    @Override
    public PageReader getPageReader(ColumnDescriptor column) {
        PageReader reader = pages.getPageReader(column);
        PrimitiveType primitive = column.getPrimitiveType();
        int fixedLength = primitive.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY
                ? primitive.getTypeLength() : -1;
        return new PageReader() {
            @Override
            public DictionaryPage readDictionaryPage() {
                DictionaryPage page = reader.readDictionaryPage();
                if (page != null) {
                    ColumnDictionary.checkSize(page.getDictionarySize(), page.getBytes().size(),
                            primitive.getPrimitiveTypeName(), fixedLength);
                }
                return page;
            }

            @Override
            public long getTotalValueCount() {
                return reader.getTotalValueCount();
            }

            @Override
            public DataPage readPage() {
                return reader.readPage();
            }
        };
    }

    @Override
    public long getRowCount() {
        return pages.getRowCount();
    }

    @Override
    public Optional<Long> getRowIndexOffset() {
        return pages.getRowIndexOffset();
    }

    @Override
    public Optional<PrimitiveIterator.OfLong> getRowIndexes() {
        return pages.getRowIndexes();
    }

    @Override
    public void close() {
        pages.close();
    }
}
