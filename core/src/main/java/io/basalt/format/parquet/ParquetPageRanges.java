package io.basalt.format.parquet;

import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.storage.column.ChunkStatistics;
import io.basalt.storage.table.ZoneMapFilter;
import io.basalt.type.LogicalType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.PrimitiveIterator;
import org.apache.parquet.filter2.columnindex.RowRanges;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The rows of one row group that a scan's pushed predicates may match, by the page index (the ColumnIndex of
 * each page's min, max and null count, and the OffsetIndex of its first row): every page of a predicate's column
 * is judged as a zone map ({@link ZoneMapFilter}, the same rules as row groups, through
 * {@link ParquetRowGroupStatistics#bound}), the matching pages' rows are kept, and the columns' rows are
 * intersected. A column without a page index, or a predicate on a column the index cannot judge, keeps every row.
 * Stateless.
 */
final class ParquetPageRanges {
    private ParquetPageRanges() {
    }

    /**
     * The rows of {@code block} that may match, or null when the page index excludes no row (read the whole group);
     * an empty range when no row can match. {@code requested} are the chunks the scan reads: they all need an
     * OffsetIndex for parquet-mr to read a group's pages selectively, or null is returned.
     */
    static RowRanges matching(ParquetFileReader reader, MessageType schema, BlockMetaData block,
                              List<ColumnChunkMetaData> requested, List<String> names, List<LogicalType> types,
                              List<ScanPredicate> predicates) throws IOException {
        for (ColumnChunkMetaData chunk : requested) {
            if (chunk.getOffsetIndexReference() == null) {
                return null;
            }
        }
        long rowCount = block.getRowCount();
        RowRanges rows = null;
        for (int column = 0; column < names.size(); column++) {
            RowRanges columnRows = matching(reader, schema, block, column, names, types, predicates);
            if (columnRows != null) {
                rows = rows == null ? columnRows : RowRanges.intersection(rows, columnRows);
            }
        }
        return rows == null || rows.rowCount() == rowCount ? null : rows;
    }

    /** The rows whose pages of source column {@code column} may match its predicates, or null for all. */
    private static RowRanges matching(ParquetFileReader reader, MessageType schema, BlockMetaData block, int column,
                                      List<String> names, List<LogicalType> types, List<ScanPredicate> predicates)
            throws IOException {
        boolean constrained = false;
        for (ScanPredicate predicate : predicates) {
            constrained |= predicate.column() == column;
        }
        String name = names.get(column);
        if (!constrained || !schema.containsField(name)) {
            return null;
        }
        Type field = schema.getType(name);
        if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
            return null;
        }
        ColumnChunkMetaData chunk = ParquetRowGroupStatistics.chunk(block, name);
        if (chunk == null || chunk.getColumnIndexReference() == null || chunk.getOffsetIndexReference() == null) {
            return null;
        }
        ColumnIndex index = reader.readColumnIndex(chunk);
        OffsetIndex offsets = reader.readOffsetIndex(chunk);
        if (index == null || offsets == null || index.getNullCounts() == null
                || index.getNullPages().size() != offsets.getPageCount()) {
            return null;
        }
        PrimitiveType primitive = field.asPrimitiveType();
        LogicalType type = types.get(column);
        long rowCount = block.getRowCount();
        int pageCount = offsets.getPageCount();
        int[] kept = new int[pageCount];
        int keptCount = 0;
        for (int page = 0; page < pageCount; page++) {
            long first = offsets.getFirstRowIndex(page);
            int pageRows = (int) (offsets.getLastRowIndex(page, rowCount) - first + 1);
            int nulls = (int) Math.min(index.getNullCounts().get(page), pageRows);
            ChunkStatistics statistics;
            if (index.getNullPages().get(page)) {
                statistics = ChunkStatistics.counts(pageRows, nulls);
            } else {
                Object min = ParquetRowGroupStatistics.bound(value(index.getMinValues().get(page), primitive),
                        primitive, type);
                Object max = ParquetRowGroupStatistics.bound(value(index.getMaxValues().get(page), primitive),
                        primitive, type);
                statistics = min == null || max == null ? ChunkStatistics.counts(pageRows, nulls)
                        : new ChunkStatistics(pageRows, nulls, min, max);
            }
            if (mayMatch(predicates, column, statistics)) {
                kept[keptCount++] = page;
            }
        }
        if (keptCount == pageCount) {
            return null;
        }
        return org.apache.parquet.internal.filter2.columnindex.RowRanges.create(rowCount,
                pageIterator(kept, keptCount), offsets);
    }

    private static boolean mayMatch(List<ScanPredicate> predicates, int column, ChunkStatistics statistics) {
        for (ScanPredicate predicate : predicates) {
            if (predicate.column() == column && !ZoneMapFilter.mayMatch(predicate, statistics)) {
                return false;
            }
        }
        return true;
    }

    /** A page bound in the form parquet-mr's statistics give it (what {@code bound} converts). */
    private static Object value(ByteBuffer bytes, PrimitiveType primitive) {
        ByteBuffer little = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return switch (primitive.getPrimitiveTypeName()) {
            case INT32 -> little.remaining() >= 4 ? (Object) little.getInt(little.position()) : null;
            case INT64 -> little.remaining() >= 8 ? (Object) little.getLong(little.position()) : null;
            case BINARY, FIXED_LEN_BYTE_ARRAY -> Binary.fromConstantByteBuffer(bytes.duplicate());
            case BOOLEAN, FLOAT, DOUBLE, INT96 -> null;
        };
    }

    private static PrimitiveIterator.OfInt pageIterator(int[] pages, int count) {
        return new PrimitiveIterator.OfInt() {
            private int next;

            @Override
            public int nextInt() {
                return pages[next++];
            }

            @Override
            public boolean hasNext() {
                return next < count;
            }
        };
    }
}
