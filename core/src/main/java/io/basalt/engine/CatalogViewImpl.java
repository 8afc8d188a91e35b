package io.basalt.engine;

import io.basalt.api.CatalogView;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.ForeignKeyEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.catalog.ViewEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The catalog as the API shows it. */
final class CatalogViewImpl implements CatalogView {
    private final Catalog catalog;
    /** Roles and privileges, or null when the view has none to show. */
    private final io.basalt.catalog.privilege.Authorization authorization;

    CatalogViewImpl(Catalog catalog) {
        this(catalog, null);
    }

    CatalogViewImpl(Catalog catalog, io.basalt.catalog.privilege.Authorization authorization) {
        this.catalog = catalog;
        this.authorization = authorization;
    }

    @Override
    public List<RoleInfo> roles() {
        return authorization == null ? List.of() : PrivilegeListings.roles(authorization);
    }

    @Override
    public List<AccessInfo> accessPrivileges() {
        return authorization == null ? List.of() : PrivilegeListings.accessPrivileges(catalog, authorization);
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

    @Override
    public List<String> schemas() {
        return catalog.schemaNames();
    }

    @Override
    public List<TableInfo> views() {
        List<TableInfo> out = new ArrayList<>();
        for (ViewEntry view : catalog.views()) {
            List<ColumnInfo> columns = new ArrayList<>();
            for (int i = 0; i < view.columnNames().size(); i++) {
                columns.add(new ColumnInfo(view.columnNames().get(i), view.columnTypes().get(i), false, null));
            }
            out.add(new TableInfo(view.schema(), view.name(), columns));
        }
        return out;
    }

    @Override
    public List<KeyInfo> uniqueKeys(String schema, String table) {
        List<KeyInfo> out = new ArrayList<>();
        catalog.findTable(schema, table).ifPresent(entry -> {
            for (UniqueConstraintEntry key : entry.uniqueKeys()) {
                out.add(new KeyInfo(key.name(), columnNames(entry, key.columns()), key.primaryKey()));
            }
        });
        return out;
    }

    @Override
    public List<ForeignKeyInfo> foreignKeys(String schema, String table) {
        List<ForeignKeyInfo> out = new ArrayList<>();
        catalog.findTable(schema, table).ifPresent(entry -> {
            for (ForeignKeyEntry key : entry.foreignKeys()) {
                List<String> referenced = catalog.findTable(key.referencedSchema(), key.referencedTable())
                        .map(target -> columnNames(target, key.referencedColumns())).orElse(List.of());
                out.add(new ForeignKeyInfo(key.name(), columnNames(entry, key.columns()), key.referencedSchema(),
                        key.referencedTable(), referenced, key.referencedKey(), key.onUpdate().sql(),
                        key.onDelete().sql()));
            }
        });
        return out;
    }

    private static List<String> columnNames(TableEntry table, List<Integer> indexes) {
        List<String> names = new ArrayList<>();
        for (int index : indexes) {
            names.add(table.columns().get(index).name());
        }
        return names;
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
