package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.privilege.AccessCheck;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.Privilege;
import io.basalt.catalog.privilege.SecuredKind;
import io.basalt.catalog.privilege.SecuredObject;
import io.basalt.sql.ast.AlterSequenceStatement;
import io.basalt.sql.ast.AlterTableStatement;
import io.basalt.sql.ast.CreateIndexStatement;
import io.basalt.sql.ast.CreateMaterializedViewStatement;
import io.basalt.sql.ast.CreateSchemaStatement;
import io.basalt.sql.ast.CreateSequenceStatement;
import io.basalt.sql.ast.CreateTableAsStatement;
import io.basalt.sql.ast.CreateTableStatement;
import io.basalt.sql.ast.CreateViewStatement;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.DropSchemaStatement;
import io.basalt.sql.ast.DropSequenceStatement;
import io.basalt.sql.ast.DropTableStatement;
import io.basalt.sql.ast.DropViewStatement;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.RefreshMaterializedViewStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.TruncateStatement;
import io.basalt.sql.ast.UpdateStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * The privilege checks of the statements that are not about privileges, made before they run, and the owner of what
 * they create, recorded after. DDL needs ownership (DROP, ALTER, CREATE INDEX, REFRESH, REINDEX TABLE / SCHEMA) or CREATE on the schema
 * (CREATE); TRUNCATE needs its privilege; INSERT, UPDATE and DELETE need theirs on the target table (or, for INSERT and
 * UPDATE, on each column written), and SELECT on the target's columns they read, which the binder checks as it
 * resolves them ({@link AccessCheck#readColumnsOf}). Reads of other relations are checked by the binder.
 */
final class StatementPrivileges {
    private final Catalog catalog;
    private final Authorization authorization;

    StatementPrivileges(Catalog catalog, Authorization authorization) {
        this.catalog = catalog;
        this.authorization = authorization;
    }

    /** Checks {@code statement} for {@code check}'s role (nothing for null: a superuser, or log replay). */
    void before(Statement statement, AccessCheck check) {
        if (check == null) {
            return;
        }
        switch (statement) {
            case CreateTableStatement create when !create.temporary() -> requireCreate(create.name(), check);
            case CreateTableAsStatement create when !create.temporary() -> requireCreate(create.name(), check);
            case CreateViewStatement create when !create.temporary() -> requireCreate(create.name(), check);
            case CreateMaterializedViewStatement create -> requireCreate(create.name(), check);
            case CreateSequenceStatement create -> requireCreate(create.name(), check);
            case CreateSchemaStatement ignored -> throw io.basalt.error.BasaltException.of(
                    io.basalt.error.SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for database "
                            + DATABASE_NAME);
            case DropTableStatement drop -> requireOwners(drop.names(), check);
            case DropViewStatement drop -> requireOwners(drop.names(), check);
            case DropSequenceStatement drop -> requireOwners(drop.names(), check);
            case DropSchemaStatement drop -> {
                for (String schema : drop.names()) {
                    if (catalog.schemaNames().contains(schema)) {
                        check.requireOwner(authorization.object(Authorization.schemaKey(schema), SecuredKind.SCHEMA),
                                schema);
                    }
                }
            }
            case AlterTableStatement alter -> requireOwners(List.of(alter.name()), check);
            case AlterSequenceStatement alter -> requireOwners(List.of(alter.name()), check);
            case io.basalt.sql.ast.AlterViewStatement alter -> requireOwners(List.of(alter.name()), check);
            case io.basalt.sql.ast.AlterIndexStatement alter -> requireIndexOwner(alter.name(), check);
            case RefreshMaterializedViewStatement refresh -> requireOwners(List.of(refresh.name()), check);
            case CreateIndexStatement create -> requireOwners(List.of(create.table()), check);
            case io.basalt.sql.ast.ReindexStatement reindex
                    when reindex.kind() == io.basalt.sql.ast.ReindexStatement.Kind.TABLE ->
                    requireOwners(List.of(reindex.name()), check);
            case io.basalt.sql.ast.ReindexStatement reindex
                    when reindex.kind() == io.basalt.sql.ast.ReindexStatement.Kind.SCHEMA -> {
                String schema = reindex.name().last();
                if (catalog.schemaNames().contains(schema)) {
                    check.requireOwner(authorization.object(Authorization.schemaKey(schema), SecuredKind.SCHEMA),
                            schema);
                }
            }
            case TruncateStatement truncate -> {
                for (QualifiedName name : truncate.tables()) {
                    require(name, Privilege.TRUNCATE, check);
                }
            }
            case InsertStatement insert -> {
                write(insert.table(), Privilege.INSERT, insert.columns(), check);
                if (insert.onConflict() != null) {
                    conflictTarget(insert, check);
                }
                if (insert.onConflict() != null && !insert.onConflict().update().isEmpty()) {
                    List<String> columns = new ArrayList<>();
                    for (UpdateStatement.Assignment assignment : insert.onConflict().update()) {
                        columns.addAll(assignment.columns());
                    }
                    write(insert.table(), Privilege.UPDATE, columns, check);
                }
            }
            case io.basalt.sql.ast.CopyStatement copy when copy.table() != null -> copy(copy, check);
            case UpdateStatement update -> {
                List<String> columns = new ArrayList<>();
                for (UpdateStatement.Assignment assignment : update.assignments()) {
                    columns.addAll(assignment.columns());
                }
                write(update.table(), Privilege.UPDATE, columns, check);
            }
            case DeleteStatement delete -> write(delete.table(), Privilege.DELETE, List.of(), check);
            case io.basalt.sql.ast.MergeStatement merge -> {
                for (io.basalt.sql.ast.MergeStatement.When when : merge.whens()) {
                    switch (when.action()) {
                        case io.basalt.sql.ast.MergeStatement.Action.Update update -> {
                            List<String> columns = new ArrayList<>();
                            for (UpdateStatement.Assignment assignment : update.assignments()) {
                                columns.addAll(assignment.columns());
                            }
                            write(merge.target(), Privilege.UPDATE, columns, check);
                        }
                        case io.basalt.sql.ast.MergeStatement.Action.Delete ignored ->
                                write(merge.target(), Privilege.DELETE, List.of(), check);
                        case io.basalt.sql.ast.MergeStatement.Action.Insert insert ->
                                write(merge.target(), Privilege.INSERT, insert.columns(), check);
                        case io.basalt.sql.ast.MergeStatement.Action.DoNothing ignored -> {
                        }
                    }
                }
            }
            case io.basalt.sql.ast.CommentStatement comment -> {
                switch (comment.kind()) {
                    case TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE -> requireOwners(List.of(comment.name()), check);
                    case TABLE_CONSTRAINT -> requireOwners(List.of(comment.on()), check);
                    case COLUMN -> requireOwners(List.of(new QualifiedName(comment.name().parts().subList(0,
                            Math.max(1, comment.name().parts().size() - 1)), comment.name().position())), check);
                    default -> {
                    }
                }
            }
            default -> {
            }
        }
    }

    /** The name of the database in messages (Basalt has one database per directory). */
    static final String DATABASE_NAME = "basalt";

    private void requireCreate(QualifiedName name, AccessCheck check) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : firstSearched();
        if (schema == null || catalog.isTempSchema(schema) || schema.startsWith(Catalog.TEMP_SCHEMA_ALIAS)) {
            return;
        }
        check.require(authorization.object(Authorization.schemaKey(schema), SecuredKind.SCHEMA),
                Privilege.CREATE.bit(), schema);
    }

    private String firstSearched() {
        List<String> searched = catalog.searchedSchemas();
        return searched.isEmpty() ? null : searched.getFirst();
    }

    /** ALTER INDEX: the index's table must be owned ("must be owner of index"); another relation's own check. */
    private void requireIndexOwner(QualifiedName name, AccessCheck check) {
        TableEntry owner = IndexAlterations.owner(catalog, name);
        if (owner == null) {
            requireOwners(List.of(name), check);
            return;
        }
        SecuredObjects.Found found = SecuredObjects.relation(catalog,
                new QualifiedName(List.of(owner.schema(), owner.name()), 0));
        if (found != null && !check.owns(authorization.object(found.key(), found.kind()))
                && !check.owns(authorization.object(Authorization.schemaKey(found.schema()), SecuredKind.SCHEMA))) {
            throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.INSUFFICIENT_PRIVILEGE,
                    "must be owner of index " + name.last());
        }
    }

    private void requireOwners(List<QualifiedName> names, AccessCheck check) {
        for (QualifiedName name : names) {
            SecuredObjects.Found found = SecuredObjects.relation(catalog, name);
            if (found == null) {
                continue;
            }
            SecuredObject object = authorization.object(found.key(), found.kind());
            if (!check.owns(object) && !check.owns(authorization.object(Authorization.schemaKey(found.schema()),
                    SecuredKind.SCHEMA))) {
                throw AccessCheck.notOwner(found.kind(), found.name());
            }
        }
    }

    private void require(QualifiedName name, Privilege privilege, AccessCheck check) {
        SecuredObjects.Found found = SecuredObjects.relation(catalog, name);
        if (found == null) {
            return;
        }
        usage(found.schema(), check);
        check.require(authorization.object(found.key(), found.kind()), privilege.bit(), found.name());
    }

    private void usage(String schema, AccessCheck check) {
        if (catalog.isTempSchema(schema) || schema.startsWith(Catalog.TEMP_SCHEMA_ALIAS)) {
            return;
        }
        check.require(authorization.object(Authorization.schemaKey(schema), SecuredKind.SCHEMA),
                Privilege.USAGE.bit(), schema);
    }

    /** INSERT / UPDATE / DELETE of {@code table}: the privilege on the table or on every written column. */
    private void write(QualifiedName name, Privilege privilege, List<String> columns, AccessCheck check) {
        SecuredObjects.Found found = SecuredObjects.relation(catalog, name);
        if (found == null) {
            return;
        }
        usage(found.schema(), check);
        SecuredObject object = authorization.object(found.key(), found.kind());
        int held = check.privileges(object);
        if ((held & privilege.bit()) == 0) {
            List<String> written = columns;
            if (written.isEmpty() && privilege == Privilege.INSERT) {
                TableEntry table = catalog.findTable(found.schema(), found.name()).orElse(null);
                written = new ArrayList<>();
                if (table != null) {
                    for (var column : table.columns()) {
                        written.add(column.name());
                    }
                }
            }
            if (written.isEmpty()) {
                throw AccessCheck.denied(found.kind(), found.name());
            }
            for (String column : written) {
                if ((check.columnPrivileges(object, column) & privilege.bit()) == 0) {
                    throw AccessCheck.denied(found.kind(), found.name());
                }
            }
        }
        if (privilege != Privilege.INSERT && (held & Privilege.SELECT.bit()) == 0) {
            TableEntry table = catalog.findTable(found.schema(), found.name()).orElse(null);
            if (table != null) {
                check.readColumnsOf(table, object, found.name());
            }
        }
    }

    /**
     * The authorization key of the relation an ALTER TABLE renames, or whose columns it renames or drops (their
     * privileges follow), or null.
     */
    String renamedFrom(Statement statement) {
        if (statement instanceof AlterTableStatement alter) {
            for (io.basalt.sql.ast.AlterTableAction action : alter.actions()) {
                if (action instanceof io.basalt.sql.ast.AlterTableAction.RenameTable
                        || action instanceof io.basalt.sql.ast.AlterTableAction.SetSchema
                        || action instanceof io.basalt.sql.ast.AlterTableAction.RenameColumn
                        || action instanceof io.basalt.sql.ast.AlterTableAction.DropColumn) {
                    SecuredObjects.Found found = SecuredObjects.relation(catalog, alter.name());
                    return found == null ? null : found.key();
                }
            }
        }
        return null;
    }

    /** After such an ALTER TABLE: the relation's owner and privileges go with it to its new name, and its columns'. */
    void renamed(Statement statement, String from) {
        AlterTableStatement alter = (AlterTableStatement) statement;
        String schema = from.substring(2, from.indexOf('.'));
        String name = from.substring(from.indexOf('.') + 1);
        String key = from;
        for (io.basalt.sql.ast.AlterTableAction action : alter.actions()) {
            switch (action) {
                case io.basalt.sql.ast.AlterTableAction.RenameTable rename -> {
                    name = rename.to();
                    String to = Authorization.relationKey(schema, name);
                    authorization.moveObject(key, to);
                    key = to;
                }
                case io.basalt.sql.ast.AlterTableAction.SetSchema move -> {
                    if (!move.schema().equals(schema) && catalog.findTable(move.schema(), name).isPresent()) {
                        for (io.basalt.catalog.SequenceEntry owned : catalog.sequencesOwnedBy(move.schema(), name)) {
                            authorization.moveObject(Authorization.relationKey(schema, owned.name()),
                                    Authorization.relationKey(move.schema(), owned.name()));
                        }
                        schema = move.schema();
                        String to = Authorization.relationKey(schema, name);
                        authorization.moveObject(key, to);
                        key = to;
                    }
                }
                case io.basalt.sql.ast.AlterTableAction.RenameColumn rename -> moveColumn(key, rename.from(),
                        rename.to());
                case io.basalt.sql.ast.AlterTableAction.DropColumn drop -> moveColumn(key, drop.column(), null);
                default -> {
                }
            }
        }
    }

    /** Column privileges follow a column's new name ({@code to}), or go with it ({@code to} null). */
    private void moveColumn(String key, String from, String to) {
        if (!authorization.recorded(key)) {
            return;
        }
        SecuredObject object = authorization.object(key, SecuredKind.TABLE);
        java.util.Map<String, List<io.basalt.catalog.privilege.AclItem>> columns =
                new java.util.HashMap<>(object.columns());
        List<io.basalt.catalog.privilege.AclItem> acl = columns.remove(from);
        if (acl != null && to != null) {
            columns.put(to, acl);
        }
        authorization.putObject(key, object.withColumns(columns));
    }

    /**
     * How DROP ROLE's detail names the object filed under {@code key} ("table t", "schema s"), or null when no such
     * object exists any more.
     */
    String describe(String key) {
        if (key.startsWith("n:")) {
            String schema = key.substring(2);
            return catalog.schemaNames().contains(schema) ? "schema " + schema : null;
        }
        if (!key.startsWith("r:")) {
            return null;
        }
        int dot = key.indexOf('.');
        String schema = key.substring(2, dot);
        String name = key.substring(dot + 1);
        SecuredObjects.Found found = SecuredObjects.relation(catalog, new QualifiedName(List.of(schema, name), 0));
        if (found == null || !found.key().equals(key)) {
            return null;
        }
        String shown = catalog.searchedSchemas().contains(schema) ? name : schema + "." + name;
        return found.kind().noun() + " " + shown;
    }

    /** ON CONFLICT (columns): the arbiter's columns are read, so they need SELECT (on the table or each of them). */
    private void conflictTarget(InsertStatement insert, AccessCheck check) {
        SecuredObjects.Found found = SecuredObjects.relation(catalog, insert.table());
        if (found == null) {
            return;
        }
        SecuredObject object = authorization.object(found.key(), found.kind());
        if ((check.privileges(object) & Privilege.SELECT.bit()) != 0) {
            return;
        }
        for (String column : insert.onConflict().targetColumns()) {
            if ((check.columnPrivileges(object, column) & Privilege.SELECT.bit()) == 0) {
                throw AccessCheck.denied(found.kind(), found.name());
            }
        }
    }

    /** COPY FROM needs INSERT, COPY TO SELECT, on the table or on every column copied. */
    private void copy(io.basalt.sql.ast.CopyStatement copy, AccessCheck check) {
        Privilege privilege = copy.from() ? Privilege.INSERT : Privilege.SELECT;
        SecuredObjects.Found found = SecuredObjects.relation(catalog, copy.table());
        if (found == null) {
            return;
        }
        usage(found.schema(), check);
        SecuredObject object = authorization.object(found.key(), found.kind());
        if ((check.privileges(object) & privilege.bit()) != 0) {
            return;
        }
        List<String> columns = copy.columns();
        if (columns.isEmpty()) {
            columns = new ArrayList<>();
            TableEntry table = catalog.findTable(found.schema(), found.name()).orElse(null);
            if (table != null) {
                for (var column : table.columns()) {
                    columns.add(column.name());
                }
            }
        }
        if (columns.isEmpty()) {
            throw AccessCheck.denied(found.kind(), found.name());
        }
        for (String column : columns) {
            if ((check.columnPrivileges(object, column) & privilege.bit()) == 0) {
                throw AccessCheck.denied(found.kind(), found.name());
            }
        }
    }

    // ---- owners of created objects ------------------------------------------------------------------

    /** What a CREATE statement may create: the relation or schema it names, as found before it runs (or null). */
    record Creation(QualifiedName relation, String schema, String existingKey) {
    }

    /** The object {@code statement} would create, with the key of what exists under its name now; null if none. */
    Creation creation(Statement statement) {
        QualifiedName name = switch (statement) {
            case CreateTableStatement create -> create.name();
            case CreateTableAsStatement create -> create.name();
            case CreateViewStatement create -> create.name();
            case CreateMaterializedViewStatement create -> create.name();
            case CreateSequenceStatement create -> create.name();
            default -> null;
        };
        if (name != null) {
            SecuredObjects.Found existing = SecuredObjects.relation(catalog, name);
            return new Creation(name, null, existing == null ? null : existing.key());
        }
        if (statement instanceof CreateSchemaStatement create) {
            String schema = create.name() != null ? create.name() : create.authorization();
            return new Creation(null, schema, catalog.schemaNames().contains(schema) ? "exists" : null);
        }
        return null;
    }

    /** After {@code creation}'s statement ran: a newly made object belongs to {@code owner}. */
    void created(Creation creation, String owner, String schemaAuthorization) {
        if (creation.schema() != null) {
            if (creation.existingKey() == null && catalog.schemaNames().contains(creation.schema())) {
                String schemaOwner = schemaAuthorization != null ? schemaAuthorization : owner;
                authorization.putObject(Authorization.schemaKey(creation.schema()), SecuredObject.owned(
                        SecuredKind.SCHEMA, schemaOwner).withAcl(authorization.initialAcl(schemaOwner, null, "n",
                        SecuredKind.SCHEMA)));
            }
            return;
        }
        SecuredObjects.Found found = SecuredObjects.relation(catalog, creation.relation());
        if (found == null || found.key().equals(creation.existingKey())) {
            return;
        }
        String defaultsKind = found.kind() == SecuredKind.SEQUENCE ? "S" : "r";
        authorization.putObject(found.key(), SecuredObject.owned(found.kind(), owner)
                .withAcl(authorization.initialAcl(owner, found.schema(), defaultsKind, found.kind())));
        if (found.kind() == SecuredKind.TABLE) {
            for (SequenceEntry sequence : catalog.sequencesOwnedBy(found.schema(), found.name())) {
                authorization.putObject(Authorization.relationKey(sequence.schema(), sequence.name()),
                        SecuredObject.owned(SecuredKind.SEQUENCE, owner).withAcl(authorization.initialAcl(owner,
                                sequence.schema(), "S", SecuredKind.SEQUENCE)));
            }
        }
    }
}
