package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.DefaultExpressions;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.SequenceLog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.ColumnConstraint;
import io.basalt.sql.ast.ColumnDefinition;
import io.basalt.sql.ast.CreateTableStatement;
import io.basalt.sql.ast.DropTableStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.storage.table.TableStore;
import io.basalt.storage.table.UniqueKeyIndex;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CREATE TABLE and DROP TABLE against the catalog. NOT NULL, DEFAULT, CHECK, UNIQUE and PRIMARY KEY are
 * supported ({@link TableConstraints} validates and names the last three; INSERT enforces them, the table's
 * store keeping one {@link UniqueKeyIndex} per key), and so is FOREIGN KEY ({@link ForeignKeyDefinitions},
 * enforced by the stores through {@link ForeignKeyLinks}); DROP TABLE of a referenced table fails unless CASCADE,
 * which drops the referencing constraints. Serial and identity
 * columns get their sequences from {@link SequenceColumns}; dropping a table drops the sequences its columns own.
 */
final class DdlExecutor {
    /** Makes the store for a new table (in memory, or logged when the database lives on disk). */
    interface TableStoreFactory {
        /** {@code logged}: whether its changes go to the write-ahead log (not for temporary tables). */
        TableStore create(String name, List<LogicalType> types, boolean logged);
    }

    private final Catalog catalog;
    private final TableStoreFactory stores;
    private final SequenceLog sequenceLog;
    private final TableRewrite rewrite;

    DdlExecutor(Catalog catalog, TableStoreFactory stores, SequenceLog sequenceLog) {
        this(catalog, stores, sequenceLog, null);
    }

    /** With {@code rewrite} (may be null) reading a DEFAULT partition's rows when a partition is added beside it. */
    DdlExecutor(Catalog catalog, TableStoreFactory stores, SequenceLog sequenceLog, TableRewrite rewrite) {
        this.catalog = catalog;
        this.stores = stores;
        this.sequenceLog = sequenceLog;
        this.rewrite = rewrite;
    }

    /**
     * Whether {@code create} makes a temporary table: TEMP, or a name qualified by the session's temporary schema.
     * A temporary table is not logged, and neither is the statement.
     */
    boolean createsTemporary(CreateTableStatement create) {
        List<String> parts = create.name().parts();
        return create.temporary() || parts.size() >= 2 && catalog.isTempSchema(parts.get(parts.size() - 2));
    }

    QueryResultImpl createTable(CreateTableStatement create, BindContext context) {
        boolean temporary = createsTemporary(create);
        List<String> parts = create.name().parts();
        if (create.temporary() && parts.size() >= 2 && !catalog.isTempSchema(parts.get(parts.size() - 2))) {
            catalog.creationSchemaOf(create.name());
            throw BasaltException.at(SqlState.INVALID_TABLE_DEFINITION, create.name().position(),
                    "cannot create temporary relation in non-temporary schema");
        }
        String schema = temporary ? catalog.tempSchema() : catalog.creationSchemaOf(create.name());
        if (temporary && schema == null) {
            throw BasaltException.internal("a temporary table needs a session");
        }
        String name = create.name().last();
        if (catalog.relationExists(schema, name)) {
            if (create.ifNotExists()) {
                return QueryResultImpl.command("CREATE TABLE", 0,
                        List.of("relation \"" + name + "\" already exists, skipping"));
            }
            throw BasaltException.at(SqlState.DUPLICATE_TABLE, create.name().position(),
                    "relation \"" + name + "\" already exists");
        }
        // A temporary table's serial sequences are temporary too: never logged, gone with the session.
        SequenceColumns sequenceColumns = new SequenceColumns(catalog, schema, name,
                temporary ? SequenceLog.NONE : sequenceLog);
        List<String> mergingNotices = new ArrayList<>();
        try {
            return createTable(create, schema, name, temporary, sequenceColumns, context, mergingNotices);
        } catch (BasaltException failure) {
            // the notices merging inherited columns printed come before the error, as in PostgreSQL
            sequenceColumns.rollback();
            throw failure.withNotices(mergingNotices);
        } catch (RuntimeException | Error failure) {
            sequenceColumns.rollback();
            throw failure;
        }
    }

    private QueryResultImpl createTable(CreateTableStatement create, String schema, String name, boolean temporary,
                                        SequenceColumns sequenceColumns, BindContext context,
                                        List<String> mergingNotices) {
        TableLikes.Expanded expanded = TableLikes.expand(create, catalog);
        create = expanded.create();
        java.util.Map<String, String> notNullNames = NotNullDeclarations.check(create);
        TableInheritance.Parents parents = TableInheritance.resolve(create, catalog, mergingNotices);
        TableInheritance.checkPersistence(parents, temporary,
                create.hierarchy() != null && create.hierarchy().partitionOf() != null, catalog);
        create = TableInheritance.withPartitionKeys(create, parents);
        List<String> notices = mergingNotices;
        List<String> options = io.basalt.catalog.StorageParameters.forTable(create.storageParameters(),
                create.hierarchy() != null && create.hierarchy().partitionBy() != null);
        List<ColumnEntry> columns = new ArrayList<>(parents.columns());
        Set<String> seen = new HashSet<>();
        for (ColumnDefinition definition : create.columns()) {
            if (definition.type() != null) {
                io.basalt.catalog.SystemColumns.refuseAsColumnName(definition.name());
            }
            if (!seen.add(definition.name())) {
                throw BasaltException.of(SqlState.DUPLICATE_COLUMN,
                        "column \"" + definition.name() + "\" specified more than once");
            }
            if (definition.type() == null) {
                // a partition's column options: the parent's column, its type kept, no notice
                TableInheritance.merge(columns, parents.columns().size(), PartitionColumnOptions.column(definition,
                        columns, name, this, sequenceColumns, context), seen.size() - 1, new ArrayList<>());
            } else {
                TableInheritance.merge(columns, parents.columns().size(), column(definition, name,
                        sequenceColumns, context), seen.size() - 1, notices);
            }
            TableInheritance.refuseVirtualOverStored(definition, parents);
        }
        TableInheritance.requireSettledGenerations(parents, columns, seen);
        io.basalt.binder.GeneratedColumns.check(columns, name, context);
        List<io.basalt.catalog.CheckConstraintEntry> inheritedChecks = new ArrayList<>(expanded.checks());
        inheritedChecks.addAll(TableInheritance.checks(parents, columns));
        create = TableInheritance.mergeNamedChecks(create, inheritedChecks, notices);
        TableConstraints.Defined constraints = TableConstraints.define(create, schema, columns, inheritedChecks,
                catalog, context);
        columns = NotNullDeclarations.named(constraints.columns(), notNullNames, parents.columns().size());
        CreateTableStatement.Hierarchy hierarchy = create.hierarchy();
        if (hierarchy != null && hierarchy.partitionBy() != null) {
            CheckInheritance.refuseOnPartitioned(constraints.checks(), name);
        }
        io.basalt.catalog.TableHierarchy.PartitionKey partitionKey = hierarchy == null
                || hierarchy.partitionBy() == null ? null
                : PartitionKeys.define(hierarchy.partitionBy(), name, columns, constraints.keys(), context);
        io.basalt.catalog.TableHierarchy.PartitionValues boundValues = null;
        if (hierarchy != null && hierarchy.partitionOf() != null) {
            TableEntry parent = parents.tables().getFirst();
            boundValues = PartitionBounds.check(name, hierarchy.bound(),
                    catalog.hierarchy().partitionKey(parent.schema(), parent.name()),
                    catalog.hierarchy().children(parent.schema(), parent.name()), context);
            DefaultPartitionCheck.check(catalog, rewrite, parent.schema(), parent.name(), schema, name,
                    hierarchy.bound(), boundValues, context);
        }
        List<io.basalt.catalog.ForeignKeyEntry> foreignKeys = ForeignKeyDefinitions.define(create,
                new ForeignKeyDefinitions.NewTable(schema, name, columns, constraints.keys(), constraints.checks(),
                        temporary), catalog);
        List<LogicalType> types = new ArrayList<>();
        List<String> columnNames = new ArrayList<>();
        for (ColumnEntry column : columns) {
            types.add(column.type());
            columnNames.add(column.name());
        }
        TableStore store = stores.create(temporary ? name : storeName(schema, name), types, !temporary);
        if (temporary && store instanceof io.basalt.storage.table.InMemoryTableStore memory) {
            memory.markTemporary();
        }
        for (UniqueConstraintEntry key : constraints.keys()) {
            store.addUniqueKey(uniqueKeyIndex(key, name, columns));
        }
        TableEntry table = new TableEntry(schema, name, columns, store, constraints.checks(), constraints.keys(),
                foreignKeys, List.of(), options);
        catalog.addTable(table);
        if (hierarchy != null) {
            catalog.hierarchy().forget(schema, name);
            if (partitionKey != null) {
                catalog.hierarchy().setPartitionKey(schema, name, partitionKey);
            }
            TableInheritance.link(catalog, parents, schema, name, hierarchy, boundValues);
        }
        ForeignKeyLinks.link(table, catalog, context);
        if (hierarchy != null && hierarchy.partitionOf() != null) {
            new IndexExecutor(catalog).createOnPartition(parents.tables().getFirst(), table, context);
        }
        return QueryResultImpl.command("CREATE TABLE", 0, notices);
    }

    ColumnEntry column(ColumnDefinition definition, String table, SequenceColumns sequenceColumns,
                               BindContext context) {
        return column(definition, null, table, sequenceColumns, context);
    }

    /**
     * The column {@code definition} defines; {@code knownType}, when not null, is its type (a partition's column
     * options name none).
     */
    ColumnEntry column(ColumnDefinition definition, LogicalType knownType, String table,
                       SequenceColumns sequenceColumns, BindContext context) {
        if (knownType == null && definition.type().name().equals("unknown")
                && definition.type().arrayDimensions() == 0) {
            throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION,
                    "column \"" + definition.name() + "\" has pseudo-type unknown");
        }
        boolean serial = knownType == null && SequenceColumns.isSerial(definition.type());
        LogicalType type = knownType != null ? knownType : serial ? SequenceColumns.serialType(definition.type())
                : io.basalt.binder.TypeNames.resolve(definition.type());
        boolean notNull = false;
        boolean nullable = false;
        Expression defaultExpression = null;
        ColumnConstraint.Identity identity = null;
        ColumnConstraint.Generated generated = null;
        String where = " for column \"" + definition.name() + "\" of table \"" + table + "\"";
        for (ColumnConstraint constraint : definition.constraints()) {
            switch (constraint) {
                case ColumnConstraint.NotNull ignored -> notNull = true;
                case ColumnConstraint.Nullable n -> {
                    if (identity != null) {
                        throw BasaltException.at(SqlState.SYNTAX_ERROR, n.position(),
                                "conflicting NULL/NOT NULL declarations" + where);
                    }
                    notNull = false;
                    nullable = true;
                }
                case ColumnConstraint.Default d -> {
                    if (generated != null) {
                        throw BasaltException.at(SqlState.SYNTAX_ERROR, d.position(),
                                "both default and generation expression specified" + where);
                    }
                    if (identity != null) {
                        throw BasaltException.at(SqlState.SYNTAX_ERROR, d.position(),
                                "both default and identity specified" + where);
                    }
                    defaultExpression = d.expression();
                }
                case ColumnConstraint.Identity i -> {
                    if (identity != null) {
                        throw BasaltException.at(SqlState.SYNTAX_ERROR, i.position(),
                                "multiple identity specifications" + where);
                    }
                    if (defaultExpression != null || serial) {
                        throw BasaltException.at(SqlState.SYNTAX_ERROR, serial ? 0 : i.position(),
                                "both default and identity specified" + where);
                    }
                    if (generated != null) {
                        throw BasaltException.at(SqlState.SYNTAX_ERROR, i.position(),
                                "both identity and generation expression specified" + where);
                    }
                    if (nullable) {
                        throw BasaltException.at(SqlState.SYNTAX_ERROR, i.position(),
                                "conflicting NULL/NOT NULL declarations" + where);
                    }
                    identity = i;
                }
                case ColumnConstraint.Generated g -> {
                    if (generated != null) {
                        throw BasaltException.at(SqlState.SYNTAX_ERROR, g.position(),
                                "multiple generation clauses specified" + where);
                    }
                    if (defaultExpression != null || serial) {
                        throw BasaltException.at(SqlState.SYNTAX_ERROR, g.position(),
                                "both default and generation expression specified" + where);
                    }
                    if (identity != null) {
                        throw BasaltException.at(SqlState.SYNTAX_ERROR, g.position(),
                                "both identity and generation expression specified" + where);
                    }
                    generated = g;
                }
                case ColumnConstraint.Check ignored -> { }
                case ColumnConstraint.Unique ignored -> { }
                case ColumnConstraint.PrimaryKey ignored -> { }
                case ColumnConstraint.References ignored -> { }
            }
        }
        if (serial) {
            return sequenceColumns.serial(definition.name(), type, defaultExpression != null);
        }
        if (identity != null) {
            return sequenceColumns.identity(definition.name(), type, identity);
        }
        if (generated != null) {
            return new ColumnEntry(definition.name(), type, notNull, null, null, null, generated.expression(),
                    generated.text());
        }
        String defaultText = null;
        if (defaultExpression != null) {
            defaultText = DefaultExpressions.check(defaultExpression, definition.name(), type, context);
        }
        return new ColumnEntry(definition.name(), type, notNull, defaultExpression, defaultText);
    }

    /**
     * The name a permanent table's store carries, by which the log's rows find their table on replay: the table's
     * name in {@code public} (as before schemas existed), else {@code "schema"."name"} quoted (see
     * {@link #tableOfStoreName}).
     */
    static String storeName(String schema, String name) {
        if (schema.equals(Catalog.DEFAULT_SCHEMA) && !name.startsWith("\"") && name.indexOf('.') < 0) {
            return name;
        }
        return "\"" + schema.replace("\"", "\"\"") + "\".\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** The schema and name a {@link #storeName} stands for. */
    static List<String> tableOfStoreName(String storeName) {
        if (!storeName.startsWith("\"")) {
            return List.of(Catalog.DEFAULT_SCHEMA, storeName);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 1; i < storeName.length(); i++) {
            char c = storeName.charAt(i);
            if (c == '"' && i + 1 < storeName.length() && storeName.charAt(i + 1) == '"') {
                part.append('"');
                i++;
            } else if (c == '"') {
                parts.add(part.toString());
                part.setLength(0);
                i += 2; // past the dot and the opening quote of the next part
            } else {
                part.append(c);
            }
        }
        return parts;
    }

    /** The index a table's store keeps for {@code key}, the key's columns named as in {@code columns}. */
    /**
     * The store's unique key enforcing unique index {@code index} of {@code table} (over {@code columns}); a partial
     * one's predicate is bound again over the columns, so that it follows a table rewrite.
     */
    static UniqueKeyIndex uniqueKeyIndex(io.basalt.catalog.IndexEntry index, String table, List<ColumnEntry> columns,
                                         io.basalt.binder.BindContext context) {
        int[] keyColumns = new int[index.columns().size()];
        List<String> keyNames = new ArrayList<>(keyColumns.length);
        io.basalt.exec.expression.PhysicalExpression[] computed = null;
        for (int k = 0; k < keyColumns.length; k++) {
            keyColumns[k] = index.columns().get(k);
            if (keyColumns[k] >= 0) {
                keyNames.add(columns.get(keyColumns[k]).name());
                continue;
            }
            io.basalt.plan.expression.BoundExpression bound = io.basalt.binder.IndexExpressions.bindKey(
                    index.expressions().get(k), table, columns, context);
            List<String> names = new ArrayList<>();
            columns.forEach(column -> names.add(column.name()));
            keyNames.add(io.basalt.plan.logical.ConditionText.write(bound, names));
            if (computed == null) {
                computed = new io.basalt.exec.expression.PhysicalExpression[keyColumns.length];
            }
            computed[k] = io.basalt.planner.IndexPredicatePlanner.planKey(bound);
        }
        io.basalt.storage.table.RowCondition condition = index.predicate() == null ? null
                : io.basalt.planner.IndexPredicatePlanner.plan(io.basalt.binder.IndexExpressions.bindPredicate(
                        index.predicate(), table, columns, context));
        UniqueKeyIndex key = new UniqueKeyIndex(index.name(), table, keyColumns, keyNames, false, condition);
        if (computed != null) {
            key.computeKeys(computed);
        }
        return key;
    }

    static UniqueKeyIndex uniqueKeyIndex(UniqueConstraintEntry key, String table, List<ColumnEntry> columns) {
        int[] keyColumns = new int[key.columns().size()];
        List<String> keyNames = new ArrayList<>(keyColumns.length);
        for (int k = 0; k < keyColumns.length; k++) {
            keyColumns[k] = key.columns().get(k);
            keyNames.add(columns.get(keyColumns[k]).name());
        }
        UniqueKeyIndex index = new UniqueKeyIndex(key.name(), table, keyColumns, keyNames, key.nullsNotDistinct());
        if (key.deferrable()) {
            index.makeDeferrable(key.initiallyDeferred());
        }
        if (key.exclusion()) {
            index.makeExclusion();
        }
        return index;
    }

    QueryResultImpl dropTable(DropTableStatement drop) {
        List<String> notices = new ArrayList<>();
        List<TableEntry> victims = new ArrayList<>();
        for (QualifiedName name : drop.names()) {
            if (drop.ifExists() && MissingSchemaNotices.of(catalog, name) != null) {
                notices.add(MissingSchemaNotices.of(catalog, name));
                continue;
            }
            String schema = name.parts().size() < 2 ? null : catalog.creationSchemaOf(name);
            var table = catalog.findTable(schema, name.last());
            var view = table.isEmpty() ? catalog.findView(schema, name.last())
                    : java.util.Optional.<io.basalt.catalog.ViewEntry>empty();
            if (view.isPresent()) {
                throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, name.position(),
                                "\"" + name.last() + "\" is not a table")
                        .withHint(view.get().materialized()
                                ? "Use DROP MATERIALIZED VIEW to remove a materialized view."
                                : "Use DROP VIEW to remove a view.");
            }
            if (table.isEmpty() && catalog.findSequence(schema, name.last()).isPresent()) {
                throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, name.position(),
                                "\"" + name.last() + "\" is not a table")
                        .withHint("Use DROP SEQUENCE to remove a sequence.");
            }
            if (table.isEmpty()) {
                if (drop.ifExists()) {
                    notices.add("table \"" + name.last() + "\" does not exist, skipping");
                    continue;
                }
                throw BasaltException.at(SqlState.UNDEFINED_TABLE, name.position(),
                        "table \"" + name.last() + "\" does not exist");
            }
            victims.add(table.get());
        }
        List<String> childLines = addDescendants(victims, drop.cascade(), notices);
        List<ViewDependents.Dependent> viewDependents = new ArrayList<>();
        for (TableEntry victim : victims) {
            for (ViewDependents.Dependent dependent : ViewDependents.of(catalog, victim.schema(), victim.name(),
                    "table " + shown(victim))) {
                // a view over a partitioned table depends on its partitions too: it is one dependent, named once
                boolean known = false;
                for (ViewDependents.Dependent seen : viewDependents) {
                    known |= seen.view() == dependent.view();
                }
                if (!known) {
                    viewDependents.add(dependent);
                }
            }
        }
        List<ForeignKeyLinks.Dependent> dependents = new ArrayList<>();
        for (TableEntry victim : victims) {
            for (ForeignKeyLinks.Dependent dependent : ForeignKeyLinks.dependents(catalog, victim)) {
                if (!victims.contains(dependent.table())) {
                    dependents.add(dependent);
                }
            }
        }
        if (!drop.cascade() && !childLines.isEmpty()) {
            // one error naming every dependent: the views, the foreign keys and the inheritance children
            List<String> lines = new ArrayList<>();
            for (ViewDependents.Dependent dependent : viewDependents) {
                lines.add(dependent.detail(catalog));
            }
            lines.addAll(ForeignKeyLinks.details(catalog, dependents, "table " + shown(victims.getFirst())));
            throw ForeignKeyLinks.stillDepended("cannot drop table " + shown(victims.getFirst())
                    + " because other objects depend on it", lines, childLines);
        }
        if (!drop.cascade() && !dependents.isEmpty()) {
            // one error naming every dependent, the views' and the foreign keys', as PostgreSQL's
            TableEntry only = victims.size() == 1 ? victims.getFirst() : null;
            List<String> viewLines = new ArrayList<>();
            for (ViewDependents.Dependent dependent : viewDependents) {
                viewLines.add(dependent.detail(catalog));
            }
            ForeignKeyLinks.Dependent first = dependents.getFirst();
            throw ForeignKeyLinks.stillDepended(only == null
                            ? "cannot drop desired object(s) because other objects depend on them"
                            : "cannot drop table " + shown(only) + " because other objects depend on it",
                    viewLines, ForeignKeyLinks.details(catalog, dependents, only == null
                            ? "table " + catalog.shownName(first.key().referencedSchema(), first.key().referencedTable())
                            : "table " + shown(only)));
        }
        if (!victims.isEmpty()) {
            ViewDependents.drop(catalog, viewDependents, "table " + shown(victims.getFirst()), drop.cascade(),
                    notices);
        }
        if (!dependents.isEmpty()) {
            notices.add(ForeignKeyLinks.cascadeNotice(catalog, dependents));
            for (ForeignKeyLinks.Dependent dependent : dependents) {
                ForeignKeyLinks.drop(catalog, dependent.table(), dependent.key());
            }
        }
        for (TableEntry victim : victims) {
            for (io.basalt.catalog.ForeignKeyEntry key : victim.foreignKeys()) {
                ForeignKeyLinks.unlink(victim, key.name());
            }
            catalog.removeTable(victim);
            catalog.hierarchy().forget(victim.schema(), victim.name());
            for (SequenceEntry owned : catalog.sequencesOwnedBy(victim.schema(), victim.name())) {
                catalog.removeSequence(owned);
            }
            victim.store().close();
        }
        return QueryResultImpl.command("DROP TABLE", 0, notices);
    }

    /** The table's name as PostgreSQL's messages write it: qualified when the search path does not find it. */
    private String shown(TableEntry table) {
        return catalog.shownName(table.schema(), table.name());
    }

    /**
     * Adds to {@code victims} the tables that go with them: every partition of a partitioned table (silently), and
     * with CASCADE every inheritance child (with PostgreSQL's notice). Without CASCADE, returns the DETAIL lines of
     * the inheritance children ("table c depends on table p"), which fail the drop with 2BP01; else nothing.
     */
    private List<String> addDescendants(List<TableEntry> victims, boolean cascade, List<String> notices) {
        List<String> dependents = new ArrayList<>();
        for (int next = 0; next < victims.size(); next++) {
            TableEntry victim = victims.get(next);
            for (io.basalt.catalog.TableHierarchy.Link link : catalog.hierarchy().children(victim.schema(),
                    victim.name())) {
                TableEntry child = catalog.findTable(link.childSchema(), link.childName()).orElse(null);
                if (child == null || victims.contains(child)) {
                    continue;
                }
                if (!link.isPartition()) {
                    dependents.add("table " + shown(child) + " depends on table " + shown(victim));
                }
                victims.add(child);
            }
        }
        if (dependents.isEmpty()) {
            return List.of();
        }
        if (!cascade) {
            return dependents; // the caller's 2BP01 lists them after the views and foreign keys
        }
        if (dependents.size() == 1) {
            notices.add("drop cascades to " + dependents.getFirst().substring(0,
                    dependents.getFirst().indexOf(" depends on ")));
        } else {
            List<String> lines = new ArrayList<>();
            for (String dependent : dependents) {
                lines.add("drop cascades to " + dependent.substring(0, dependent.indexOf(" depends on ")));
            }
            notices.add("drop cascades to " + dependents.size() + " other objects\nDETAIL:  "
                    + String.join("\n", lines));
        }
        return List.of();
    }

    /**
     * The DROP TABLE to write to the log for {@code drop}: the permanent tables it names (temporary ones are not
     * logged), as {@code DROP TABLE IF EXISTS schema.name, ...}; null when it names none. Call before dropping.
     */
    String loggedDrop(DropTableStatement drop) {
        List<String> names = permanentNames(drop.names());
        return names.isEmpty() ? null : "DROP TABLE IF EXISTS " + String.join(", ", names);
    }

    /** As {@link #loggedDrop}, for TRUNCATE. */
    String loggedTruncate(List<QualifiedName> tables) {
        List<String> names = permanentNames(tables);
        return names.isEmpty() ? null : "TRUNCATE " + String.join(", ", names);
    }

    private List<String> permanentNames(List<QualifiedName> names) {
        List<String> permanent = new ArrayList<>();
        for (QualifiedName name : names) {
            List<String> parts = name.parts();
            String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
            if (schema != null && !catalog.schemaExists(schema)) {
                continue;
            }
            catalog.findTable(schema, name.last()).filter(table -> !table.schema().equals(catalog.tempSchema()))
                    .ifPresent(table -> permanent.add(io.basalt.sql.lexer.IdentifierQuoting.quote(table.schema()) + "."
                            + io.basalt.sql.lexer.IdentifierQuoting.quote(table.name())));
        }
        return permanent;
    }
}
