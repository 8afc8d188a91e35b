package io.basalt.catalog.system;

import io.basalt.catalog.ColumnEntry;

/**
 * A column's entry in pg_attrdef: the default or generation expression as pg_get_expr prints it (the text the
 * catalog keeps of it), and the entry's oid, derived from its column's relation oid and number.
 */
final class AttributeDefaults {
    private AttributeDefaults() {
    }

    /** The expression text of the column's pg_attrdef entry, or null when it has none (identity columns have none). */
    static String text(ColumnEntry column) {
        if (column.generated()) {
            return column.generationText();
        }
        return column.identity() == null ? column.defaultText() : null;
    }

    static long oid(CatalogObjects.Relation relation, int column) {
        return CatalogObjects.FIRST_USER_OID + Math.floorMod(relation.oid() * 31 + column + 1,
                0x7fffffffL - CatalogObjects.FIRST_USER_OID);
    }
}
