package io.basalt.engine;

import io.basalt.binder.viewtext.RelationRenames;
import io.basalt.binder.viewtext.ViewText;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.sql.ast.AlterTableAction;
import io.basalt.sql.ast.AlterTableStatement;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.parser.Parser;
import java.util.ArrayList;
import java.util.List;

/**
 * Views that follow ALTER TABLE ... RENAME TO, SET SCHEMA and RENAME COLUMN of the tables they read, as PostgreSQL's do (it keeps
 * a view's query by reference). Basalt keeps the query as syntax bound by name, so before the rename takes effect
 * each view reading the table has its query written again with the new names ({@link ViewText#renamed}, every column
 * qualified) and read back; once the ALTER TABLE succeeded, {@link #apply} puts those views in place, with their
 * dependencies renamed. The view's own column names stay. A query that does not read back (a construct the writer
 * does not render as SQL) is left as it was, and the view then fails when read, as before.
 */
final class RenamedViews {
    private final List<ViewEntry> before = new ArrayList<>();
    private final List<ViewEntry> after = new ArrayList<>();

    private RenamedViews() {
    }

    /** The views {@code statements} (an ALTER TABLE and its inherited alterations) rename into; call before them. */
    static RenamedViews prepare(Catalog catalog, List<AlterTableStatement> statements) {
        RenamedViews renamed = new RenamedViews();
        RelationRenames renames = new RelationRenames();
        List<String[]> tables = new ArrayList<>();
        List<String[]> columns = new ArrayList<>();
        for (AlterTableStatement statement : statements) {
            List<String> parts = statement.name().parts();
            String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
            if (schema != null && !catalog.schemaExists(schema)) {
                continue;
            }
            TableEntry table = catalog.findTable(schema, statement.name().last()).orElse(null);
            if (table == null) {
                continue;
            }
            for (AlterTableAction action : statement.actions()) {
                switch (action) {
                    case AlterTableAction.RenameTable rename -> {
                        renames.relation(table.schema(), table.name(), rename.to());
                        tables.add(new String[] {table.schema(), table.name(), rename.to()});
                    }
                    case AlterTableAction.SetSchema move -> {
                        if (catalog.schemaExists(move.schema()) && !catalog.isTempSchema(move.schema())
                                && !move.schema().equals(table.schema())) {
                            renames.schema(table.schema(), table.name(), move.schema());
                            tables.add(new String[] {table.schema(), table.name(), table.name(), move.schema()});
                        }
                    }
                    case AlterTableAction.RenameColumn rename -> {
                        renames.column(table.schema(), table.name(), rename.from(), rename.to());
                        columns.add(new String[] {table.schema(), table.name(), rename.from(), rename.to()});
                    }
                    default -> {
                    }
                }
            }
        }
        return renamed.collect(catalog, renames, tables, columns);
    }

    /**
     * The views reading view {@code view} that ALTER VIEW ... RENAME TO {@code newName} (null: not renamed) or RENAME
     * COLUMN {@code columnFrom} TO {@code columnTo} (null: none) rewrites; call before the rename.
     */
    static RenamedViews forView(Catalog catalog, ViewEntry view, String newName, String columnFrom,
                                String columnTo) {
        return forView(catalog, view, newName, columnFrom, columnTo, null);
    }

    /**
     * {@link #forView(Catalog, ViewEntry, String, String, String)}, or the views that ALTER VIEW ... SET SCHEMA
     * {@code newSchema} (null: not moved) rewrites.
     */
    static RenamedViews forView(Catalog catalog, ViewEntry view, String newName, String columnFrom,
                                String columnTo, String newSchema) {
        RelationRenames renames = new RelationRenames();
        List<String[]> tables = new ArrayList<>();
        List<String[]> columns = new ArrayList<>();
        if (newSchema != null && !newSchema.equals(view.schema())) {
            renames.schema(view.schema(), view.name(), newSchema);
            tables.add(new String[] {view.schema(), view.name(), view.name(), newSchema});
        }
        if (newName != null) {
            renames.relation(view.schema(), view.name(), newName);
            tables.add(new String[] {view.schema(), view.name(), newName});
        }
        if (columnFrom != null) {
            renames.column(view.schema(), view.name(), columnFrom, columnTo);
            // views record the views they read, not the views' columns they read
            tables.add(new String[] {view.schema(), view.name(), newName == null ? view.name() : newName});
        }
        return new RenamedViews().collect(catalog, renames, tables, columns);
    }

    /** Adds the rewritten form of every view reading what {@code tables} and {@code columns} rename. */
    private RenamedViews collect(Catalog catalog, RelationRenames renames, List<String[]> tables,
                                 List<String[]> columns) {
        if (renames.isEmpty()) {
            return this;
        }
        RenamedViews renamed = this;
        for (ViewEntry view : catalog.views()) {
            if (!reads(view, tables, columns)) {
                continue;
            }
            ViewEntry replacement = rewritten(view, catalog, renames, tables, columns);
            if (replacement != null) {
                renamed.before.add(view);
                renamed.after.add(replacement);
            }
        }
        return renamed;
    }

    private static boolean reads(ViewEntry view, List<String[]> tables, List<String[]> columns) {
        for (String[] table : tables) {
            if (view.dependsOn(table[0], table[1])) {
                return true;
            }
        }
        for (String[] column : columns) {
            if (view.reads(column[0], column[1], column[2])) {
                return true;
            }
        }
        return false;
    }

    private static ViewEntry rewritten(ViewEntry view, Catalog catalog, RelationRenames renames,
                                       List<String[]> tables, List<String[]> columns) {
        Statement statement;
        try {
            statement = Parser.parseStatement(ViewText.renamed(view, catalog, renames));
        } catch (RuntimeException unreadable) {
            return null;
        }
        if (!(statement instanceof QueryStatement query)) {
            return null;
        }
        List<ViewEntry.Relation> dependencies = new ArrayList<>();
        for (ViewEntry.Relation relation : view.dependencies()) {
            dependencies.add(new ViewEntry.Relation(movedSchema(tables, relation.schema(), relation.name()),
                    renamedTable(tables, relation.schema(), relation.name()), relation.view()));
        }
        List<ViewEntry.ColumnUse> uses = new ArrayList<>();
        for (ViewEntry.ColumnUse use : view.columnUses()) {
            String column = use.column();
            for (String[] renamedColumn : columns) {
                if (renamedColumn[0].equals(use.schema()) && renamedColumn[1].equals(use.table())
                        && renamedColumn[2].equals(column)) {
                    column = renamedColumn[3];
                    break;
                }
            }
            uses.add(new ViewEntry.ColumnUse(movedSchema(tables, use.schema(), use.table()),
                    renamedTable(tables, use.schema(), use.table()), column));
        }
        return new ViewEntry(view.schema(), view.name(), query.query(), view.columnNames(), view.columnTypes(),
                dependencies, uses, view.rows(), view.populated(), view.checkOption(), view.columnDefaults(),
                view.indexes(), view.options());
    }

    /** The schema of relation {@code schema.name} once {@code tables} (schema, name, new name[, new schema]) moved it. */
    private static String movedSchema(List<String[]> tables, String schema, String name) {
        for (String[] table : tables) {
            if (table.length > 3 && table[0].equals(schema) && table[1].equals(name)) {
                return table[3];
            }
        }
        return schema;
    }

    private static String renamedTable(List<String[]> tables, String schema, String name) {
        for (String[] table : tables) {
            if (table[0].equals(schema) && table[1].equals(name)) {
                return table[2];
            }
        }
        return name;
    }

    /** Puts the rewritten views in place (the ALTER TABLE took effect); under the DDL lock. */
    void apply(Catalog catalog) {
        for (int i = 0; i < before.size(); i++) {
            ViewEntry current = catalog.findView(before.get(i).schema(), before.get(i).name()).orElse(null);
            if (current == before.get(i)) {
                catalog.addView(after.get(i), current);
            }
        }
    }

    /** Puts the views as they were before {@link #apply} back (ROLLBACK); under the DDL lock. */
    void undo(Catalog catalog) {
        for (int i = 0; i < before.size(); i++) {
            ViewEntry current = catalog.findView(after.get(i).schema(), after.get(i).name()).orElse(null);
            if (current == after.get(i)) {
                catalog.addView(before.get(i), current);
            }
        }
    }
}
