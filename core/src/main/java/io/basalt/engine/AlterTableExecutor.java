package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.GeneratedColumns;
import io.basalt.binder.CheckConditions;
import io.basalt.binder.ColumnAlterations;
import io.basalt.binder.DefaultExpressions;
import io.basalt.binder.TypeNames;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.CheckConstraintEntry;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.ForeignKeyEntry;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.SequenceLog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.sql.ast.AlterTableAction;
import io.basalt.sql.ast.AlterTableStatement;
import io.basalt.sql.ast.ColumnConstraint;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.TableConstraint;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * ALTER TABLE: applies the statement's actions in order to a {@link TableDraft} of the table, with PostgreSQL's
 * checks and messages, then makes the result take effect as one step. When the columns or the unique keys change
 * the rows are copied, computed anew, into a new store ({@link TableRewrite}); constraints the statement adds
 * are verified against the rows (NOT NULL, CHECK unless NOT VALID, uniqueness while the new store indexes the
 * rows). While that runs the old store refuses changes, so no concurrent write is lost; scans of it go on. The
 * statement is written to the log before the new definition becomes visible, so that no logged change of the
 * table's rows can precede the definition it was made under; replay runs it again over the same rows, which gives
 * the same result (volatile DEFAULT or USING expressions are evaluated again). Nothing changes when an action
 * fails. The caller holds the DDL lock.
 *
 * <p>Adding columns whose value in the stored rows is a constant (no DEFAULT, or a DEFAULT without volatile
 * functions) copies nothing: the store records the value for the rows it holds. Differences from PostgreSQL:
 * renaming the table and changes of its unique keys copy the rows. Foreign keys at either end of the table are
 * planned again for the new definition ({@link ForeignKeyRelinks}); DROP COLUMN and DROP CONSTRAINT refuse, or with
 * CASCADE drop, the foreign keys of other tables that depend on what goes.
 */
final class AlterTableExecutor {
    private final Catalog catalog;
    private final DdlExecutor ddl;
    private final DdlExecutor.TableStoreFactory stores;
    private final SequenceLog sequenceLog;
    private final TableRewrite rewrite;
    private final Consumer<String> log;
    /** The undo of a statement in a transaction block ({@link AlterTableUndo}), or null: it takes effect for good. */
    private AlterTableUndo undo;

    /** {@code log} makes the statement durable (a no-op in memory and during replay). */
    AlterTableExecutor(Catalog catalog, DdlExecutor ddl, DdlExecutor.TableStoreFactory stores, SequenceLog sequenceLog,
                       TableRewrite rewrite, Consumer<String> log) {
        this.catalog = catalog;
        this.ddl = ddl;
        this.stores = stores;
        this.sequenceLog = sequenceLog;
        this.rewrite = rewrite;
        this.log = log;
    }

    /**
     * Makes the statements this executor runs undoable by ROLLBACK: the stores they replace go to {@code undo}
     * instead of being closed, and columns added in place are reported to it.
     */
    AlterTableExecutor undoneBy(AlterTableUndo statementUndo) {
        this.undo = statementUndo;
        return this;
    }

    /** One statement's work: the table, its draft, what to do once it took effect, and its notices. */
    private final class Alteration {
        final TableEntry table;
        final TableDraft draft;
        final boolean temporary;
        final BindContext context;
        final SequenceColumns sequenceColumns;
        final List<Runnable> afterwards = new ArrayList<>();
        final List<String> notices;

        Alteration(TableEntry table, BindContext context, List<String> notices) {
            this.table = table;
            this.draft = new TableDraft(table);
            this.temporary = table.schema().equals(catalog.tempSchema());
            this.context = context;
            this.sequenceColumns = new SequenceColumns(catalog, table.schema(), table.name(),
                    temporary ? SequenceLog.NONE : sequenceLog);
            this.notices = notices;
            for (ForeignKeyLinks.Dependent dependent : ForeignKeyLinks.dependents(catalog, table)) {
                draft.incoming.putIfAbsent(dependent.table(), new ArrayList<>(dependent.table().foreignKeys()));
            }
        }
    }

    QueryResultImpl alter(AlterTableStatement statement, BindContext context, String sql) {
        List<String> notices = new ArrayList<>();
        TableEntry table = find(statement.name(), statement.ifExists(), notices);
        if (table == null) {
            return QueryResultImpl.command("ALTER TABLE", 0, notices);
        }
        Alteration alteration = new Alteration(table, context, notices);
        try {
            for (AlterTableAction action : statement.actions()) {
                apply(alteration, action);
            }
            publish(alteration, sql);
        } catch (RuntimeException | Error failure) {
            alteration.sequenceColumns.rollback();
            throw failure;
        }
        for (Runnable step : alteration.afterwards) {
            step.run();
        }
        return QueryResultImpl.command("ALTER TABLE", 0, notices);
    }

    private TableEntry find(QualifiedName name, boolean ifExists, List<String> notices) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (schema != null && !catalog.schemaExists(schema)) {
            if (ifExists) {
                notices.add("relation \"" + name.last() + "\" does not exist, skipping");
                return null;
            }
            throw BasaltException.at(SqlState.INVALID_SCHEMA_NAME, name.position(),
                    "schema \"" + schema + "\" does not exist");
        }
        TableEntry table = catalog.findTable(schema, name.last()).orElse(null);
        if (table == null && SchemaMove.isSystemCatalog(schema == null ? "pg_catalog" : schema, name.last())) {
            throw BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied: \"" + name.last()
                    + "\" is a system catalog");
        }
        if (table == null) {
            if (ifExists) {
                notices.add("relation \"" + name.last() + "\" does not exist, skipping");
                return null;
            }
            // PostgreSQL reports it without a position
            throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
        }
        return table;
    }

    // ---- actions --------------------------------------------------------------------------------------

    private void apply(Alteration alteration, AlterTableAction action) {
        TableDraft draft = alteration.draft;
        switch (action) {
            case AlterTableAction.AddColumn add -> addColumn(alteration, add);
            case AlterTableAction.DropColumn drop -> dropColumn(alteration, drop);
            case AlterTableAction.AlterColumnType change -> changeType(alteration, change);
            case AlterTableAction.SetDefault set -> setDefault(alteration, set);
            case AlterTableAction.SetNotNull set -> setNotNull(draft, set);
            case AlterTableAction.DropExpression drop -> dropExpression(alteration, drop);
            case AlterTableAction.SetExpression set -> setExpression(alteration, set);
            case AlterTableAction.AddConstraint add -> addConstraint(alteration, add.constraint(), add.notValid());
            case AlterTableAction.DropConstraint drop -> dropConstraint(alteration, drop);
            case AlterTableAction.ValidateConstraint validate -> {
                Object constraint = draft.constraint(validate.name());
                if (constraint == null
                        && draft.foreignKeys.stream().noneMatch(key -> key.name().equals(validate.name()))) {
                    throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "constraint \"" + validate.name()
                            + "\" of relation \"" + draft.name + "\" does not exist");
                }
                if (constraint == null && draft.foreignKeys.stream().anyMatch(key -> key.name().equals(validate.name()))) {
                    draft.foreignKeysToValidate.add(validate.name());
                    break;
                }
                if (!(constraint instanceof CheckConstraintEntry check)) {
                    throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "constraint \"" + validate.name()
                            + "\" of relation \"" + draft.name + "\" is not a foreign key or check constraint");
                }
                if (check.notEnforced()) {
                    throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "cannot validate NOT ENFORCED constraint");
                }
                draft.checksToValidate.add(validate.name());
                draft.checks.set(draft.checks.indexOf(check), check.withValidated(true));
            }
            case AlterTableAction.RenameColumn rename -> renameColumn(alteration, rename);
            case AlterTableAction.RenameConstraint rename -> renameConstraint(draft, rename);
            case AlterTableAction.RenameTable rename -> renameTable(alteration, rename);
            case AlterTableAction.AddIdentity add -> identities(alteration).add(add);
            case AlterTableAction.AlterIdentity change -> identities(alteration).alter(change);
            case AlterTableAction.DropIdentity drop -> identities(alteration).drop(drop);
            case AlterTableAction.AlterConstraint change -> alterConstraint(draft, change);
            case AlterTableAction.SetStorageParameters set -> draft.options = set.reset()
                    ? io.basalt.catalog.StorageParameters.reset(draft.options, set.parameters())
                    : io.basalt.catalog.StorageParameters.set(draft.options, set.parameters(),
                            catalog.hierarchy().partitionKey(alteration.table.schema(), draft.name) != null);
            case AlterTableAction.PhysicalSetting setting -> PhysicalSettings.check(draft, setting);
            case AlterTableAction.SetSchema move -> new SchemaMove(catalog, alteration.draft, alteration.temporary)
                    .move(move.schema(), alteration.afterwards, undo);
        }
    }

    /** ALTER CONSTRAINT: a foreign key's new deferrability (the stores' constraints are planned again). */
    private void alterConstraint(TableDraft draft, AlterTableAction.AlterConstraint change) {
        for (int k = 0; k < draft.foreignKeys.size(); k++) {
            ForeignKeyEntry key = draft.foreignKeys.get(k);
            if (key.name().equals(change.name())) {
                draft.foreignKeys.set(k, new ForeignKeyEntry(key.name(), key.columns(), key.referencedSchema(),
                        key.referencedTable(), key.referencedColumns(), key.referencedKey(), key.matchFull(),
                        key.onDelete(), key.onUpdate(), key.deleteSetColumns(), change.deferrable(),
                        change.initiallyDeferred()));
                return;
            }
        }
        if (draft.constraint(change.name()) != null) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "constraint \"" + change.name()
                    + "\" of relation \"" + draft.name + "\" is not a foreign key constraint");
        }
        throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "constraint \"" + change.name() + "\" of relation \""
                + draft.name + "\" does not exist");
    }

    private IdentityAlterations identities(Alteration alteration) {
        return new IdentityAlterations(catalog, alteration.draft, alteration.sequenceColumns, alteration.afterwards,
                alteration.notices);
    }

    private int existingColumn(TableDraft draft, String column) {
        int index = draft.columnIndex(column);
        if (index < 0) {
            throw BasaltException.of(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \""
                    + draft.name + "\" does not exist");
        }
        return index;
    }

    private void addColumn(Alteration alteration, AlterTableAction.AddColumn add) {
        TableDraft draft = alteration.draft;
        String name = add.column().name();
        io.basalt.catalog.SystemColumns.refuseAsColumnName(name);
        if (draft.columnIndex(name) >= 0) {
            String message = "column \"" + name + "\" of relation \"" + draft.name + "\" already exists";
            if (add.ifNotExists()) {
                alteration.notices.add(message + ", skipping");
                return;
            }
            throw BasaltException.of(SqlState.DUPLICATE_COLUMN, message);
        }
        ColumnEntry column = NotNullNames.newColumn(draft, add.column(),
                ddl.column(add.column(), draft.name, alteration.sequenceColumns, alteration.context));
        if (column.generated()) {
            List<ColumnEntry> widened = new ArrayList<>(draft.columns);
            widened.add(column);
            try {
                GeneratedColumns.check(widened, draft.name, alteration.context);
            } catch (BasaltException failure) {
                // ALTER TABLE ... ADD COLUMN reports the expression's errors without a position, as PostgreSQL does
                throw BasaltException.of(failure.sqlState(), failure.getMessage()).withDetail(failure.detail())
                        .withHint(failure.hint());
            }
            draft.addColumn(column, GeneratedColumns.initialValue(column, widened, draft.name, draft.values,
                    alteration.context));
        } else {
            draft.addColumn(column, ColumnAlterations.initialValue(column, alteration.context));
        }
        int index = draft.columns.size() - 1;
        for (ColumnConstraint constraint : add.column().constraints()) {
            switch (constraint) {
                case ColumnConstraint.Check check -> addCheck(alteration, check.name(), check.condition(), false,
                        check.noInherit(), check.notEnforced());
                case ColumnConstraint.Unique unique -> addKey(alteration, unique.name(), List.of(index), false,
                        unique.deferrable(), unique.initiallyDeferred(), unique.nullsNotDistinct());
                case ColumnConstraint.PrimaryKey key -> addKey(alteration, key.name(), List.of(index), true,
                        key.deferrable(), key.initiallyDeferred(), false);
                case ColumnConstraint.References r -> addForeignKey(alteration, new TableConstraint.ForeignKey(
                        r.name(), List.of(column.name()), r.table(), r.columns(), r.onDelete(), r.onUpdate(),
                        r.matchFull(), r.deleteSetColumns(), r.position(), r.deferrable(), r.initiallyDeferred()),
                        false);
                case ColumnConstraint.NotNull ignored -> { }
                case ColumnConstraint.Nullable ignored -> { }
                case ColumnConstraint.Default ignored -> { }
                case ColumnConstraint.Identity ignored -> { }
                case ColumnConstraint.Generated ignored -> { }
            }
        }
    }

    private void dropColumn(Alteration alteration, AlterTableAction.DropColumn drop) {
        TableDraft draft = alteration.draft;
        int found = draft.columnIndex(drop.column());
        if (found < 0) {
            String message = "column \"" + drop.column() + "\" of relation \"" + draft.name + "\" does not exist";
            if (drop.ifExists()) {
                alteration.notices.add(message + ", skipping");
                return;
            }
            throw BasaltException.of(SqlState.UNDEFINED_COLUMN, message);
        }
        String schema = alteration.table.schema();
        String tableName = alteration.table.name();
        String column = drop.column();
        String dropping = "column " + column + " of table " + tableName;
        List<String> generatedDependents = GeneratedColumns.readers(draft.columns, found, draft.name,
                alteration.context);
        if (!generatedDependents.isEmpty()) {
            if (!drop.cascade()) {
                StringBuilder detail = new StringBuilder();
                for (String dependent : generatedDependents) {
                    detail.append(detail.isEmpty() ? "" : "\n").append("column ").append(dependent)
                            .append(" of table ").append(tableName).append(" depends on ").append(dropping);
                }
                throw BasaltException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                                "cannot drop " + dropping + " because other objects depend on it")
                        .withDetail(detail.toString())
                        .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
            }
            for (String dependent : generatedDependents) {
                alteration.notices.add("drop cascades to column " + dependent + " of table " + tableName);
                draft.dropColumn(draft.columnIndex(dependent));
            }
        }
        int index = draft.columnIndex(column);
        List<ViewDependents.Dependent> views = viewsReading(schema, tableName, column, dropping);
        ViewDependents.drop(catalog, drop.cascade() ? List.of() : views, dropping, false, alteration.notices);
        boolean self = true;
        for (Map.Entry<TableEntry, List<ForeignKeyEntry>> other : draft.incoming.entrySet()) {
            for (ForeignKeyEntry key : other.getValue()) {
                self &= !(key.references(schema, tableName) && key.referencedColumns().contains(index));
            }
        }
        if (!self) {
            dropReferencing(alteration, key -> key.referencedColumns().contains(index), dropping, dropping,
                    drop.cascade());
        }
        draft.dropColumn(index);
        alteration.afterwards.add(() -> {
            ViewDependents.drop(catalog, views, dropping, true, alteration.notices);
            for (SequenceEntry owned : catalog.sequencesOwnedBy(schema, tableName)) {
                if (owned.owner().column().equals(column)) {
                    catalog.removeSequence(owned);
                }
            }
        });
    }

    /** The views reading a column of the table, each followed by the views that read it. */
    private List<ViewDependents.Dependent> viewsReading(String schema, String table, String column, String what) {
        List<ViewDependents.Dependent> found = new ArrayList<>();
        for (ViewEntry view : catalog.views()) {
            if (view.reads(schema, table, column)) {
                found.add(new ViewDependents.Dependent(view, what));
                for (ViewDependents.Dependent indirect : ViewDependents.of(catalog, view.schema(), view.name(),
                        "view " + view.name())) {
                    if (!found.contains(indirect)) {
                        found.add(indirect);
                    }
                }
            }
        }
        return found;
    }

    private void changeType(Alteration alteration, AlterTableAction.AlterColumnType change) {
        TableDraft draft = alteration.draft;
        int index = existingColumn(draft, change.column());
        ColumnEntry column = draft.columns.get(index);
        List<String> generatedReaders = GeneratedColumns.readers(draft.columns, index, draft.name, alteration.context);
        if (!generatedReaders.isEmpty()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "cannot alter type of a column used by a generated column")
                    .withDetail("Column \"" + column.name() + "\" is used by generated column \""
                            + generatedReaders.getFirst() + "\".");
        }
        if (column.generated() && change.using() != null) {
            throw BasaltException.at(SqlState.INVALID_COLUMN_DEFINITION, change.position(),
                            "cannot specify USING when altering type of generated column")
                    .withDetail("Column \"" + column.name() + "\" is a generated column.");
        }
        for (ViewEntry view : catalog.views()) {
            if (view.reads(alteration.table.schema(), alteration.table.name(), column.name())) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                                "cannot alter type of a column used by a view or rule")
                        .withDetail("rule _RETURN on view " + view.name() + " depends on column \""
                                + column.name() + "\"");
            }
        }
        LogicalType target = TypeNames.resolve(change.type());
        if (column.identity() != null) {
            identities(alteration).retype(column, target, change.type());
        }
        BoundExpression value = change.using() == null
                ? ColumnAlterations.convert(draft.values.get(index), column.name(), target)
                : ColumnAlterations.using(change.using(), alteration.table.name(), alteration.table.columns(),
                        column.name(), target, alteration.context);
        String defaultText = column.defaultText();
        if (column.defaultExpression() != null && column.identity() == null) {
            try {
                defaultText = DefaultExpressions.check(column.defaultExpression(), column.name(), target,
                        alteration.context);
            } catch (BasaltException cannotConvert) {
                throw BasaltException.of(SqlState.DATATYPE_MISMATCH, "default for column \"" + column.name()
                        + "\" cannot be cast automatically to type " + target.displayName());
            }
        }
        LogicalType oldType = column.type();
        draft.setColumn(index, column.withType(target, defaultText));
        draft.values.set(index, value);
        draft.columnsChanged = true;
        draft.columnsOnlyAdded = false;
        if (column.notNull()) {
            draft.notNullToValidate.add(column.name());
        }
        // A CHECK reading the column now reads it converted back to the type it was written for.
        List<CheckConstraintEntry> retyped = new ArrayList<>();
        for (CheckConstraintEntry check : draft.checks) {
            BitSet used = new BitSet();
            ColumnReferences.collect(check.condition(), used);
            if (!used.get(index)) {
                retyped.add(check);
                continue;
            }
            BoundExpression condition = ColumnReferences.substitute(check.condition(), reference ->
                    reference.index() != index ? reference : ColumnAlterations.castTo(new BoundExpression.ColumnRef(
                            index, reference.qualifier(), reference.name(), target, reference.position()), oldType));
            retyped.add(check.with(check.name(), condition));
            draft.checksToValidate.add(check.name());
        }
        draft.checks.clear();
        draft.checks.addAll(retyped);
        if (draft.inKey(index)) {
            draft.keysChanged = true;
        }
    }

    private void setDefault(Alteration alteration, AlterTableAction.SetDefault set) {
        TableDraft draft = alteration.draft;
        int index = existingColumn(draft, set.column());
        ColumnEntry column = draft.columns.get(index);
        if (column.identity() != null) {
            BasaltException identity = BasaltException.of(SqlState.SYNTAX_ERROR, "column \"" + column.name()
                    + "\" of relation \"" + draft.name + "\" is an identity column");
            throw set.expression() == null
                    ? identity.withHint("Use ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY instead.") : identity;
        }
        if (column.generated()) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, "column \"" + column.name() + "\" of relation \""
                    + draft.name + "\" is a generated column").withHint("Use ALTER TABLE ... ALTER COLUMN ... "
                    + (set.expression() == null ? "DROP" : "SET") + " EXPRESSION instead.");
        }
        String text = set.expression() == null ? null
                : DefaultExpressions.check(set.expression(), column.name(), column.type(), alteration.context);
        draft.setColumn(index, new ColumnEntry(column.name(), column.type(), column.notNull(), set.expression(), text,
                column.identity()));
    }

    /** A generated column's new expression; the stored rows get their new values (a rewrite). */
    private void setExpression(Alteration alteration, AlterTableAction.SetExpression set) {
        TableDraft draft = alteration.draft;
        int index = existingColumn(draft, set.column());
        ColumnEntry column = draft.columns.get(index);
        if (!column.generated()) {
            throw BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "column \"" + column.name()
                    + "\" of relation \"" + draft.name + "\" is not a generated column");
        }
        ColumnEntry changed = new ColumnEntry(column.name(), column.type(), column.notNull(), null, null, null,
                set.expression(), set.text());
        List<ColumnEntry> columns = new ArrayList<>(draft.columns);
        columns.set(index, changed);
        GeneratedColumns.check(columns, draft.name, alteration.context);
        draft.setColumn(index, changed);
        draft.values.set(index, GeneratedColumns.initialValue(changed, columns, draft.name, draft.values,
                alteration.context));
        GeneratedExpressionChange.rewrite(draft, index);
    }

    private void dropExpression(Alteration alteration, AlterTableAction.DropExpression drop) {
        TableDraft draft = alteration.draft;
        int index = existingColumn(draft, drop.column());
        ColumnEntry column = draft.columns.get(index);
        if (!column.generated()) {
            String message = "column \"" + column.name() + "\" of relation \"" + draft.name
                    + "\" is not a generated column";
            if (drop.ifExists()) {
                alteration.notices.add(message + ", skipping");
                return;
            }
            throw BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, message);
        }
        draft.setColumn(index, column.withoutGeneration());
    }

    private void setNotNull(TableDraft draft, AlterTableAction.SetNotNull set) {
        int index = existingColumn(draft, set.column());
        ColumnEntry column = draft.columns.get(index);
        if (!set.notNull()) {
            UniqueConstraintEntry primaryKey = draft.primaryKey();
            if (primaryKey != null && primaryKey.columns().contains(index)) {
                throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION,
                        "column \"" + column.name() + "\" is in a primary key");
            }
            if (column.identity() != null) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "column \"" + column.name() + "\" of relation \""
                        + draft.name + "\" is an identity column");
            }
        } else if (!column.notNull()) {
            draft.notNullToValidate.add(column.name());
        }
        draft.setColumn(index, column.withNotNull(set.notNull()));
    }

    private void addConstraint(Alteration alteration, TableConstraint constraint, boolean notValid) {
        if (notValid && !(constraint instanceof TableConstraint.Check)
                && !(constraint instanceof TableConstraint.ForeignKey)
                && !(constraint instanceof TableConstraint.NotNull)) {
            String kind = constraint instanceof TableConstraint.PrimaryKey ? "PRIMARY KEY" : "UNIQUE";
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    kind + " constraints cannot be marked NOT VALID");
        }
        switch (constraint) {
            case TableConstraint.Check check -> addCheck(alteration, check.name(), check.condition(), notValid,
                    check.noInherit(), check.notEnforced());
            case TableConstraint.Unique unique -> addKey(alteration, unique.name(),
                    keyColumns(alteration.draft, unique.columns(), "unique"), false, unique.deferrable(),
                    unique.initiallyDeferred(), unique.nullsNotDistinct());
            case TableConstraint.PrimaryKey key -> addKey(alteration, key.name(),
                    keyColumns(alteration.draft, key.columns(), "primary key"), true, key.deferrable(),
                    key.initiallyDeferred(), false);
            case TableConstraint.ForeignKey foreignKey -> addForeignKey(alteration, foreignKey, notValid);
            case TableConstraint.Exclude exclude -> addKey(alteration, exclude.name(),
                    ExclusionConstraints.keyColumns(exclude, alteration.draft.columns), false, exclude.deferrable(),
                    exclude.initiallyDeferred(), false, true);
            case TableConstraint.NotNull notNull -> {
                NotNullNames.checkAdded(alteration.draft, notNull);
                setNotNull(alteration.draft, new AlterTableAction.SetNotNull(notNull.column(), true,
                        notNull.position()));
                NotNullNames.named(alteration.draft, notNull);
                if (notValid) {
                    // NOT VALID: the rows already there are not checked (PostgreSQL 18)
                    alteration.draft.notNullToValidate.remove(notNull.column());
                }
            }
        }
    }

    /**
     * ADD FOREIGN KEY: defined over the table as the statement has changed it so far and named as CREATE TABLE
     * names one; the rows already there are checked when the statement takes effect unless NOT VALID. The stores
     * take it on when the definition is published ({@link ForeignKeyRelinks}).
     */
    private void addForeignKey(Alteration alteration, TableConstraint.ForeignKey constraint, boolean notValid) {
        TableDraft draft = alteration.draft;
        Set<String> tableNames = new java.util.HashSet<>();
        for (CheckConstraintEntry check : draft.checks) {
            tableNames.add(check.name());
        }
        for (UniqueConstraintEntry key : draft.keys) {
            tableNames.add(key.name());
        }
        for (io.basalt.catalog.ForeignKeyEntry key : draft.foreignKeys) {
            tableNames.add(key.name());
        }
        ForeignKeyDefinitions.NewTable table = new ForeignKeyDefinitions.NewTable(alteration.table.schema(),
                draft.name, draft.columns, draft.keys, draft.checks, alteration.temporary);
        io.basalt.catalog.ForeignKeyEntry entry = ForeignKeyDefinitions.defineAdded(constraint, table, catalog,
                tableNames);
        draft.foreignKeys.add(entry);
        if (!notValid) {
            draft.foreignKeysToValidate.add(entry.name());
        }
    }

    private static List<Integer> keyColumns(TableDraft draft, List<String> names, String kind) {
        List<Integer> indexes = new ArrayList<>();
        for (String name : names) {
            int index = draft.columnIndex(name);
            if (index < 0) {
                throw BasaltException.of(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" named in key does not exist");
            }
            if (indexes.contains(index)) {
                throw BasaltException.of(SqlState.DUPLICATE_COLUMN,
                        "column \"" + name + "\" appears twice in " + kind + " constraint");
            }
            indexes.add(index);
        }
        return indexes;
    }

    private void addCheck(Alteration alteration, String name, io.basalt.sql.ast.Expression condition,
                          boolean notValid, boolean noInherit, boolean notEnforced) {
        TableDraft draft = alteration.draft;
        BoundExpression bound = CheckConditions.bind(condition, draft.name, draft.columns, alteration.context);
        if (name == null) {
            BitSet used = new BitSet();
            ColumnReferences.collect(bound, used);
            String column = used.cardinality() == 1 ? draft.columns.get(used.nextSetBit(0)).name() : null;
            name = freeName(alteration, column, "check", false);
        } else if (draft.constraint(name) != null) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT,
                    "constraint \"" + name + "\" for relation \"" + draft.name + "\" already exists");
        }
        if (noInherit && catalog.hierarchy().partitionKey(draft.original.schema(), draft.original.name()) != null) {
            CheckInheritance.refuseOnPartitioned(List.of(new CheckConstraintEntry(name, bound, true)), draft.name);
        }
        draft.checks.add(new CheckConstraintEntry(name, bound, noInherit, notEnforced,
                io.basalt.binder.CheckConstraintText.of(condition, draft.columns, catalog), !notValid || notEnforced));
        if (!notValid && !notEnforced) {
            draft.checksToValidate.add(name);
        }
    }

    private void addKey(Alteration alteration, String name, List<Integer> columns, boolean primary,
                        boolean deferrable, boolean initiallyDeferred, boolean nullsNotDistinct) {
        addKey(alteration, name, columns, primary, deferrable, initiallyDeferred, nullsNotDistinct, false);
    }

    /** A new key; {@code exclusion}: an EXCLUDE constraint with {@code =} ({@link ExclusionConstraints}). */
    private void addKey(Alteration alteration, String name, List<Integer> columns, boolean primary,
                        boolean deferrable, boolean initiallyDeferred, boolean nullsNotDistinct, boolean exclusion) {
        TableDraft draft = alteration.draft;
        if (primary && draft.primaryKey() != null) {
            throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION,
                    "multiple primary keys for table \"" + draft.name + "\" are not allowed");
        }
        if (name == null) {
            StringBuilder columnNames = new StringBuilder();
            for (int index : columns) {
                if (!columnNames.isEmpty()) {
                    columnNames.append('_');
                }
                columnNames.append(draft.columns.get(index).name());
            }
            name = freeName(alteration, primary ? null : columnNames.toString(),
                    primary ? "pkey" : exclusion ? "excl" : "key", true);
        } else if (relationNames(alteration).contains(name)) {
            throw BasaltException.of(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
        } else if (draft.constraint(name) != null) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT,
                    "constraint \"" + name + "\" for relation \"" + draft.name + "\" already exists");
        }
        if (primary) {
            for (int index : columns) {
                ColumnEntry column = draft.columns.get(index);
                if (!column.notNull()) {
                    draft.setColumn(index, column.withNotNull(true));
                    draft.notNullToValidate.add(column.name());
                }
            }
        }
        draft.keys.add(new UniqueConstraintEntry(name, columns, primary, nullsNotDistinct, deferrable,
                initiallyDeferred, exclusion));
        draft.keysChanged = true;
    }

    private void dropConstraint(Alteration alteration, AlterTableAction.DropConstraint drop) {
        TableDraft draft = alteration.draft;
        Object constraint = draft.constraint(drop.name());
        io.basalt.catalog.ForeignKeyEntry foreignKey = null;
        for (io.basalt.catalog.ForeignKeyEntry key : draft.foreignKeys) {
            if (key.name().equals(drop.name())) {
                foreignKey = key;
            }
        }
        if (constraint == null && foreignKey != null) {
            draft.foreignKeys.remove(foreignKey);
            return;
        }
        if (constraint == null) {
            String message = "constraint \"" + drop.name() + "\" of relation \"" + draft.name + "\" does not exist";
            if (drop.ifExists()) {
                alteration.notices.add(message + ", skipping");
                return;
            }
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, message);
        }
        if (constraint instanceof CheckConstraintEntry check) {
            draft.checks.remove(check);
            draft.checksToValidate.remove(check.name());
        } else {
            UniqueConstraintEntry key = (UniqueConstraintEntry) constraint;
            dropReferencing(alteration, reference -> reference.referencedKey().equals(key.name()),
                    "constraint " + key.name() + " on table " + draft.name, "index " + key.name(), drop.cascade());
            draft.keys.remove(key);
            draft.keysChanged = true;
        }
    }

    /**
     * The foreign keys referencing this table that {@code affected} selects (of other tables, and the table's own
     * that reference it) depend on what is being dropped: without CASCADE that is PostgreSQL's 2BP01, with it they
     * are dropped too.
     */
    private void dropReferencing(Alteration alteration, java.util.function.Predicate<ForeignKeyEntry> affected,
                                 String dropping, String dependedOn, boolean cascade) {
        TableDraft draft = alteration.draft;
        String schema = alteration.table.schema();
        String table = alteration.table.name();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<TableEntry, List<ForeignKeyEntry>> other : draft.incoming.entrySet()) {
            for (ForeignKeyEntry key : other.getValue()) {
                if (key.references(schema, table) && affected.test(key)) {
                    lines.add("constraint " + key.name() + " on table " + other.getKey().name());
                }
            }
        }
        for (ForeignKeyEntry key : draft.foreignKeys) {
            if (key.references(schema, table) && affected.test(key)) {
                lines.add("constraint " + key.name() + " on table " + draft.name);
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        if (!cascade) {
            List<String> detail = new ArrayList<>();
            for (String line : lines) {
                detail.add(line + " depends on " + dependedOn);
            }
            throw BasaltException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                            "cannot drop " + dropping + " because other objects depend on it")
                    .withDetail(String.join("\n", detail))
                    .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
        }
        alteration.notices.add(lines.size() == 1 ? "drop cascades to " + lines.getFirst()
                : "drop cascades to " + lines.size() + " other objects");
        for (Map.Entry<TableEntry, List<ForeignKeyEntry>> other : draft.incoming.entrySet()) {
            List<ForeignKeyEntry> kept = new ArrayList<>(other.getValue());
            kept.removeIf(key -> key.references(schema, table) && affected.test(key));
            other.setValue(kept);
        }
        draft.foreignKeys.removeIf(key -> key.references(schema, table) && affected.test(key));
    }

    private void renameColumn(Alteration alteration, AlterTableAction.RenameColumn rename) {
        TableDraft draft = alteration.draft;
        int index = draft.columnIndex(rename.from());
        if (index < 0) {
            throw BasaltException.of(SqlState.UNDEFINED_COLUMN, "column \"" + rename.from() + "\" does not exist");
        }
        io.basalt.catalog.SystemColumns.refuseAsColumnName(rename.to());
        if (draft.columnIndex(rename.to()) >= 0) {
            throw BasaltException.of(SqlState.DUPLICATE_COLUMN,
                    "column \"" + rename.to() + "\" of relation \"" + draft.name + "\" already exists");
        }
        ColumnEntry column = draft.columns.get(index);
        for (int c = 0; c < draft.checks.size(); c++) {
            CheckConstraintEntry check = draft.checks.get(c);
            if (check.text() != null) {
                draft.checks.set(c, check.withText(io.basalt.binder.CheckConstraintText.renamed(check.text(),
                        draft.columns, index, rename.to(), catalog)));
            }
        }
        draft.setColumn(index, column.withName(rename.to()));
        if (draft.inKey(index)) {
            draft.keysChanged = true;
        }
        String schema = alteration.table.schema();
        String tableName = alteration.table.name();
        alteration.afterwards.add(() -> {
            for (SequenceEntry owned : catalog.sequencesOwnedBy(schema, tableName)) {
                SequenceEntry.OwnedColumn owner = owned.owner();
                if (owner.column().equals(rename.from())) {
                    owned.setOwner(new SequenceEntry.OwnedColumn(owner.table(), rename.to(), owner.identity()));
                }
            }
        });
    }

    private void renameConstraint(TableDraft draft, AlterTableAction.RenameConstraint rename) {
        Object constraint = draft.constraint(rename.from());
        if (constraint == null) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "constraint \"" + rename.from() + "\" for table \""
                    + draft.name + "\" does not exist");
        }
        if (draft.constraint(rename.to()) != null) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT,
                    "constraint \"" + rename.to() + "\" for relation \"" + draft.name + "\" already exists");
        }
        if (constraint instanceof CheckConstraintEntry check) {
            draft.checks.set(draft.checks.indexOf(check), check.with(rename.to(), check.condition()));
            if (draft.checksToValidate.remove(check.name())) {
                draft.checksToValidate.add(rename.to());
            }
        } else {
            UniqueConstraintEntry key = (UniqueConstraintEntry) constraint;
            if (catalog.relationExists(draft.original.schema(), rename.to())) {
                throw BasaltException.of(SqlState.DUPLICATE_TABLE, "relation \"" + rename.to() + "\" already exists");
            }
            draft.keys.set(draft.keys.indexOf(key), key.renamed(rename.to(), key.columns()));
            draft.keysChanged = true;
            draft.updateReferences(reference -> !reference.referencedKey().equals(rename.from()) ? reference
                    : TableDraft.foreignKey(reference, reference.columns(), reference.referencedTable(),
                            reference.referencedColumns(), rename.to(), reference.deleteSetColumns()));
        }
    }

    private void renameTable(Alteration alteration, AlterTableAction.RenameTable rename) {
        TableDraft draft = alteration.draft;
        if (catalog.relationExists(alteration.table.schema(), rename.to())) {
            throw BasaltException.of(SqlState.DUPLICATE_TABLE, "relation \"" + rename.to() + "\" already exists");
        }
        draft.name = rename.to();
        draft.updateReferences(reference -> TableDraft.foreignKey(reference, reference.columns(), rename.to(),
                reference.referencedColumns(), reference.referencedKey(), reference.deleteSetColumns()));
        String schema = alteration.table.schema();
        String tableName = alteration.table.name();
        alteration.afterwards.add(() -> {
            catalog.hierarchy().rename(schema, tableName, rename.to());
            for (SequenceEntry owned : catalog.sequencesOwnedBy(schema, tableName)) {
                SequenceEntry.OwnedColumn owner = owned.owner();
                owned.setOwner(new SequenceEntry.OwnedColumn(rename.to(), owner.column(), owner.identity()));
            }
        });
    }

    // ---- names --------------------------------------------------------------------------------------

    /** Relation names of the table's schema (tables, sequences, key indexes), which a key's name must avoid. */
    private Set<String> relationNames(Alteration alteration) {
        String schema = alteration.table.schema();
        Set<String> names = new HashSet<>();
        for (TableEntry other : catalog.tables()) {
            if (other.schema().equals(schema)) {
                names.add(other.name());
                for (UniqueConstraintEntry key : other.uniqueKeys()) {
                    names.add(key.name());
                }
            }
        }
        for (SequenceEntry sequence : catalog.sequences()) {
            if (sequence.schema().equals(schema)) {
                names.add(sequence.name());
            }
        }
        for (UniqueConstraintEntry key : alteration.draft.keys) {
            names.add(key.name());
        }
        names.add(alteration.draft.name);
        return names;
    }

    /**
     * PostgreSQL's generated constraint name {@code table_column_label}, numbered until it is free: among the
     * constraint names of the schema, and for a key (an index, which is a relation) among its relations too.
     */
    private String freeName(Alteration alteration, String column, String label, boolean relation) {
        Set<String> taken = relation ? relationNames(alteration) : new HashSet<>();
        String schema = alteration.table.schema();
        for (TableEntry other : catalog.tables()) {
            if (other.schema().equals(schema) && other != alteration.table) {
                for (CheckConstraintEntry check : other.checks()) {
                    taken.add(check.name());
                }
                for (UniqueConstraintEntry key : other.uniqueKeys()) {
                    taken.add(key.name());
                }
            }
        }
        for (CheckConstraintEntry check : alteration.draft.checks) {
            taken.add(check.name());
        }
        for (UniqueConstraintEntry key : alteration.draft.keys) {
            taken.add(key.name());
        }
        for (int pass = 0; ; pass++) {
            String name = TableConstraints.objectName(alteration.draft.name, column, pass == 0 ? label : label + pass);
            if (!taken.contains(name)) {
                return name;
            }
        }
    }

    // ---- taking effect --------------------------------------------------------------------------------

    private void publish(Alteration alteration, String sql) {
        TableDraft draft = alteration.draft;
        TableEntry old = alteration.table;
        String logged = alteration.temporary ? null : sql;
        if (draft.needsNewStore() && draft.addedInPlace()) {
            addColumnsInPlace(alteration, logged);
            return;
        }
        if (!draft.needsNewStore()) {
            old.store().refuseChanges(true);
            try {
                validate(draft, old.store());
                TableEntry replacement = draft.toEntry(old.store());
                validateForeignKeys(alteration, replacement);
                if (logged != null) {
                    log.accept(logged);
                }
                catalog.replaceTable(old, replacement);
                ForeignKeyRelinks.relink(catalog, old, replacement, draft.incoming, alteration.context);
            } finally {
                old.store().refuseChanges(false);
            }
            return;
        }
        List<LogicalType> types = new ArrayList<>();
        for (ColumnEntry column : draft.columns) {
            types.add(column.type());
        }
        if (changedInThisTransaction(old.store())) {
            // the copy reads the committed rows: the transaction's own changes would be left behind
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot rewrite table \"" + old.name()
                    + "\" after the same transaction changed its rows")
                    .withHint("Commit the changes first, or alter the table before changing its rows.");
        }
        var store = stores.create(alteration.temporary ? draft.name : DdlExecutor.storeName(draft.schema, draft.name),
                types, !alteration.temporary);
        if (alteration.temporary && store instanceof io.basalt.storage.table.InMemoryTableStore memory) {
            memory.markTemporary();
        }
        old.store().refuseChanges(true);
        try {
            for (UniqueConstraintEntry key : draft.keys) {
                store.addUniqueKey(DdlExecutor.uniqueKeyIndex(key, draft.name, draft.columns));
            }
            for (io.basalt.catalog.IndexEntry index : draft.indexes) {
                if (index.enforced()) {
                    store.addUniqueKey(DdlExecutor.uniqueKeyIndex(index, draft.name, draft.columns,
                            alteration.context));
                }
                InvertedIndexDefinitions.attach(index, draft.columns, store);
                ExpressionIndexDefinitions.attach(index, draft.name, draft.columns, store, alteration.context);
            }
            try {
                rewrite.copy(old.store(), old.columnTypes(), draft.values, store);
            } catch (BasaltException failure) {
                throw failure.sqlState() == SqlState.UNIQUE_VIOLATION ? indexNotCreated(failure)
                        : ExclusionConstraints.notCreated(failure);
            }
            if (draft.columnsChanged) {
                for (ColumnEntry column : draft.columns) {
                    if (column.notNull()) {
                        draft.notNullToValidate.add(column.name());
                    }
                }
            }
            validate(draft, store);
            TableEntry replacement = draft.toEntry(store);
            validateForeignKeys(alteration, replacement);
            if (logged != null) {
                log.accept(logged);
            }
            if (!draft.relocated()) {
                catalog.replaceTable(old, replacement);
            } else {
                catalog.removeTable(old);
                catalog.addTable(replacement);
            }
            ForeignKeyRelinks.relink(catalog, old, replacement, draft.incoming, alteration.context);
        } catch (RuntimeException | Error failure) {
            old.store().refuseChanges(false);
            store.close();
            throw failure;
        }
        if (undo != null) {
            undo.retire(old.store());
        } else {
            old.store().close();
        }
    }

    /**
     * Columns added at the end with constant values: the store adds them without copying a row ({@link
     * io.basalt.storage.table.TableStore#addColumn}). A NOT NULL added column fails only when the constant is null
     * and the table has rows; the other verifications read the columns the table had.
     */
    private void addColumnsInPlace(Alteration alteration, String logged) {
        TableDraft draft = alteration.draft;
        TableEntry old = alteration.table;
        int kept = old.columns().size();
        old.store().refuseChanges(true);
        try {
            for (int c = kept; c < draft.columns.size(); c++) {
                ColumnEntry column = draft.columns.get(c);
                if (draft.notNullToValidate.remove(column.name())
                        && ((BoundExpression.Constant) draft.values.get(c)).value() == null
                        && old.store().rowCount() > 0) {
                    throw BasaltException.of(SqlState.NOT_NULL_VIOLATION, "column \"" + column.name()
                            + "\" of relation \"" + draft.name + "\" contains null values");
                }
            }
            validate(draft, old.store(), kept);
            if (logged != null) {
                log.accept(logged);
            }
            if (undo != null) {
                undo.addedInPlace(old.store(), kept);
            }
            for (int c = kept; c < draft.columns.size(); c++) {
                BoundExpression.Constant value = (BoundExpression.Constant) draft.values.get(c);
                old.store().addColumn(draft.columns.get(c).type(), value.value());
            }
            TableEntry replacement = draft.toEntry(old.store());
            catalog.replaceTable(old, replacement);
            ForeignKeyRelinks.relink(catalog, old, replacement, draft.incoming, alteration.context);
        } finally {
            old.store().refuseChanges(false);
        }
    }

    /** Verifies the NOT NULL columns and CHECK constraints the draft marked against the rows of {@code store}. */
    private void validate(TableDraft draft, io.basalt.storage.table.TableStore store) {
        validate(draft, store, draft.columns.size());
    }

    /** As {@link #validate(TableDraft, io.basalt.storage.table.TableStore)}, the store holding the first {@code width} columns. */
    private void validate(TableDraft draft, io.basalt.storage.table.TableStore store, int width) {
        List<LogicalType> types = new ArrayList<>();
        for (ColumnEntry column : draft.columns.subList(0, width)) {
            types.add(column.type());
        }
        for (String name : draft.notNullToValidate) {
            int index = draft.columnIndex(name);
            ColumnEntry column = draft.columns.get(index);
            BoundExpression isNull = new BoundExpression.IsNull(
                    new BoundExpression.ColumnRef(index, draft.name, name, column.type(), 0), false, 0);
            if (rewrite.anyRow(store, types, isNull)) {
                throw BasaltException.of(SqlState.NOT_NULL_VIOLATION,
                        "column \"" + name + "\" of relation \"" + draft.name + "\" contains null values");
            }
        }
        for (CheckConstraintEntry check : draft.checks) {
            if (draft.checksToValidate.contains(check.name())
                    && rewrite.anyRow(store, types, new BoundExpression.Not(check.condition(), 0))) {
                throw BasaltException.of(SqlState.CHECK_VIOLATION, "check constraint \"" + check.name()
                        + "\" of relation \"" + draft.name + "\" is violated by some row");
            }
        }
    }

    /**
     * Checks the rows of {@code replacement} (the published definition, over the store holding the rows) against
     * each foreign key the draft marked for validation, before anything is logged.
     */
    private void validateForeignKeys(Alteration alteration, TableEntry replacement) {
        for (io.basalt.catalog.ForeignKeyEntry entry : replacement.foreignKeys()) {
            if (alteration.draft.foreignKeysToValidate.contains(entry.name())) {
                io.basalt.storage.table.ForeignKeyValidation.checkExistingRows(
                        ForeignKeyRelinks.plan(catalog, replacement, entry, alteration.context));
            }
        }
    }

    /** A duplicate found while the new store indexed the rows, as PostgreSQL reports it when building an index. */
    private static BasaltException indexNotCreated(BasaltException duplicate) {
        String message = duplicate.getMessage();
        String prefix = "duplicate key value violates unique constraint ";
        String index = message.startsWith(prefix) ? message.substring(prefix.length()) : "";
        String detail = duplicate.detail() == null ? null
                : duplicate.detail().replace(") already exists.", ") is duplicated.");
        return BasaltException.of(SqlState.UNIQUE_VIOLATION, "could not create unique index " + index)
                .withDetail(detail);
    }

    /** Whether the running statement's transaction has pending changes of {@code store}'s rows. */
    private static boolean changedInThisTransaction(io.basalt.storage.table.TableStore store) {
        io.basalt.storage.table.TableStore inner = store instanceof io.basalt.storage.table.LoggedTableStore logged
                ? logged.unlogged() : store;
        io.basalt.storage.table.TableTransaction transaction = io.basalt.storage.table.TableTransaction.current();
        if (transaction == null || !(inner instanceof io.basalt.storage.table.InMemoryTableStore memory)) {
            return false;
        }
        io.basalt.storage.table.PendingChange change = transaction.change(memory);
        return change != null && !change.isEmpty();
    }
}
