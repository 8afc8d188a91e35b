package io.basalt.format.parquet;

import io.basalt.storage.column.ChunkStatistics;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A row group's column-chunk statistics from a Parquet footer, as the zone maps Basalt's own storage keeps
 * ({@link ChunkStatistics}), so that {@link io.basalt.storage.table.ZoneMapFilter} decides which row groups a
 * scan's predicates exclude. Bounds are given only where the file's order is SQL's: integers, dates, microsecond
 * timestamps, decimals, and UTF-8 strings read as text or varchar (parquet-mr already drops string bounds of files
 * written before Parquet ordered them as unsigned bytes). Floating point gets no bounds (writers leave NaN out
 * of them, while SQL orders NaN above every number), nor does anything else; a chunk whose null count the writer
 * left out gets no statistics at all. Unknown is always "may match".
 */
final class ParquetRowGroupStatistics {
    private ParquetRowGroupStatistics() {
    }

    /** Per source column (by {@code names}), the statistics of row group {@code block}, null where unknown. */
    static ChunkStatistics[] of(MessageType schema, BlockMetaData block, List<String> names, List<LogicalType> types) {
        ChunkStatistics[] statistics = new ChunkStatistics[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Type field = schema.containsField(names.get(i)) ? schema.getType(names.get(i)) : null;
            if (field == null || !field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
                continue;
            }
            ColumnChunkMetaData chunk = chunk(block, names.get(i));
            if (chunk != null) {
                statistics[i] = of(chunk, field.asPrimitiveType(), types.get(i), block.getRowCount());
            }
        }
        return statistics;
    }

    static ColumnChunkMetaData chunk(BlockMetaData block, String name) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            String[] path = chunk.getPath().toArray();
            if (path.length == 1 && path[0].equals(name)) {
                return chunk;
            }
        }
        return null;
    }

    private static ChunkStatistics of(ColumnChunkMetaData chunk, PrimitiveType primitive, LogicalType type, long rows) {
        Statistics<?> statistics = chunk.getStatistics();
        if (statistics == null || !statistics.isNumNullsSet() || rows > Integer.MAX_VALUE) {
            return null;
        }
        int nullCount = (int) Math.min(statistics.getNumNulls(), rows);
        if (!statistics.hasNonNullValue()) {
            return nullCount == rows ? ChunkStatistics.counts((int) rows, nullCount) : null;
        }
        Object min = bound(statistics.genericGetMin(), primitive, type);
        Object max = bound(statistics.genericGetMax(), primitive, type);
        if (min == null || max == null) {
            return ChunkStatistics.counts((int) rows, nullCount);
        }
        return new ChunkStatistics((int) rows, nullCount, min, max);
    }

    /** A statistics value in the form the scan's predicates hold for the column's type, or null. */
    static Object bound(Object value, PrimitiveType primitive, LogicalType type) {
        ParquetColumnDecoder.Kind kind = ParquetColumnDecoder.kindOf(type, primitive);
        LogicalTypeAnnotation annotation = primitive.getLogicalTypeAnnotation();
        int scale = annotation instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal
                ? decimal.getScale() : 0;
        return switch (kind) {
            case INT16, INT32, DATE -> value instanceof Integer number ? (Object) number.longValue() : null;
            case INT64 -> value instanceof Long number ? number : null;
            case DECIMAL_INT32 -> value instanceof Integer number ? BigDecimal.valueOf(number, scale) : null;
            case DECIMAL_INT64 -> value instanceof Long number ? BigDecimal.valueOf(number, scale) : null;
            case STRING -> (type.id() == TypeId.TEXT || type.id() == TypeId.VARCHAR) && value instanceof Binary binary
                    ? binary.toStringUsingUTF8() : null;
            default -> {
                if (type.id() == TypeId.NUMERIC && value instanceof Binary binary
                        && primitive.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY
                        && annotation instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
                    byte[] bytes = binary.getBytes();
                    yield bytes.length == 0 ? null : new BigDecimal(new BigInteger(bytes), scale);
                }
                yield null;
            }
        };
    }
}
