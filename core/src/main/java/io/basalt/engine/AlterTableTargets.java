package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.IndexEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.AlterIndexStatement;
import io.basalt.sql.ast.AlterSequenceStatement;
import io.basalt.sql.ast.AlterTableAction;
import io.basalt.sql.ast.AlterTableStatement;
import io.basalt.sql.ast.AlterViewStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Statement;
import java.util.List;

/**
 * PostgreSQL lets ALTER TABLE and ALTER INDEX name a relation of another kind: ALTER TABLE renames an index or a
 * view (and sets a view column's default), renames or moves a materialized view or a sequence (and renames a
 * materialized view's column), ALTER INDEX renames a table, a view or a sequence, and renaming the index of a
 * UNIQUE or PRIMARY KEY constraint renames the constraint with it. This class turns such a statement into the one
 * that does the work for the relation's real kind, and refuses, with PostgreSQL's 42809 and wording, an ALTER
 * TABLE action a view cannot take. A statement that names its own kind of relation (or nothing) is left as it is.
 */
final class AlterTableTargets {
    private AlterTableTargets() {
    }

    /** The statement that carries out {@code statement} for the relation it names: itself unless redirected. */
    static Statement redirect(Catalog catalog, Statement statement) {
        Statement redirected = switch (statement) {
            case AlterTableStatement alter -> redirect(catalog, alter);
            case AlterIndexStatement alter -> redirect(catalog, alter);
            default -> null;
        };
        return redirected == null ? statement : redirected;
    }

    /**
     * The statement that carries out {@code alter} when it names an index or a view, or null when it names a table
     * or nothing (ALTER TABLE then reports that itself).
     */
    static Statement redirect(Catalog catalog, AlterTableStatement alter) {
        String schema = schemaOf(alter.name());
        if (schema != null && !catalog.schemaExists(schema)) {
            return null;
        }
        if (catalog.findTable(schema, alter.name().last()).isPresent()) {
            return null;
        }
        List<AlterTableAction> actions = alter.actions();
        ViewEntry view = catalog.findView(schema, alter.name().last()).orElse(null);
        if (view != null && !view.materialized()) {
            if (actions.size() == 1) {
                switch (actions.getFirst()) {
                    case AlterTableAction.RenameTable rename -> {
                        return new AlterViewStatement(alter.name(), alter.ifExists(),
                                new AlterViewStatement.RenameTo(rename.to()), alter.position());
                    }
                    case AlterTableAction.RenameColumn rename -> {
                        return new AlterViewStatement(alter.name(), alter.ifExists(),
                                new AlterViewStatement.RenameColumn(rename.from(), rename.to()), alter.position());
                    }
                    case AlterTableAction.SetSchema move -> {
                        return new AlterViewStatement(alter.name(), alter.ifExists(),
                                new AlterViewStatement.SetSchema(move.schema()), alter.position());
                    }
                    case AlterTableAction.SetDefault set -> {
                        return new AlterViewStatement(alter.name(), alter.ifExists(),
                                new AlterViewStatement.SetDefault(set.column(), set.expression()), alter.position());
                    }
                    default -> {
                    }
                }
            }
            for (AlterTableAction action : actions) {
                String name = viewRefused(action);
                if (name != null) {
                    throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "ALTER action " + name
                            + " cannot be performed on relation \"" + view.name() + "\"")
                            .withDetail("This operation is not supported for views.");
                }
            }
            return null;
        }
        if (view != null && actions.size() == 1) {
            AlterViewStatement.Action action = switch (actions.getFirst()) {
                case AlterTableAction.RenameTable rename -> new AlterViewStatement.RenameTo(rename.to());
                case AlterTableAction.RenameColumn rename ->
                        new AlterViewStatement.RenameColumn(rename.from(), rename.to());
                case AlterTableAction.SetSchema move -> new AlterViewStatement.SetSchema(move.schema());
                default -> null;
            };
            if (action != null) {
                return new AlterViewStatement(alter.name(), alter.ifExists(), action, true, alter.position());
            }
        }
        if (view == null && actions.size() == 1 && catalog.findSequence(schema, alter.name().last()).isPresent()) {
            AlterSequenceStatement.Action action = switch (actions.getFirst()) {
                case AlterTableAction.RenameTable rename -> new AlterSequenceStatement.RenameTo(rename.to());
                case AlterTableAction.SetSchema move -> new AlterSequenceStatement.SetSchema(move.schema());
                case AlterTableAction.PhysicalSetting set
                        when set.setting() == AlterTableAction.PhysicalSetting.Setting.LOGGED
                        || set.setting() == AlterTableAction.PhysicalSetting.Setting.UNLOGGED ->
                        new AlterSequenceStatement.SetLogged(
                                set.setting() == AlterTableAction.PhysicalSetting.Setting.LOGGED);
                default -> null;
            };
            if (action != null) {
                return new AlterSequenceStatement(alter.name(), alter.ifExists(), List.of(), action,
                        alter.position());
            }
        }
        if (actions.size() == 1 && actions.getFirst() instanceof AlterTableAction.RenameTable rename
                && catalog.findIndexOwner(schema, alter.name().last()).isPresent()) {
            return new AlterIndexStatement(alter.name(), alter.ifExists(),
                    new AlterIndexStatement.RenameTo(rename.to()), alter.position());
        }
        return null;
    }

    /**
     * The statement that carries out {@code alter} when it renames a table, a view or the index of a constraint,
     * or null when it is for an index made by CREATE INDEX (or names nothing).
     */
    static Statement redirect(Catalog catalog, AlterIndexStatement alter) {
        String schema = schemaOf(alter.name());
        if (schema != null && !catalog.schemaExists(schema)) {
            return null;
        }
        String name = alter.name().last();
        TableEntry owner = catalog.findIndexOwner(schema, name).orElse(null);
        if (owner != null) {
            if (alter.action() instanceof AlterIndexStatement.RenameTo rename) {
                for (UniqueConstraintEntry key : owner.uniqueKeys()) {
                    if (key.name().equals(name)) {
                        return new AlterTableStatement(new QualifiedName(List.of(owner.schema(), owner.name()), 0),
                                false, List.of(new AlterTableAction.RenameConstraint(name, rename.name(), 0)),
                                alter.position());
                    }
                }
            }
            return null;
        }
        boolean table = catalog.findTable(schema, name).isPresent();
        ViewEntry view = table ? null : catalog.findView(schema, name).orElse(null);
        boolean sequence = !table && view == null && catalog.findSequence(schema, name).isPresent();
        if (!table && view == null && !sequence) {
            return null;
        }
        if (!(alter.action() instanceof AlterIndexStatement.RenameTo rename)) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not an index");
        }
        if (table) {
            return new AlterTableStatement(alter.name(), alter.ifExists(),
                    List.of(new AlterTableAction.RenameTable(rename.name(), 0)), alter.position());
        }
        if (sequence) {
            return new AlterSequenceStatement(alter.name(), alter.ifExists(), List.of(),
                    new AlterSequenceStatement.RenameTo(rename.name()), alter.position());
        }
        return new AlterViewStatement(alter.name(), alter.ifExists(), new AlterViewStatement.RenameTo(rename.name()),
                view.materialized(), alter.position());
    }

    /** PostgreSQL's name of an ALTER TABLE action a view cannot take, or null when it can (or is not checked). */
    private static String viewRefused(AlterTableAction action) {
        return switch (action) {
            case AlterTableAction.AddColumn ignored -> "ADD COLUMN";
            case AlterTableAction.DropColumn ignored -> "DROP COLUMN";
            case AlterTableAction.AlterColumnType ignored -> "ALTER COLUMN ... SET DATA TYPE";
            case AlterTableAction.SetNotNull set -> set.notNull() ? "ALTER COLUMN ... SET NOT NULL"
                    : "ALTER COLUMN ... DROP NOT NULL";
            default -> null;
        };
    }

    /** The index {@code name} of {@code owner} made by CREATE INDEX, or null. */
    static IndexEntry index(TableEntry owner, String name) {
        for (IndexEntry index : owner.indexes()) {
            if (index.name().equals(name)) {
                return index;
            }
        }
        return null;
    }

    private static String schemaOf(QualifiedName name) {
        List<String> parts = name.parts();
        return parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
    }
}
