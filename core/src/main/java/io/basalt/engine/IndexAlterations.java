package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.IndexEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.AlterIndexStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.storage.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * ALTER INDEX of an index made by CREATE INDEX ({@link AlterTableTargets} hands the other kinds of relation to
 * their own statements). RENAME TO gives the index its new name in the catalog and in the structures the table's
 * store keeps for it (a unique key, an inverted or an expression index); it is logged as written for a permanent
 * table and undone by ROLLBACK of the transaction block it ran in (the undo is logged too). ALTER COLUMN ... SET
 * STATISTICS checks the column as PostgreSQL does (only an expression column of an index has statistics of its
 * own) and accepts the target; Basalt's ANALYZE samples every column fully, so the target is not kept.
 */
final class IndexAlterations {
    /** PostgreSQL's largest statistics target: a larger one is lowered to it with a warning. */
    private static final int MAX_STATISTICS_TARGET = 10000;

    private final Catalog catalog;
    private final Consumer<String> log;

    IndexAlterations(Catalog catalog, Consumer<String> log) {
        this.catalog = catalog;
        this.log = log;
    }

    QueryResultImpl run(AlterIndexStatement alter, BindContext context, String sql, Transaction block,
                        Object ddlLock) {
        List<String> parts = alter.name().parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (schema != null && !catalog.schemaExists(schema)) {
            throw BasaltException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist");
        }
        TableEntry owner = catalog.findIndexOwner(schema, alter.name().last()).orElse(null);
        IndexEntry index = owner == null ? null : AlterTableTargets.index(owner, alter.name().last());
        if (index == null) {
            if (alter.ifExists()) {
                return QueryResultImpl.command("ALTER INDEX", 0, List.of("relation \"" + alter.name().last()
                        + "\" does not exist, skipping"));
            }
            throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + alter.name() + "\" does not exist");
        }
        return switch (alter.action()) {
            case AlterIndexStatement.RenameTo rename -> {
                if (catalog.relationExists(owner.schema(), rename.name())) {
                    throw BasaltException.of(SqlState.DUPLICATE_TABLE,
                            "relation \"" + rename.name() + "\" already exists");
                }
                rename(owner, index, rename.name(), context);
                boolean permanent = !owner.schema().equals(catalog.tempSchema());
                if (permanent) {
                    log.accept(sql);
                }
                if (block != null) {
                    String tableSchema = owner.schema();
                    String tableName = owner.name();
                    String from = index.name();
                    String to = rename.name();
                    block.onRollback(() -> {
                        synchronized (ddlLock) {
                            TableEntry table = catalog.findTable(tableSchema, tableName).orElse(null);
                            IndexEntry renamed = table == null ? null : AlterTableTargets.index(table, to);
                            if (renamed == null || catalog.relationExists(tableSchema, from)) {
                                return;
                            }
                            rename(table, renamed, from, context);
                            if (permanent) {
                                log.accept("ALTER INDEX " + IdentifierQuoting.quote(tableSchema) + "."
                                        + IdentifierQuoting.quote(to) + " RENAME TO " + IdentifierQuoting.quote(from));
                            }
                        }
                    });
                }
                yield QueryResultImpl.command("ALTER INDEX", 0, List.of());
            }
            case AlterIndexStatement.SetStatistics set -> setStatistics(owner, index, set);
        };
    }

    /** Renames {@code index} of {@code owner} to {@code to} in the catalog and in the table's store. */
    private void rename(TableEntry owner, IndexEntry index, String to, BindContext context) {
        IndexEntry renamed = new IndexEntry(to, index.unique(), index.columns(), index.predicate(), index.method(),
                index.expressions(), index.operatorClasses());
        owner.store().removeUniqueKey(index.name());
        owner.store().removeInvertedIndex(index.name());
        owner.store().removeExpressionIndex(index.name());
        if (renamed.enforced()) {
            owner.store().createUniqueKey(DdlExecutor.uniqueKeyIndex(renamed, owner.name(), owner.columns(), context));
        }
        InvertedIndexDefinitions.attach(renamed, owner.columns(), owner.store());
        ExpressionIndexDefinitions.attach(renamed, owner.name(), owner.columns(), owner.store(), context);
        List<IndexEntry> indexes = new ArrayList<>(owner.indexes());
        indexes.set(indexes.indexOf(index), renamed);
        catalog.replaceTable(owner, owner.withIndexes(indexes));
    }

    private QueryResultImpl setStatistics(TableEntry owner, IndexEntry index, AlterIndexStatement.SetStatistics set) {
        int number = set.number();
        if (number == 0) {
            number = columnNames(owner, index).indexOf(set.name()) + 1;
            if (number == 0) {
                throw BasaltException.of(SqlState.UNDEFINED_COLUMN, "column \"" + set.name() + "\" of relation \""
                        + index.name() + "\" does not exist");
            }
        }
        if (number > index.columns().size()) {
            throw BasaltException.of(SqlState.UNDEFINED_COLUMN, "column number " + number + " of relation \""
                    + index.name() + "\" does not exist");
        }
        int column = index.columns().get(number - 1);
        if (column >= 0) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot alter statistics on non-expression "
                            + "column \"" + owner.columns().get(column).name() + "\" of index \"" + index.name() + "\"")
                    .withHint("Alter statistics on table column instead.");
        }
        if (set.target() < -1) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "statistics target " + set.target()
                    + " is too low");
        }
        if (set.target() > MAX_STATISTICS_TARGET) {
            return QueryResultImpl.commandWithWarning("ALTER INDEX", "lowering statistics target to "
                    + MAX_STATISTICS_TARGET);
        }
        return QueryResultImpl.command("ALTER INDEX", 0, List.of());
    }

    /**
     * The index's column names as PostgreSQL gives them: a plain column's own name, {@code expr}, {@code expr1},
     * ... for expressions in order (a function call's expression is named after the function).
     */
    private static List<String> columnNames(TableEntry owner, IndexEntry index) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < index.columns().size(); i++) {
            int column = index.columns().get(i);
            if (column >= 0) {
                names.add(owner.columns().get(column).name());
                continue;
            }
            Expression expression = index.expressions().get(i);
            String base = expression instanceof Expression.FunctionCall call ? call.name().last() : "expr";
            String name = base;
            for (int suffix = 1; names.contains(name); suffix++) {
                name = base + suffix;
            }
            names.add(name);
        }
        return names;
    }

    /** The table owning the index {@code name}, for the privilege check, or null. */
    static TableEntry owner(Catalog catalog, QualifiedName name) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (schema != null && !catalog.schemaExists(schema)) {
            return null;
        }
        return catalog.findIndexOwner(schema, name.last()).orElse(null);
    }
}
