package io.basalt.engine;

import io.basalt.binder.TableLocking;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.sql.ast.AlterTableStatement;
import io.basalt.sql.ast.CopyStatement;
import io.basalt.sql.ast.CreateIndexStatement;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.DropIndexStatement;
import io.basalt.sql.ast.DropTableStatement;
import io.basalt.sql.ast.DropViewStatement;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.RefreshMaterializedViewStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.TruncateStatement;
import io.basalt.sql.ast.UpdateStatement;
import io.basalt.storage.lock.RelationLockMode;
import java.util.List;

/**
 * The table-level locks a statement takes on the tables it writes or changes, before it is bound, as PostgreSQL's
 * parse analysis takes them: ROW EXCLUSIVE on the target of INSERT, UPDATE, DELETE, MERGE and COPY FROM, ACCESS
 * SHARE on the table of COPY TO, SHARE on the table of CREATE INDEX, SHARE UPDATE EXCLUSIVE on what VACUUM and
 * ANALYZE name, ALTER TABLE's mode by its actions ({@link #alterTable}), and ACCESS EXCLUSIVE on what DROP TABLE /
 * VIEW / INDEX, TRUNCATE, ALTER VIEW, CREATE OR REPLACE VIEW and REFRESH MATERIALIZED VIEW change (EXCLUSIVE for
 * REFRESH ... CONCURRENTLY). Taking them first
 * means a statement that waited binds against the definition the other transaction left. The tables a statement
 * reads are locked by the binder ({@link TableLocking}). A name that resolves to nothing takes no lock: the
 * statement then fails as it would have.
 */
final class StatementLocks {
    private StatementLocks() {
    }

    /** Takes the locks {@code statement} needs before it is bound, when a {@link TableLocking} is bound. */
    static void before(Statement statement, Catalog catalog) {
        if (!TableLocking.CURRENT.isBound()) {
            return;
        }
        switch (statement) {
            case InsertStatement insert -> lock(catalog, insert.table(), RelationLockMode.ROW_EXCLUSIVE);
            case UpdateStatement update -> lock(catalog, update.table(), RelationLockMode.ROW_EXCLUSIVE);
            case DeleteStatement delete -> lock(catalog, delete.table(), RelationLockMode.ROW_EXCLUSIVE);
            case io.basalt.sql.ast.MergeStatement merge ->
                    lock(catalog, merge.target(), RelationLockMode.ROW_EXCLUSIVE);
            case CopyStatement copy when copy.table() != null -> lock(catalog, copy.table(),
                    copy.from() ? RelationLockMode.ROW_EXCLUSIVE : RelationLockMode.ACCESS_SHARE);
            case CreateIndexStatement create -> lock(catalog, create.table(), RelationLockMode.SHARE);
            case io.basalt.sql.ast.VacuumStatement vacuum -> {
                for (io.basalt.sql.ast.VacuumStatement.Target target : vacuum.tables()) {
                    lock(catalog, target.name(), RelationLockMode.SHARE_UPDATE_EXCLUSIVE);
                }
            }
            case AlterTableStatement alter -> alterTable(catalog, alter);
            case io.basalt.sql.ast.AlterTableHierarchyStatement alter -> {
                lock(catalog, alter.table(), RelationLockMode.ACCESS_EXCLUSIVE);
                lock(catalog, alter.other(), RelationLockMode.ACCESS_EXCLUSIVE);
            }
            case DropTableStatement drop -> lockAll(catalog, drop.names(), RelationLockMode.ACCESS_EXCLUSIVE);
            case TruncateStatement truncate ->
                    lockAll(catalog, truncate.tables(), RelationLockMode.ACCESS_EXCLUSIVE);
            case DropViewStatement drop -> lockAll(catalog, drop.names(), RelationLockMode.ACCESS_EXCLUSIVE);
            case io.basalt.sql.ast.AlterViewStatement alter ->
                    lock(catalog, alter.name(), RelationLockMode.ACCESS_EXCLUSIVE);
            case io.basalt.sql.ast.CreateViewStatement create when create.orReplace() ->
                    lock(catalog, create.name(), RelationLockMode.ACCESS_EXCLUSIVE);
            case RefreshMaterializedViewStatement refresh -> lock(catalog, refresh.name(),
                    refresh.concurrently() ? RelationLockMode.EXCLUSIVE : RelationLockMode.ACCESS_EXCLUSIVE);
            case DropIndexStatement drop -> {
                for (QualifiedName name : drop.names()) {
                    TableEntry owner = catalog.findIndexOwner(schemaOf(name), name.last()).orElse(null);
                    if (owner != null) {
                        TableLocking.take(owner.schema(), owner.name(), RelationLockMode.ACCESS_EXCLUSIVE);
                    }
                }
            }
            case io.basalt.sql.ast.AlterIndexStatement alter -> alterIndex(catalog, alter);
            default -> {
            }
        }
    }

    /**
     * ALTER INDEX of an index: SHARE UPDATE EXCLUSIVE on the index under its name (and its new name), as PostgreSQL
     * 15 takes for RENAME and SET STATISTICS; a table or view it names is locked by the statement it becomes.
     */
    private static void alterIndex(Catalog catalog, io.basalt.sql.ast.AlterIndexStatement alter) {
        TableEntry owner = IndexAlterations.owner(catalog, alter.name());
        if (owner == null) {
            return;
        }
        TableLocking.take(owner.schema(), alter.name().last(), RelationLockMode.SHARE_UPDATE_EXCLUSIVE);
        if (alter.action() instanceof io.basalt.sql.ast.AlterIndexStatement.RenameTo rename) {
            TableLocking.take(owner.schema(), rename.name(), RelationLockMode.SHARE_UPDATE_EXCLUSIVE);
        }
    }

    /**
     * ALTER TABLE: the strongest mode its actions need, as PostgreSQL 15 grades them (VALIDATE CONSTRAINT and SET /
     * RESET of storage parameters SHARE UPDATE EXCLUSIVE, ADD FOREIGN KEY SHARE ROW EXCLUSIVE, the rest ACCESS
     * EXCLUSIVE); a new foreign key also
     * takes SHARE ROW EXCLUSIVE on the table it references, and RENAME TO takes ACCESS EXCLUSIVE under the new name
     * too, which other sessions see at once.
     */
    private static void alterTable(Catalog catalog, AlterTableStatement alter) {
        RelationLockMode mode = RelationLockMode.ACCESS_SHARE;
        for (io.basalt.sql.ast.AlterTableAction action : alter.actions()) {
            RelationLockMode needed = switch (action) {
                case io.basalt.sql.ast.AlterTableAction.ValidateConstraint ignored ->
                        RelationLockMode.SHARE_UPDATE_EXCLUSIVE;
                case io.basalt.sql.ast.AlterTableAction.SetStorageParameters ignored ->
                        RelationLockMode.SHARE_UPDATE_EXCLUSIVE;
                case io.basalt.sql.ast.AlterTableAction.PhysicalSetting setting -> PhysicalSettings.lockMode(setting);
                case io.basalt.sql.ast.AlterTableAction.AddConstraint add
                        when add.constraint() instanceof io.basalt.sql.ast.TableConstraint.ForeignKey ->
                        RelationLockMode.SHARE_ROW_EXCLUSIVE;
                default -> RelationLockMode.ACCESS_EXCLUSIVE;
            };
            if (needed.ordinal() > mode.ordinal()) {
                mode = needed;
            }
        }
        Relation relation = relation(catalog, alter.name());
        if (relation == null) {
            return;
        }
        TableLocking.take(relation.schema(), relation.name(), mode);
        for (io.basalt.sql.ast.AlterTableAction action : alter.actions()) {
            if (action instanceof io.basalt.sql.ast.AlterTableAction.AddConstraint add
                    && add.constraint() instanceof io.basalt.sql.ast.TableConstraint.ForeignKey key) {
                lock(catalog, key.table(), RelationLockMode.SHARE_ROW_EXCLUSIVE);
            } else if (action instanceof io.basalt.sql.ast.AlterTableAction.RenameTable rename) {
                TableLocking.take(relation.schema(), rename.to(), RelationLockMode.ACCESS_EXCLUSIVE);
            } else if (action instanceof io.basalt.sql.ast.AlterTableAction.PhysicalSetting setting
                    && setting.setting() == io.basalt.sql.ast.AlterTableAction.PhysicalSetting.Setting.CLUSTER_ON) {
                // PostgreSQL locks the index it marks as well
                TableLocking.take(relation.schema(), setting.value(), RelationLockMode.SHARE_UPDATE_EXCLUSIVE);
            }
        }
    }

    /**
     * LOCK TABLE: takes {@code mode} on each of {@code names} (that exist), failing at once with 55P03 when
     * {@code nowait} is set and another transaction holds a conflicting lock.
     */
    static void lockTables(Catalog catalog, List<QualifiedName> names, RelationLockMode mode, boolean nowait) {
        if (!TableLocking.CURRENT.isBound()) {
            return;
        }
        for (QualifiedName name : names) {
            Relation relation = relation(catalog, name);
            if (relation != null) {
                TableLocking.CURRENT.get().lock(relation.schema(), relation.name(), mode, nowait);
            }
        }
    }

    private static void lockAll(Catalog catalog, List<QualifiedName> names, RelationLockMode mode) {
        for (QualifiedName name : names) {
            lock(catalog, name, mode);
        }
    }

    private static void lock(Catalog catalog, QualifiedName name, RelationLockMode mode) {
        if (name == null) {
            return;
        }
        Relation relation = relation(catalog, name);
        if (relation != null) {
            TableLocking.take(relation.schema(), relation.name(), mode);
        }
    }

    /** A table or view as its lock is keyed. */
    private record Relation(String schema, String name) {
    }

    /** The table or view {@code name} resolves to, or null. */
    private static Relation relation(Catalog catalog, QualifiedName name) {
        String schema = schemaOf(name);
        if (schema != null && !catalog.schemaExists(schema)) {
            return null;
        }
        TableEntry table = catalog.findTable(schema, name.last()).orElse(null);
        if (table != null) {
            return new Relation(table.schema(), table.name());
        }
        ViewEntry view = catalog.findView(schema, name.last()).orElse(null);
        return view == null ? null : new Relation(view.schema(), view.name());
    }

    private static String schemaOf(QualifiedName name) {
        List<String> parts = name.parts();
        return parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
    }
}
