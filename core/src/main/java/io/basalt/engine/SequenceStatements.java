package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.SequenceLog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.AlterSequenceStatement;
import io.basalt.sql.ast.CreateSequenceStatement;
import io.basalt.sql.ast.DropSequenceStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.SequenceOption;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.storage.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * CREATE SEQUENCE, ALTER SEQUENCE and DROP SEQUENCE against the catalog (the caller holds the DDL lock and logs
 * the statement). Dropping a sequence that a column default calls fails with 2BP01 unless CASCADE drops those
 * defaults; an identity column's sequence can only go with its table.
 */
final class SequenceStatements {
    private final Catalog catalog;
    private final SequenceLog log;

    SequenceStatements(Catalog catalog, SequenceLog log) {
        this.catalog = catalog;
        this.log = log;
    }

    QueryResultImpl create(CreateSequenceStatement create) {
        String schema = schemaOf(create.name());
        String name = create.name().last();
        if (catalog.relationExists(schema, name)) {
            if (create.ifNotExists()) {
                return QueryResultImpl.command("CREATE SEQUENCE", 0,
                        List.of("relation \"" + name + "\" already exists, skipping"));
            }
            throw BasaltException.of(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
        }
        SequenceDefinition.Result defined = SequenceDefinition.apply(null, 0, create.options(), null);
        SequenceEntry.OwnedColumn owner = defined.ownedBy() == null ? null : owner(defined.ownedBy(), schema);
        SequenceEntry sequence = new SequenceEntry(schema, name, defined.options(), owner,
                catalog.isTempSchema(schema) ? SequenceLog.NONE : log);
        if (defined.restartValue() != defined.options().start()) {
            sequence.alter(defined.options(), defined.restartValue());
        }
        catalog.addSequence(sequence);
        return QueryResultImpl.command("CREATE SEQUENCE", 0, List.of());
    }

    QueryResultImpl alter(AlterSequenceStatement alter) {
        SequenceEntry sequence = target(alter);
        if (sequence == null) {
            return QueryResultImpl.command("ALTER SEQUENCE", 0,
                    List.of("relation \"" + alter.name().last() + "\" does not exist, skipping"));
        }
        String name = sequence.name();
        SequenceEntry.OwnedColumn currentOwner = sequence.owner();
        SequenceDefinition.Result defined = SequenceDefinition.apply(sequence.options(),
                sequence.state().lastValue(), alter.options(), null);
        SequenceEntry.OwnedColumn owner = currentOwner;
        if (defined.ownedBy() != null) {
            if (currentOwner != null && currentOwner.identity()) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "cannot change ownership of identity sequence")
                        .withDetail("Sequence \"" + name + "\" is linked to table \"" + currentOwner.table() + "\".");
            }
            owner = owner(defined.ownedBy(), sequence.schema());
        }
        sequence.alter(defined.options(), defined.restartValue());
        sequence.setOwner(owner);
        return QueryResultImpl.command("ALTER SEQUENCE", 0, List.of());
    }

    /** The sequence ALTER SEQUENCE names, or null when IF EXISTS finds none; PostgreSQL's errors otherwise. */
    private SequenceEntry target(AlterSequenceStatement alter) {
        if (alter.ifExists() && MissingSchemaNotices.schemaMissing(catalog, alter.name())) {
            return null;
        }
        String schema = lookupSchemaOf(alter.name());
        String name = alter.name().last();
        Optional<SequenceEntry> found = catalog.findSequence(schema, name);
        if (found.isPresent()) {
            return found.get();
        }
        if (catalog.findTable(schema, name).isPresent() || catalog.findView(schema, name).isPresent()
                || catalog.findIndexOwner(schema, name).isPresent()) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a sequence");
        }
        if (alter.ifExists()) {
            return null;
        }
        throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
    }

    /**
     * ALTER SEQUENCE RENAME TO / SET SCHEMA / SET {LOGGED | UNLOGGED}, and ALTER TABLE's and ALTER INDEX's RENAME TO
     * and SET SCHEMA of a sequence, with PostgreSQL's errors: the sequence keeps its state and its sessions' currval,
     * column defaults that call it by name call it by its new name, and its owner and privileges follow it. In a
     * transaction block ({@code block} not null) ROLLBACK puts it back and logs the statement that does so on replay.
     * SET LOGGED / UNLOGGED changes nothing: an unlogged sequence is an ordinary one in Basalt.
     */
    QueryResultImpl alterRelation(AlterSequenceStatement alter, Authorization authorization, Transaction block,
                                  Object ddlLock, Consumer<String> logDdl) {
        SequenceEntry sequence = target(alter);
        if (sequence == null) {
            return QueryResultImpl.command("ALTER SEQUENCE", 0,
                    List.of("relation \"" + alter.name().last() + "\" does not exist, skipping"));
        }
        String schema = sequence.schema();
        String name = sequence.name();
        switch (alter.action()) {
            case AlterSequenceStatement.RenameTo rename -> {
                if (catalog.relationExists(schema, rename.name())) {
                    throw BasaltException.of(SqlState.DUPLICATE_TABLE,
                            "relation \"" + rename.name() + "\" already exists");
                }
                name = rename.name();
            }
            case AlterSequenceStatement.SetSchema move -> {
                SequenceEntry.OwnedColumn owner = sequence.owner();
                if (owner != null) {
                    throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                                    "cannot move an owned sequence into another schema")
                            .withDetail("Sequence \"" + name + "\" is linked to table \"" + owner.table() + "\".");
                }
                schema = move.schema();
                boolean temporary = catalog.isTempSchema(schema) || schema.equals(Catalog.TEMP_SCHEMA_ALIAS);
                if (!temporary && !catalog.schemaExists(schema)) {
                    throw BasaltException.of(SqlState.INVALID_SCHEMA_NAME,
                            "schema \"" + schema + "\" does not exist");
                }
                if (temporary || catalog.isTempSchema(sequence.schema())) {
                    throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "cannot move objects into or out of temporary schemas");
                }
                if (Catalog.isSystemSchema(schema)) {
                    throw BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to create \""
                            + schema + "." + name + "\"").withDetail("System catalog modifications are currently "
                            + "disallowed.");
                }
                if (!schema.equals(sequence.schema()) && catalog.relationExists(schema, name)) {
                    throw BasaltException.of(SqlState.DUPLICATE_TABLE, "relation \"" + name
                            + "\" already exists in schema \"" + schema + "\"");
                }
            }
            case AlterSequenceStatement.SetLogged ignored -> {
                if (catalog.isTempSchema(sequence.schema())) {
                    throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION, "cannot change logged status of "
                            + "table \"" + name + "\" because it is temporary");
                }
            }
        }
        if (!schema.equals(sequence.schema()) || !name.equals(sequence.name())) {
            String formerSchema = sequence.schema();
            String formerName = sequence.name();
            relocate(sequence, schema, name, authorization);
            if (block != null) {
                String undo = "ALTER SEQUENCE " + IdentifierQuoting.quote(schema) + "." + IdentifierQuoting.quote(name)
                        + (formerName.equals(name) ? " SET SCHEMA " + IdentifierQuoting.quote(formerSchema)
                        : " RENAME TO " + IdentifierQuoting.quote(formerName));
                block.onRollback(() -> {
                    synchronized (ddlLock) {
                        if (sequence.dropped() || catalog.findSequence(sequence.schema(), sequence.name())
                                .orElse(null) != sequence || catalog.relationExists(formerSchema, formerName)) {
                            return;
                        }
                        boolean temporary = catalog.isTempSchema(sequence.schema());
                        relocate(sequence, formerSchema, formerName, authorization);
                        if (!temporary) {
                            logDdl.accept(undo);
                        }
                    }
                });
            }
        }
        return QueryResultImpl.command("ALTER SEQUENCE", 0, List.of());
    }

    /** Renames or moves {@code sequence}, the defaults that call it and its entry in the authorization state. */
    private void relocate(SequenceEntry sequence, String schema, String name, Authorization authorization) {
        String formerKey = Authorization.relationKey(sequence.schema(), sequence.name());
        String formerText = SequenceColumns.sequenceName(sequence, catalog);
        String newText = SequenceColumns.sequenceName(schema, name, catalog);
        List<TableEntry[]> defaults = SequenceDependents.following(catalog, sequence, formerText, newText);
        catalog.relocateSequence(sequence, schema, name);
        for (TableEntry[] table : defaults) {
            catalog.replaceTable(table[0], table[1]);
        }
        authorization.moveObject(formerKey, Authorization.relationKey(schema, name));
    }

    QueryResultImpl drop(DropSequenceStatement drop) {
        List<String> notices = new ArrayList<>();
        List<SequenceEntry> victims = new ArrayList<>();
        for (QualifiedName name : drop.names()) {
            if (drop.ifExists() && MissingSchemaNotices.of(catalog, name) != null) {
                notices.add(MissingSchemaNotices.of(catalog, name));
                continue;
            }
            String schema = lookupSchemaOf(name);
            Optional<SequenceEntry> found = catalog.findSequence(schema, name.last());
            if (found.isEmpty()) {
                if (catalog.findTable(schema, name.last()).isPresent()) {
                    throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + name.last() + "\" is not a sequence")
                            .withHint("Use DROP TABLE to remove a table.");
                }
                if (drop.ifExists()) {
                    notices.add("sequence \"" + name.last() + "\" does not exist, skipping");
                    continue;
                }
                throw BasaltException.of(SqlState.UNDEFINED_TABLE, "sequence \"" + name.last() + "\" does not exist");
            }
            victims.add(found.get());
        }
        List<SequenceDependents.Dependent> cascaded = new ArrayList<>();
        for (SequenceEntry victim : victims) {
            SequenceEntry.OwnedColumn owner = victim.owner();
            if (owner != null && owner.identity()) {
                throw BasaltException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop sequence "
                                + victim.name() + " because column " + owner.column() + " of table " + owner.table()
                                + " requires it")
                        .withHint("You can drop column " + owner.column() + " of table " + owner.table() + " instead.");
            }
            List<SequenceDependents.Dependent> dependents = SequenceDependents.of(catalog, victim);
            if (!dependents.isEmpty() && !drop.cascade()) {
                StringBuilder detail = new StringBuilder();
                for (SequenceDependents.Dependent dependent : dependents) {
                    if (!detail.isEmpty()) {
                        detail.append('\n');
                    }
                    detail.append(dependent.description()).append(" depends on sequence ").append(victim.name());
                }
                throw BasaltException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop sequence "
                                + victim.name() + " because other objects depend on it")
                        .withDetail(detail.toString())
                        .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
            }
            cascaded.addAll(dependents);
        }
        if (cascaded.size() == 1) {
            notices.add("drop cascades to " + cascaded.getFirst().description());
        } else if (cascaded.size() > 1) {
            StringBuilder detail = new StringBuilder();
            for (SequenceDependents.Dependent dependent : cascaded) {
                detail.append(detail.isEmpty() ? "" : "\n").append("drop cascades to ").append(dependent.description());
            }
            notices.add("drop cascades to " + cascaded.size() + " other objects\n" + detail);
        }
        SequenceDependents.dropDefaults(catalog, cascaded);
        for (SequenceEntry victim : victims) {
            catalog.removeSequence(victim);
        }
        return QueryResultImpl.command("DROP SEQUENCE", 0, notices);
    }

    /** Drops the sequences owned by the columns of a table that is being dropped. */
    void dropOwnedBy(TableEntry table) {
        for (SequenceEntry owned : catalog.sequencesOwnedBy(table.schema(), table.name())) {
            catalog.removeSequence(owned);
        }
    }

    /** The column of {@code OWNED BY table.column}, checked as PostgreSQL checks it. */
    private SequenceEntry.OwnedColumn owner(SequenceOption.OwnedBy ownedBy, String sequenceSchema) {
        QualifiedName column = ownedBy.column();
        if (column == null) {
            return null;
        }
        List<String> parts = column.parts();
        if (parts.size() < 2) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, "invalid OWNED BY option")
                    .withHint("Specify OWNED BY table.column or OWNED BY NONE.");
        }
        String tableName = parts.get(parts.size() - 2);
        String schema = parts.size() >= 3 ? parts.get(parts.size() - 3) : null;
        if (schema != null && !catalog.schemaExists(schema)) {
            throw BasaltException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist");
        }
        Optional<TableEntry> table = catalog.findTable(schema, tableName);
        if (schema == null) {
            schema = table.map(TableEntry::schema).orElse(sequenceSchema);
        }
        if (table.isEmpty()) {
            if (catalog.findSequence(schema, tableName).isPresent()) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE,
                                "sequence cannot be owned by relation \"" + tableName + "\"")
                        .withDetail("This operation is not supported for sequences.");
            }
            throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + tableName + "\" does not exist");
        }
        if (!schema.equals(sequenceSchema)) {
            throw BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "sequence must be in same schema as table it is linked to");
        }
        String columnName = column.last();
        if (table.get().columnIndex(columnName) < 0) {
            throw BasaltException.of(SqlState.UNDEFINED_COLUMN,
                    "column \"" + columnName + "\" of relation \"" + tableName + "\" does not exist");
        }
        return new SequenceEntry.OwnedColumn(tableName, columnName, false);
    }

    /** Whether {@code name} is (or, for CREATE, will be) a temporary sequence: such statements are not logged. */
    boolean temporary(QualifiedName name) {
        List<String> parts = name.parts();
        if (parts.size() >= 2) {
            return catalog.isTempSchema(parts.get(parts.size() - 2));
        }
        return catalog.findSequence(null, name.last()).map(found -> catalog.isTempSchema(found.schema()))
                .orElse(false);
    }

    /** The schema a name written in ALTER / DROP gives: null when unqualified (temporary, then search_path). */
    private String lookupSchemaOf(QualifiedName name) {
        return name.parts().size() < 2 ? null : schemaOf(name);
    }

    private String schemaOf(QualifiedName name) {
        if (name.parts().size() < 2) {
            return catalog.creationSchema();
        }
        String schema = name.parts().get(name.parts().size() - 2);
        if (catalog.isTempSchema(schema)) {
            return catalog.tempSchema();
        }
        if (!catalog.schemaExists(schema)) {
            throw BasaltException.at(SqlState.INVALID_SCHEMA_NAME, name.position(),
                    "schema \"" + schema + "\" does not exist");
        }
        return schema;
    }
}
