package io.basalt.format.parquet;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * The converter tree parquet-mr's {@code ColumnReadStoreImpl} insists on, shaped like the requested schema.
 * Basalt never pushes values through converters (it pulls them from the column readers), so every converter
 * here ignores what it is given.
 */
final class DiscardingConverter extends GroupConverter {
    private static final PrimitiveConverter PRIMITIVE = new PrimitiveConverter() {
    };

    private final List<Converter> children;

    DiscardingConverter(GroupType group) {
        children = new ArrayList<>(group.getFieldCount());
        for (Type field : group.getFields()) {
            children.add(field.isPrimitive() ? PRIMITIVE : new DiscardingConverter(field.asGroupType()));
        }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
        return children.get(fieldIndex);
    }

    @Override
    public void start() {
    }

    @Override
    public void end() {
    }
}
