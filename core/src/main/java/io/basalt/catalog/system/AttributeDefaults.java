package io.basalt.catalog.system;

import io.basalt.catalog.ColumnEntry;

/**
 * A column's entry in pg_attrdef: the default or generation expression as pg_get_expr prints it (the text the
 * catalog keeps of it), and the entry's oid, derived from its column's relation oid and number.
 */
final class AttributeDefaults {
    private AttributeDefaults() {
    }

    /**
     * The expression text of the column's pg_attrdef entry as pg_get_expr prints it, or null when it has none
     * (identity columns have none): a default's text as the catalog keeps it, with its relations named as the
     * search path finds them now; a generation expression written from its syntax tree over {@code table}'s columns.
     */
    static String text(CatalogObjects objects, io.basalt.catalog.TableEntry table, ColumnEntry column,
                       boolean pretty) {
        if (column.generated()) {
            java.util.List<String> names = new java.util.ArrayList<>();
            java.util.List<io.basalt.type.LogicalType> types = new java.util.ArrayList<>();
            for (ColumnEntry each : table.columns()) {
                names.add(each.name());
                types.add(each.type());
            }
            String written = io.basalt.binder.viewtext.ViewText.tableExpression(column.generation(), names, types,
                    column.type(), objects.catalog(), pretty);
            return written != null ? written : column.generationText();
        }
        if (column.identity() != null || column.defaultText() == null) {
            return null;
        }
        String text = objects.withVisibleRelations(column.defaultText());
        return pretty ? io.basalt.binder.viewtext.ViewText.pretty(text, column.type(), objects.catalog()) : text;
    }

    static long oid(CatalogObjects.Relation relation, int column) {
        return CatalogObjects.FIRST_USER_OID + Math.floorMod(relation.oid() * 31 + column + 1,
                0x7fffffffL - CatalogObjects.FIRST_USER_OID);
    }
}
