package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.TableHierarchy;
import io.basalt.sql.ast.AlterTableAction;
import io.basalt.sql.ast.AlterTableStatement;
import io.basalt.sql.ast.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The part of an ALTER TABLE that PostgreSQL applies to the table's inheritance children and partitions too:
 * ADD COLUMN (a child that has the column already keeps it, with PostgreSQL's notice), DROP COLUMN, ALTER COLUMN
 * TYPE, SET / DROP DEFAULT, SET NOT NULL, ADD CHECK, RENAME COLUMN and SET / DROP EXPRESSION (not under ONLY,
 * see {@link GeneratedExpressionInheritance}) go down the hierarchy, each child altered as
 * the statement alters its parent. The children's changes are not logged: replaying the parent's statement makes
 * them again.
 */
final class InheritedAlterations {
    private InheritedAlterations() {
    }

    /**
     * The statements to run on the children of the statement's table, in hierarchy order, with the notices they
     * print; empty when nothing goes down.
     */
    static List<AlterTableStatement> forChildren(AlterTableStatement statement, Catalog catalog, List<String> notices) {
        List<String> parts = statement.name().parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        TableEntry table = catalog.findTable(schema, statement.name().last()).orElse(null);
        List<AlterTableStatement> statements = new ArrayList<>();
        if (table == null) {
            return statements;
        }
        GeneratedExpressionInheritance.check(statement, table, catalog);
        if (statement.only()) {
            return statements;
        }
        collect(table, statement.actions(), catalog, notices, statements, new java.util.HashSet<>());
        return statements;
    }

    /**
     * A column being added that a child has already must have its type there (42804, PostgreSQL's message), else the
     * hierarchy would hold one column of two types.
     */
    private static void requireSameType(TableEntry child, io.basalt.sql.ast.ColumnDefinition column) {
        io.basalt.type.LogicalType type;
        try {
            type = SequenceColumns.isSerial(column.type()) ? SequenceColumns.serialType(column.type())
                    : io.basalt.binder.TypeNames.resolve(column.type());
        } catch (io.basalt.error.BasaltException unresolved) {
            return; // the parent's own ADD COLUMN reports it
        }
        if (!child.columns().get(child.columnIndex(column.name())).type().equals(type)) {
            throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.DATATYPE_MISMATCH, "child table \""
                    + child.name() + "\" has different type for column \"" + column.name() + "\"");
        }
    }

    /**
     * Adds the statements for {@code parent}'s children and their descendants. A table that inherits from two tables
     * of the hierarchy (a diamond) is altered once, where the walk first reaches it, as PostgreSQL alters each
     * descendant once; reached again, a column being added is merged into the one it has already got, with
     * PostgreSQL's notice.
     */
    private static void collect(TableEntry parent, List<AlterTableAction> actions, Catalog catalog,
                                List<String> notices, List<AlterTableStatement> into,
                                java.util.Set<List<String>> reached) {
        for (TableHierarchy.Link link : catalog.hierarchy().children(parent.schema(), parent.name())) {
            TableEntry child = catalog.findTable(link.childSchema(), link.childName()).orElse(null);
            if (child == null) {
                continue;
            }
            if (!reached.add(List.of(child.schema(), child.name()))) {
                for (AlterTableAction action : actions) {
                    if (action instanceof AlterTableAction.AddColumn add) {
                        notices.add("merging definition of column \"" + add.column().name() + "\" for child \""
                                + child.name() + "\"");
                    }
                }
                continue;
            }
            List<AlterTableAction> inherited = new ArrayList<>();
            // a column an earlier action of the statement drops is gone when a later one adds it again
            java.util.Set<String> dropped = new java.util.HashSet<>();
            for (AlterTableAction action : actions) {
                AlterTableAction down = switch (action) {
                    case AlterTableAction.AddColumn add -> {
                        for (io.basalt.sql.ast.ColumnConstraint constraint : add.column().constraints()) {
                            if (constraint instanceof io.basalt.sql.ast.ColumnConstraint.Identity) {
                                throw io.basalt.error.BasaltException.of(
                                        io.basalt.error.SqlState.INVALID_TABLE_DEFINITION,
                                        "cannot recursively add identity column to table that has child tables");
                            }
                        }
                        if (child.columnIndex(add.column().name()) >= 0 && !dropped.contains(add.column().name())) {
                            requireSameType(child, add.column());
                            notices.add("merging definition of column \"" + add.column().name() + "\" for child \""
                                    + child.name() + "\"");
                            yield null;
                        }
                        yield add;
                    }
                    case AlterTableAction.DropColumn drop -> {
                        if (child.columnIndex(drop.column()) < 0) {
                            yield null;
                        }
                        dropped.add(drop.column());
                        yield drop;
                    }
                    case AlterTableAction.AlterColumnType change -> change;
                    case AlterTableAction.SetDefault set -> set;
                    case AlterTableAction.SetNotNull set -> set.notNull() || link.isPartition() ? set : null;
                    case AlterTableAction.AddConstraint add
                            when add.constraint() instanceof io.basalt.sql.ast.TableConstraint.Check check
                            && !check.noInherit() -> {
                        if (check.name() != null && hasCheck(child, check.name())) {
                            // as at CREATE TABLE (TableInheritance.mergeNamedChecks): the child's own is kept
                            notices.add("merging constraint \"" + check.name() + "\" with inherited definition");
                            yield null;
                        }
                        yield add;
                    }
                    case AlterTableAction.RenameColumn rename -> rename;
                    case AlterTableAction.SetExpression set -> child.columnIndex(set.column()) >= 0 ? set : null;
                    case AlterTableAction.DropExpression drop -> child.columnIndex(drop.column()) >= 0 ? drop : null;
                    default -> null;
                };
                if (down != null) {
                    inherited.add(down);
                }
            }
            if (inherited.isEmpty()) {
                continue;
            }
            into.add(new AlterTableStatement(new QualifiedName(List.of(child.schema(), child.name()), 0), false,
                    inherited, 0));
            collect(child, inherited, catalog, notices, into, reached);
        }
    }

    /** The names of the CHECK constraints of the table {@code statement} alters (empty when it is not found). */
    static List<String> checkNames(AlterTableStatement statement, Catalog catalog) {
        List<String> names = new ArrayList<>();
        TableEntry table = target(statement, catalog);
        if (table != null) {
            for (io.basalt.catalog.CheckConstraintEntry check : table.checks()) {
                names.add(check.name());
            }
        }
        return names;
    }

    private static TableEntry target(AlterTableStatement statement, Catalog catalog) {
        List<String> parts = statement.name().parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        return catalog.findTable(schema, statement.name().last()).orElse(null);
    }

    /**
     * {@code children} with an unnamed CHECK that {@code parent} added (its only one) named as the parent's is named
     * now (the parent's CHECK names before it ran are {@code before}): PostgreSQL gives the children's copies the
     * parent's constraint's name, not names of their own.
     */
    static List<AlterTableStatement> withParentCheckName(List<AlterTableStatement> children,
                                                         AlterTableStatement parent, List<String> before,
                                                         Catalog catalog) {
        int unnamed = 0;
        for (AlterTableAction action : parent.actions()) {
            if (action instanceof AlterTableAction.AddConstraint add
                    && add.constraint() instanceof io.basalt.sql.ast.TableConstraint.Check check && check.name() == null) {
                unnamed++;
            }
        }
        List<String> added = checkNames(parent, catalog);
        added.removeAll(before);
        if (unnamed != 1 || added.size() != 1 || children.isEmpty()) {
            return children;
        }
        List<AlterTableStatement> named = new ArrayList<>();
        for (AlterTableStatement child : children) {
            List<AlterTableAction> actions = new ArrayList<>();
            for (AlterTableAction action : child.actions()) {
                if (action instanceof AlterTableAction.AddConstraint add
                        && add.constraint() instanceof io.basalt.sql.ast.TableConstraint.Check check
                        && check.name() == null) {
                    action = new AlterTableAction.AddConstraint(new io.basalt.sql.ast.TableConstraint.Check(
                            added.getFirst(), check.condition(), check.position(), check.noInherit(),
                            check.notEnforced()), add.notValid(), add.position());
                }
                actions.add(action);
            }
            named.add(new AlterTableStatement(child.name(), child.ifExists(), actions, child.position(), child.only()));
        }
        return named;
    }

    private static boolean hasCheck(TableEntry table, String name) {
        for (io.basalt.catalog.CheckConstraintEntry check : table.checks()) {
            if (check.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code statements} (see {@link #forChildren}) with {@code run}, adding their notices to {@code notices}. */
    static void run(List<AlterTableStatement> statements, Function<AlterTableStatement, QueryResultImpl> run,
                    List<String> notices) {
        for (AlterTableStatement statement : statements) {
            QueryResultImpl result;
            try {
                result = run.apply(statement);
            } catch (io.basalt.error.BasaltException e) {
                if (e.sqlState() != io.basalt.error.SqlState.DEPENDENT_OBJECTS_STILL_EXIST
                        || !e.getMessage().startsWith("cannot drop ")) {
                    throw e;
                }
                // PostgreSQL drops the columns of the whole hierarchy as one set of objects, and says so
                io.basalt.error.BasaltException reworded = io.basalt.error.BasaltException.of(e.sqlState(),
                        "cannot drop desired object(s) because other objects depend on them").withDetail(e.detail());
                throw e.hint() == null ? reworded : reworded.withHint(e.hint());
            }
            notices.addAll(result.notices());
            result.close();
        }
    }
}
