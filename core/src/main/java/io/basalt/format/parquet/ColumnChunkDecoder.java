package io.basalt.format.parquet;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Turns one column chunk of a row group into Arrow vectors of the column's Basalt type, batch by batch: either
 * page at a time ({@link ParquetPageDecoder}, flat columns of the common types) or value at a time through
 * parquet-mr's record-level reader ({@link ParquetColumnDecoder}, everything else).
 */
interface ColumnChunkDecoder {
    /**
     * Decodes the next {@code rows} rows into a new vector from {@code allocator}, which the caller owns.
     * The chunk must hold at least that many rows more.
     */
    FieldVector next(int rows, BufferAllocator allocator);
}
