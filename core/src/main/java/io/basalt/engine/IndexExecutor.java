package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.IndexExpressions;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ForeignKeyEntry;
import io.basalt.catalog.IndexEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.CreateIndexStatement;
import io.basalt.sql.ast.DropIndexStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CREATE INDEX and DROP INDEX. An index is a relation of its table's schema, named as given or as PostgreSQL
 * names it ({@code t_a_b_idx}, {@code t_lower_idx} for a function, {@code expr} for another expression,
 * numbered past relations that exist). A UNIQUE index over plain columns is enforced: the rows already stored
 * are checked (23505 {@code could not create unique index}), every later change is checked by the store, and a
 * foreign key may reference it unless it has a WHERE predicate: a partial unique index checks only the rows its
 * predicate is true for, and one over expressions checks the values computed for each row. A gin index over jsonb
 * columns is kept by the store as an inverted index that scans read through ({@link InvertedIndexDefinitions}), a
 * btree index whose first key is an expression as an ordered index of that key ({@link ExpressionIndexDefinitions}).
 * Other indexes are recorded in the catalog with what they cover; no plan reads them yet.
 */
final class IndexExecutor {
    private static final Set<String> METHODS = Set.of("btree", "hash", "gist", "gin", "spgist", "brin");

    private final Catalog catalog;
    /** The schema and name of the index the last {@link #create} made (null when it made none). */
    private QualifiedName lastCreated;

    IndexExecutor(Catalog catalog) {
        this.catalog = catalog;
        this.materializedViews = new MaterializedViewIndexes(catalog);
    }

    private final MaterializedViewIndexes materializedViews;

    /** Whether {@code create} indexes a temporary table (its DDL is not logged). */
    boolean onTemporaryTable(CreateIndexStatement create) {
        if (catalog.findTable(schemaOf(create.table()), create.table().last()).isEmpty()
                && materializedViews.find(create.table()) != null) {
            return false;
        }
        return findTable(create.table()).schema().equals(catalog.tempSchema());
    }

    QueryResultImpl create(CreateIndexStatement create, BindContext context) {
        lastCreated = null;
        io.basalt.catalog.ViewEntry materialized = catalog.findTable(schemaOf(create.table()),
                create.table().last()).isEmpty() ? materializedViews.find(create.table()) : null;
        if (materialized != null) {
            QueryResultImpl result = materializedViews.create(create, materialized, context);
            io.basalt.catalog.ViewEntry indexed = catalog.findView(materialized.schema(), materialized.name())
                    .orElseThrow();
            if (indexed.indexes().size() > materialized.indexes().size()) {
                lastCreated = new QualifiedName(List.of(indexed.schema(), indexed.indexes().getLast().name()), 0);
            }
            return result;
        }
        TableEntry table = findTable(create.table());
        QueryResultImpl skipped = checkNewIndex(catalog, table.schema(), create);
        if (skipped != null) {
            return skipped;
        }
        List<Integer> columns = new ArrayList<>();
        List<Expression> expressions = new ArrayList<>();
        List<String> nameParts = new ArrayList<>();
        List<String> operatorClasses = new ArrayList<>();
        for (CreateIndexStatement.Element element : create.elements()) {
            operatorClasses.add(element.operatorClass());
            if (element.column() != null) {
                int index = table.columnIndex(element.column());
                if (index < 0) {
                    throw BasaltException.of(SqlState.UNDEFINED_COLUMN,
                            "column \"" + element.column() + "\" does not exist");
                }
                columns.add(index);
                expressions.add(null);
                nameParts.add(element.column());
                if (create.method().equals("gin")) {
                    InvertedIndexDefinitions.check(table.columns().get(index).type(), element.operatorClass());
                }
            } else {
                io.basalt.plan.expression.BoundExpression key = IndexExpressions.bindKey(element.expression(),
                        table.name(), table.columns(), context);
                if (create.method().equals("gin")) {
                    InvertedIndexDefinitions.check(key.type(), element.operatorClass());
                }
                columns.add(-1);
                expressions.add(element.expression());
                nameParts.add(element.expression() instanceof Expression.FunctionCall call
                        ? call.name().last() : "expr");
            }
        }
        for (String included : create.include()) {
            if (table.columnIndex(included) < 0) {
                throw BasaltException.of(SqlState.UNDEFINED_COLUMN, "column \"" + included + "\" does not exist");
            }
        }
        if (create.where() != null) {
            IndexExpressions.bindPredicate(create.where(), table.name(), table.columns(), context);
        }
        IndexEntry index = new IndexEntry(create.name() == null ? chooseName(table, nameParts) : create.name(),
                create.unique(), columns, create.where(), create.method(), expressions, operatorClasses);
        if (create.unique()) {
            if (create.nullsNotDistinct()) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "UNIQUE NULLS NOT DISTINCT is not supported yet");
            }
            table.store().createUniqueKey(DdlExecutor.uniqueKeyIndex(index, table.name(), table.columns(), context));
        }
        InvertedIndexDefinitions.attach(index, table.columns(), table.store());
        ExpressionIndexDefinitions.attach(index, table.name(), table.columns(), table.store(), context);
        List<IndexEntry> indexes = new ArrayList<>(table.indexes());
        indexes.add(index);
        catalog.replaceTable(table, table.withIndexes(indexes));
        QualifiedName created = new QualifiedName(List.of(table.schema(), index.name()), 0);
        List<QualifiedName> made = new ArrayList<>();
        try {
            for (TableEntry partition : partitions(table)) {
                // as PostgreSQL's: each partition gets the index (a partitioned one recursively), or keeps its own
                if (matching(index, table, partition) == null) {
                    create(new CreateIndexStatement(null, new QualifiedName(List.of(partition.schema(),
                            partition.name()), 0), create.unique(), false, create.method(), create.elements(),
                            create.include(), create.nullsNotDistinct(), create.where(), create.position()), context);
                    made.add(lastCreated);
                }
            }
        } catch (BasaltException failed) {
            // one partition's rows break the index: the statement leaves no index anywhere
            dropMade(made);
            removeIndex(catalog.findTable(table.schema(), table.name()).orElseThrow(), index.name());
            lastCreated = null;
            throw failed;
        }
        lastCreated = created;
        return QueryResultImpl.command("CREATE INDEX", 0, List.of());
    }

    /**
     * Makes the indexes of the partitioned table {@code parent} on its new partition {@code partition} (ATTACH
     * PARTITION, CREATE TABLE ... PARTITION OF), as PostgreSQL does: an index of the partition with the same
     * definition is kept instead. Its PRIMARY KEY and UNIQUE constraints likewise (a partition made by PARTITION OF
     * has them already; one attached gets each it does not enforce by a constraint or plain unique index over the
     * same columns). When one cannot be made (a unique key the partition's rows break), the ones made are dropped
     * again and the statement fails.
     */
    void createOnPartition(TableEntry parent, TableEntry partition, BindContext context) {
        List<QualifiedName> made = new ArrayList<>();
        List<String> madeKeys = new ArrayList<>();
        try {
            for (IndexEntry index : parent.indexes()) {
                TableEntry current = catalog.findTable(partition.schema(), partition.name()).orElseThrow();
                if (matching(index, parent, current) == null) {
                    create(statementFor(index, parent, current), context);
                    made.add(lastCreated);
                }
            }
            for (io.basalt.catalog.UniqueConstraintEntry key : parent.uniqueKeys()) {
                TableEntry current = catalog.findTable(partition.schema(), partition.name()).orElseThrow();
                if (!key.exclusion() && !enforcesKey(current, names(parent, key.columns()))) {
                    addKey(key, parent, current);
                    madeKeys.add(keyName(key, parent, current));
                }
            }
        } catch (BasaltException failed) {
            TableEntry current = catalog.findTable(partition.schema(), partition.name()).orElseThrow();
            List<io.basalt.catalog.UniqueConstraintEntry> keys = new ArrayList<>(current.uniqueKeys());
            keys.removeIf(key -> madeKeys.contains(key.name()));
            madeKeys.forEach(current.store()::removeUniqueKey);
            catalog.replaceTable(current, current.withUniqueKeys(keys));
            dropMade(made);
            throw failed;
        }
        lastCreated = null;
    }

    /**
     * Makes {@code parent}'s PRIMARY KEY or UNIQUE constraint {@code key} on its new partition {@code partition},
     * named as PostgreSQL names it there; 23505 when the partition's rows break it.
     */
    private void addKey(io.basalt.catalog.UniqueConstraintEntry key, TableEntry parent, TableEntry partition) {
        List<Integer> columns = new ArrayList<>();
        for (String name : names(parent, key.columns())) {
            columns.add(partition.columnIndex(name));
        }
        io.basalt.catalog.UniqueConstraintEntry own = key.renamed(keyName(key, parent, partition), columns);
        partition.store().createUniqueKey(DdlExecutor.uniqueKeyIndex(own, partition.name(), partition.columns()));
        List<io.basalt.catalog.UniqueConstraintEntry> keys = new ArrayList<>(partition.uniqueKeys());
        keys.add(own);
        catalog.replaceTable(partition, partition.withUniqueKeys(keys));
    }

    /** Whether {@code table} has a unique constraint, or a plain unique index, over the columns named {@code key}. */
    private static boolean enforcesKey(TableEntry table, List<String> key) {
        for (io.basalt.catalog.UniqueConstraintEntry own : table.uniqueKeys()) {
            if (names(table, own.columns()).equals(key)) {
                return true;
            }
        }
        for (IndexEntry own : table.indexes()) {
            if (own.enforced() && !own.partial() && !own.overExpressions() && names(table, own.columns()).equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** The name PostgreSQL gives a partition's copy of {@code parent}'s key: {@code p_pkey}, {@code p_a_b_key}. */
    private static String keyName(io.basalt.catalog.UniqueConstraintEntry key, TableEntry parent,
                                  TableEntry partition) {
        return key.primaryKey() ? partition.name() + "_pkey"
                : partition.name() + "_" + String.join("_", names(parent, key.columns())) + "_key";
    }

    private static List<String> names(TableEntry table, List<Integer> columns) {
        List<String> names = new ArrayList<>();
        for (int column : columns) {
            names.add(column < 0 ? null : table.columns().get(column).name());
        }
        return names;
    }

    /**
     * What ROLLBACK runs to undo {@code drop} (before it runs): makes each index of a table it names again, with
     * its name and definition (an index of a partitioned table again on every partition).
     */
    Runnable restorer(DropIndexStatement drop, BindContext context) {
        List<CreateIndexStatement> creates = new ArrayList<>();
        for (QualifiedName name : drop.names()) {
            String schema = schemaOf(name);
            if (schema != null && !catalog.schemaExists(schema)) {
                continue;
            }
            TableEntry owner = catalog.findIndexOwner(schema, name.last()).orElse(null);
            if (owner == null) {
                continue;
            }
            for (IndexEntry index : owner.indexes()) {
                if (index.name().equals(name.last())) {
                    addRestore(index, owner, creates);
                }
            }
        }
        return () -> {
            for (CreateIndexStatement create : creates) {
                create(create, context);
            }
        };
    }

    /**
     * Adds the CREATE INDEX statements that make {@code index} of {@code owner} again with its name: its partitions'
     * indexes first (by their own names, deepest first), so that the parent's takes them as they were.
     */
    private void addRestore(IndexEntry index, TableEntry owner, List<CreateIndexStatement> creates) {
        for (TableEntry partition : partitions(owner)) {
            IndexEntry attached = matching(index, owner, partition);
            if (attached != null) {
                addRestore(attached, partition, creates);
            }
        }
        CreateIndexStatement create = statementFor(index, owner, owner);
        creates.add(new CreateIndexStatement(index.name(), create.table(), create.unique(), false, create.method(),
                create.elements(), create.include(), false, create.where(), 0));
    }

    /** The partitions of {@code table} (none unless it is partitioned). */
    private List<TableEntry> partitions(TableEntry table) {
        List<TableEntry> partitions = new ArrayList<>();
        for (io.basalt.catalog.TableHierarchy.Link link : catalog.hierarchy().children(table.schema(), table.name())) {
            if (link.isPartition()) {
                catalog.findTable(link.childSchema(), link.childName()).ifPresent(partitions::add);
            }
        }
        return partitions;
    }

    /**
     * The index of partition {@code child} that is {@code parent}'s index {@code index} there: unique alike, the same
     * method, key columns of the same names, the same expressions and predicate; null when it has none.
     */
    private static IndexEntry matching(IndexEntry index, TableEntry parent, TableEntry child) {
        for (IndexEntry own : child.indexes()) {
            if (index.sameDefinition(parent.columnNames(), own, child.columnNames())) {
                return own;
            }
        }
        return null;
    }

    /** A CREATE INDEX that makes {@code parent}'s index {@code index} on its partition {@code partition}. */
    private static CreateIndexStatement statementFor(IndexEntry index, TableEntry parent, TableEntry partition) {
        List<CreateIndexStatement.Element> elements = new ArrayList<>();
        for (int i = 0; i < index.columns().size(); i++) {
            int column = index.columns().get(i);
            elements.add(new CreateIndexStatement.Element(column < 0 ? null : parent.columns().get(column).name(),
                    index.expressions().get(i), index.operatorClasses().get(i), false, null, 0));
        }
        return new CreateIndexStatement(null, new QualifiedName(List.of(partition.schema(), partition.name()), 0),
                index.unique(), false, index.method(), elements, List.of(), false, index.predicate(), 0);
    }

    /** Drops the indexes a failed statement made, the last first. */
    private void dropMade(List<QualifiedName> made) {
        for (int i = made.size() - 1; i >= 0; i--) {
            QualifiedName name = made.get(i);
            catalog.findIndexOwner(name.parts().getFirst(), name.last())
                    .ifPresent(owner -> dropWithPartitions(owner, name.last()));
        }
    }

    /** Drops index {@code name} of {@code owner} and the indexes of its partitions that are it there. */
    private void dropWithPartitions(TableEntry owner, String name) {
        IndexEntry index = null;
        for (IndexEntry own : owner.indexes()) {
            if (own.name().equals(name)) {
                index = own;
            }
        }
        if (index != null) {
            for (TableEntry partition : partitions(owner)) {
                IndexEntry attached = matching(index, owner, partition);
                if (attached != null) {
                    dropWithPartitions(partition, attached.name());
                }
            }
        }
        removeIndex(catalog.findTable(owner.schema(), owner.name()).orElseThrow(), name);
    }

    /** Takes index {@code name} out of {@code owner}'s catalog entry and store. */
    private void removeIndex(TableEntry owner, String name) {
        List<IndexEntry> kept = new ArrayList<>(owner.indexes());
        kept.removeIf(index -> index.name().equals(name));
        owner.store().removeUniqueKey(name);
        owner.store().removeInvertedIndex(name);
        owner.store().removeExpressionIndex(name);
        catalog.replaceTable(owner, owner.withIndexes(kept));
    }

    /**
     * Makes ROLLBACK of {@code block} (null: none open) drop the index the last {@link #create} made, logging the
     * DROP with {@code log} (for a permanent table), as PostgreSQL undoes a CREATE INDEX of a rolled-back transaction.
     */
    void dropOnRollback(io.basalt.storage.transaction.Transaction block, Object ddlLock,
                        java.util.function.Consumer<String> log) {
        QualifiedName created = lastCreated;
        if (block == null || created == null) {
            return;
        }
        block.onRollback(() -> {
            synchronized (ddlLock) {
                if (catalog.findIndexOwner(created.parts().getFirst(), created.last()).isEmpty()
                        && materializedViews.ownerOf(created) == null) {
                    return;
                }
                DropIndexStatement drop = new DropIndexStatement(List.of(created), true, true, 0);
                String logged = loggedDrop(drop);
                drop(drop);
                if (logged != null) {
                    log.accept(logged);
                }
            }
        });
    }

    /** {@code table_columns_idx}, then {@code idx1}, {@code idx2}, ... until no relation of the schema has it. */
    private String chooseName(TableEntry table, List<String> nameParts) {
        String columns = String.join("_", nameParts);
        for (int pass = 0; ; pass++) {
            String name = TableConstraints.objectName(table.name(), columns, pass == 0 ? "idx" : "idx" + pass);
            if (!catalog.relationExists(table.schema(), name)) {
                return name;
            }
        }
    }

    QueryResultImpl drop(DropIndexStatement drop) {
        List<String> notices = new ArrayList<>();
        for (QualifiedName name : drop.names()) {
            if (drop.ifExists() && MissingSchemaNotices.of(catalog, name) != null) {
                notices.add(MissingSchemaNotices.of(catalog, name));
                continue;
            }
            String schema = schemaOf(name);
            TableEntry owner = catalog.findIndexOwner(schema, name.last()).orElse(null);
            io.basalt.catalog.ViewEntry materialized = owner == null ? materializedViews.ownerOf(name) : null;
            if (materialized != null) {
                materializedViews.drop(materialized, name.last());
                continue;
            }
            if (owner == null) {
                if (catalog.findTable(schema, name.last()).isPresent()) {
                    throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + name.last() + "\" is not an index")
                            .withHint("Use DROP TABLE to remove a table.");
                }
                if (drop.ifExists()) {
                    notices.add("index \"" + name.last() + "\" does not exist, skipping");
                    continue;
                }
                throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "index \"" + name.last() + "\" does not exist");
            }
            for (UniqueConstraintEntry key : owner.uniqueKeys()) {
                if (key.name().equals(name.last())) {
                    throw BasaltException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop index " + key.name()
                                    + " because constraint " + key.name() + " on table " + owner.name()
                                    + " requires it")
                            .withHint("You can drop constraint " + key.name() + " on table " + owner.name()
                                    + " instead.");
                }
            }
            List<ForeignKeyLinks.Dependent> dependents = new ArrayList<>();
            for (TableEntry other : catalog.tables()) {
                for (ForeignKeyEntry key : other.foreignKeys()) {
                    if (key.references(owner.schema(), owner.name()) && key.referencedKey().equals(name.last())) {
                        dependents.add(new ForeignKeyLinks.Dependent(other, key));
                    }
                }
            }
            if (!dependents.isEmpty()) {
                if (!drop.cascade()) {
                    throw ForeignKeyLinks.stillDepended(catalog, "cannot drop index " + name.last()
                            + " because other objects depend on it", dependents, "index " + name.last());
                }
                notices.add(ForeignKeyLinks.cascadeNotice(catalog, dependents));
                for (ForeignKeyLinks.Dependent dependent : dependents) {
                    ForeignKeyLinks.drop(catalog, dependent.table(), dependent.key());
                }
                owner = catalog.findTable(owner.schema(), owner.name()).orElseThrow();
            }
            io.basalt.catalog.TableHierarchy.Link partitionOf = catalog.hierarchy().partitionOf(owner.schema(),
                    owner.name());
            TableEntry parent = partitionOf == null ? null
                    : catalog.findTable(partitionOf.parentSchema(), partitionOf.parentName()).orElse(null);
            IndexEntry dropped = null;
            for (IndexEntry own : owner.indexes()) {
                if (own.name().equals(name.last())) {
                    dropped = own;
                }
            }
            if (parent != null && dropped != null) {
                for (IndexEntry parentIndex : parent.indexes()) {
                    if (matching(parentIndex, parent, owner) == dropped) {
                        throw BasaltException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop index "
                                        + name.last() + " because index " + parentIndex.name() + " requires it")
                                .withHint("You can drop index " + parentIndex.name() + " instead.");
                    }
                }
            }
            dropWithPartitions(owner, name.last());
        }
        return QueryResultImpl.command("DROP INDEX", 0, notices);
    }

    /** The DROP INDEX to log: the indexes of permanent tables it names, or null when none. Call before dropping. */
    String loggedDrop(DropIndexStatement drop) {
        List<String> names = new ArrayList<>();
        for (QualifiedName name : drop.names()) {
            String schema = name.parts().size() >= 2 ? name.parts().get(name.parts().size() - 2) : null;
            if (schema != null && !catalog.schemaExists(schema)) {
                continue;
            }
            catalog.findIndexOwner(schema, name.last()).filter(owner -> !owner.schema().equals(catalog.tempSchema()))
                    .ifPresent(owner -> names.add(io.basalt.sql.lexer.IdentifierQuoting.quote(owner.schema()) + "."
                            + io.basalt.sql.lexer.IdentifierQuoting.quote(name.last())));
            io.basalt.catalog.ViewEntry materialized = materializedViews.ownerOf(name);
            if (materialized != null) {
                names.add(io.basalt.sql.lexer.IdentifierQuoting.quote(materialized.schema()) + "."
                        + io.basalt.sql.lexer.IdentifierQuoting.quote(name.last()));
            }
        }
        return names.isEmpty() ? null : "DROP INDEX IF EXISTS " + String.join(", ", names)
                + (drop.cascade() ? " CASCADE" : "");
    }

    private TableEntry findTable(QualifiedName name) {
        return catalog.findTable(schemaOf(name), name.last()).orElseThrow(() -> BasaltException.at(
                SqlState.UNDEFINED_TABLE, name.position(), "relation \"" + name + "\" does not exist"));
    }

    private String schemaOf(QualifiedName name) {
        if (name.parts().size() < 2) {
            return null;
        }
        String schema = name.parts().get(name.parts().size() - 2);
        if (!catalog.schemaExists(schema)) {
            throw BasaltException.at(SqlState.INVALID_SCHEMA_NAME, name.position(),
                    "schema \"" + schema + "\" does not exist");
        }
        return schema;
    }

    /**
     * The checks every CREATE INDEX makes before looking at its elements, on a table or a materialized view in
     * {@code schema}: the name is free (else IF NOT EXISTS's notice, returned as the statement's result, or 42P07), the
     * access method exists, and only btree makes unique indexes. Returns null when the index is to be made.
     */
    static QueryResultImpl checkNewIndex(Catalog catalog, String schema, CreateIndexStatement create) {
        if (create.name() != null && catalog.relationExists(schema, create.name())) {
            if (create.ifNotExists()) {
                return QueryResultImpl.command("CREATE INDEX", 0,
                        List.of("relation \"" + create.name() + "\" already exists, skipping"));
            }
            throw BasaltException.of(SqlState.DUPLICATE_TABLE, "relation \"" + create.name() + "\" already exists");
        }
        if (!METHODS.contains(create.method())) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT,
                    "access method \"" + create.method() + "\" does not exist");
        }
        if (create.unique() && !create.method().equals("btree")) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "access method \"" + create.method() + "\" does not support unique indexes");
        }
        return null;
    }
}
