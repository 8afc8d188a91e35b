package io.basalt.rule;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * The table or view a rule (or an INSTEAD OF trigger, or a write that may fire either) is attached to: its
 * schema, name and columns. {@code view} tells the two kinds apart.
 */
public record RuleRelation(String schema, String name, List<String> columnNames, List<LogicalType> columnTypes,
                           boolean view, ViewEntry viewEntry, TableEntry table) {
    public RuleRelation {
        columnNames = List.copyOf(columnNames);
        columnTypes = List.copyOf(columnTypes);
    }

    /** The table or (plain) view {@code name} names, or null when there is none. */
    public static RuleRelation find(Catalog catalog, QualifiedName name) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (schema != null && !catalog.schemaExists(schema)) {
            return null;
        }
        TableEntry table = catalog.findTable(schema, name.last()).orElse(null);
        if (table != null) {
            List<String> names = new ArrayList<>();
            for (ColumnEntry column : table.columns()) {
                names.add(column.name());
            }
            return new RuleRelation(table.schema(), table.name(), names, table.columnTypes(), false, null, table);
        }
        ViewEntry view = catalog.findView(schema, name.last()).orElse(null);
        if (view == null || view.materialized()) {
            return null;
        }
        return new RuleRelation(view.schema(), view.name(), view.columnNames(), view.columnTypes(), true, view, null);
    }

    /** The index of column {@code column}, or -1. */
    public int columnIndex(String column) {
        return columnNames.indexOf(column);
    }
}
