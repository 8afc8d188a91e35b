package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.ForeignKeyEntry;
import io.basalt.catalog.IndexEntry;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.catalog.system.SystemRelations;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * ALTER TABLE ... SET SCHEMA: the table moves to another schema with what PostgreSQL moves with it, its indexes
 * (those of its keys and those CREATE INDEX made) and the sequences its columns own, whose calls in the columns'
 * defaults follow; foreign keys that reference the table (its own included) reference it in the new schema, and
 * its links to parent and child tables follow it. The draft takes the new schema, so the table's rows go to a store
 * named after it as for a rename ({@link AlterTableExecutor}); views reading the table follow it as they follow a
 * rename ({@link RenamedViews}).
 *
 * <p>PostgreSQL's checks, in its order: the schema must exist (3F000); a temporary table cannot leave the temporary
 * schema, nor another table enter it (0A000); the table, then each of its indexes, then each owned sequence must
 * not collide with a relation of the new schema (42P07). Moving to the schema the table is in does nothing.
 * Difference from PostgreSQL: Basalt's system schemas hold no user relations, so moving a table into
 * {@code pg_catalog} or {@code information_schema} fails as creating one there does in PostgreSQL (42501).
 */
final class SchemaMove {
    private final Catalog catalog;
    private final TableDraft draft;
    private final boolean temporary;

    SchemaMove(Catalog catalog, TableDraft draft, boolean temporary) {
        this.catalog = catalog;
        this.draft = draft;
        this.temporary = temporary;
    }

    /**
     * Checks the move of the draft's table to {@code schema} and makes it in the draft; {@code afterwards} receives
     * what follows once the statement took effect (sequences and hierarchy links), and {@code undo} (null outside
     * a transaction block) the step that puts the links back.
     */
    void move(String schema, List<Runnable> afterwards, AlterTableUndo undo) {
        if (!catalog.schemaExists(schema)) {
            throw BasaltException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist");
        }
        if (temporary || catalog.isTempSchema(schema)) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "cannot move objects into or out of temporary schemas");
        }
        if (Catalog.isSystemSchema(schema)) {
            throw BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to create \"" + schema
                    + "." + draft.name + "\"").withDetail("System catalog modifications are currently disallowed.");
        }
        String from = draft.schema;
        if (schema.equals(from)) {
            return;
        }
        String table = draft.name;
        List<String> moving = new ArrayList<>();
        moving.add(table);
        for (UniqueConstraintEntry key : draft.keys) {
            moving.add(key.name());
        }
        for (IndexEntry index : draft.indexes) {
            moving.add(index.name());
        }
        List<SequenceEntry> owned = catalog.sequencesOwnedBy(from, draft.original.name());
        for (SequenceEntry sequence : owned) {
            moving.add(sequence.name());
        }
        for (String name : moving) {
            if (catalog.relationExists(schema, name)) {
                throw BasaltException.of(SqlState.DUPLICATE_TABLE, "relation \"" + name
                        + "\" already exists in schema \"" + schema + "\"");
            }
        }
        draft.schema = schema;
        draft.updateReferences(reference -> new ForeignKeyEntry(reference.name(), reference.columns(), schema,
                reference.referencedTable(), reference.referencedColumns(), reference.referencedKey(),
                reference.matchFull(), reference.onDelete(), reference.onUpdate(), reference.deleteSetColumns(),
                reference.deferrable(), reference.initiallyDeferred()));
        List<SequenceEntry> moved = new ArrayList<>();
        for (SequenceEntry sequence : owned) {
            SequenceEntry copy = sequence.movedTo(schema);
            moved.add(copy);
            String formerName = SequenceColumns.sequenceName(sequence, catalog);
            for (int c = 0; c < draft.columns.size(); c++) {
                ColumnEntry column = draft.columns.get(c);
                if (column.name().equals(sequence.owner().column())) {
                    draft.setColumn(c, SequenceColumns.followingSequence(column, formerName, copy, catalog));
                }
            }
        }
        afterwards.add(() -> {
            for (int s = 0; s < owned.size(); s++) {
                catalog.removeSequence(owned.get(s));
                catalog.addSequence(moved.get(s));
            }
            catalog.hierarchy().move(from, table, schema);
            if (undo != null) {
                undo.revertedBy(() -> catalog.hierarchy().move(schema, table, from));
            }
        });
    }

    /** Whether {@code schema.name} is one of PostgreSQL's system catalogs (which cannot be moved: 42501). */
    static boolean isSystemCatalog(String schema, String name) {
        return schema != null && Catalog.isSystemSchema(schema) && SystemRelations.find(schema, name) != null;
    }
}
