package io.basalt.engine;

import io.basalt.api.CatalogView;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The catalog as the API shows it. */
final class CatalogViewImpl implements CatalogView {
    private final Catalog catalog;

    CatalogViewImpl(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<TableInfo> tables() {
        List<TableInfo> out = new ArrayList<>();
        for (TableEntry table : catalog.tables()) {
            out.add(describe(table));
        }
        return out;
    }

    @Override
    public Optional<TableInfo> table(String name) {
        String[] parts = name.split("\\.", 2);
        String schema = parts.length == 2 ? parts[0] : null;
        String table = parts.length == 2 ? parts[1] : parts[0];
        return catalog.findTable(schema, table).map(CatalogViewImpl::describe);
    }

    private static TableInfo describe(TableEntry table) {
        List<ColumnInfo> columns = new ArrayList<>();
        for (ColumnEntry column : table.columns()) {
            columns.add(new ColumnInfo(column.name(), column.type(), column.notNull(), column.generated()
                    ? "generated always as (" + column.generationText() + ") stored" : column.defaultText()));
        }
        return new TableInfo(table.schema(), table.name(), columns);
    }
}
