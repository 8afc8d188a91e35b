package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.TableHierarchy;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.AlterTableAction;
import io.basalt.sql.ast.AlterTableStatement;

/**
 * PostgreSQL's inheritance rules for a generated column's expression under ALTER TABLE: {@code SET EXPRESSION} and
 * {@code DROP EXPRESSION} go down to the children unless ONLY is written; {@code ONLY ... DROP EXPRESSION} on a table
 * with children fails (a child cannot keep an expression its parent lost), and so does {@code DROP EXPRESSION} on a
 * column a parent gives the table. Both checks come before the statement changes anything, as PostgreSQL makes them
 * while preparing it.
 */
final class GeneratedExpressionInheritance {
    private GeneratedExpressionInheritance() {
    }

    /**
     * Checks the DROP EXPRESSION actions of {@code statement}, which alters {@code table}.
     *
     * @throws BasaltException 42P16 for ONLY over a table with children, or a column inherited from a parent
     */
    static void check(AlterTableStatement statement, TableEntry table, Catalog catalog) {
        for (AlterTableAction action : statement.actions()) {
            if (!(action instanceof AlterTableAction.DropExpression drop)) {
                continue;
            }
            if (statement.only() && !catalog.hierarchy().children(table.schema(), table.name()).isEmpty()) {
                throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION,
                        "ALTER TABLE / DROP EXPRESSION must be applied to child tables too");
            }
            for (TableHierarchy.Link link : catalog.hierarchy().parents(table.schema(), table.name())) {
                TableEntry parent = catalog.findTable(link.parentSchema(), link.parentName()).orElse(null);
                if (parent != null && parent.columnIndex(drop.column()) >= 0) {
                    throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION,
                            "cannot drop generation expression from inherited column");
                }
            }
        }
    }
}
