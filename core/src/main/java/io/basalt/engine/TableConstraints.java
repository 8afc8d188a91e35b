package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.CheckConditions;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.CheckConstraintEntry;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.sql.ast.ColumnConstraint;
import io.basalt.sql.ast.ColumnDefinition;
import io.basalt.sql.ast.CreateTableStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.TableConstraint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The CHECK, UNIQUE and PRIMARY KEY constraints of a CREATE TABLE, validated and named as PostgreSQL 15 does:
 * column constraints then table constraints, in the order written; unnamed CHECKs become {@code t_col_check}
 * (one column referenced) or {@code t_check}, unique keys {@code t_a_b_key} and the primary key {@code t_pkey},
 * numbered ({@code t_check1}) past names already taken and cut to 63 bytes. The primary key comes first among
 * the keys, its columns become NOT NULL, and a key with the same columns as an earlier one is dropped (its name
 * passing to the earlier one if that had none). An EXCLUDE constraint over columns with {@code =} is a key named
 * {@code t_a_b_excl} ({@link ExclusionConstraints}). FOREIGN KEY constraints are {@link ForeignKeyDefinitions}'
 * concern.
 */
final class TableConstraints {
    /** The table's constraints, and its columns with the primary key's made NOT NULL. */
    record Defined(List<ColumnEntry> columns, List<CheckConstraintEntry> checks, List<UniqueConstraintEntry> keys) {
    }

    /** A key before it is named. */
    private static final class Key {
        String name;
        final List<Integer> columns;
        final boolean primary;
        boolean deferrable;
        boolean initiallyDeferred;
        boolean nullsNotDistinct;
        /** An EXCLUDE constraint whose operators are all {@code =}. */
        boolean exclusion;

        Key(String name, List<Integer> columns, boolean primary) {
            this.name = name;
            this.columns = columns;
            this.primary = primary;
        }

        Key deferral(boolean isDeferrable, boolean isInitiallyDeferred) {
            this.deferrable = isDeferrable;
            this.initiallyDeferred = isInitiallyDeferred;
            return this;
        }

        Key nullsNotDistinct(boolean notDistinct) {
            this.nullsNotDistinct = notDistinct;
            return this;
        }
    }

    private record Check(String name, Expression condition, boolean noInherit, boolean notEnforced) {
    }

    private static final int MAX_NAME_BYTES = 63;

    private final Catalog catalog;
    private final String schema;
    private final String table;
    private final List<ColumnEntry> columns;
    private final List<Check> checks = new ArrayList<>();
    /** The columns PostgreSQL 18's table constraint {@code NOT NULL column} names. */
    private final List<TableConstraint.NotNull> notNullColumns = new ArrayList<>();
    private final List<CheckConstraintEntry> copiedChecks = new ArrayList<>();
    private final List<Key> keys = new ArrayList<>();
    private Key primaryKey;

    private TableConstraints(Catalog catalog, String schema, String table, List<ColumnEntry> columns) {
        this.catalog = catalog;
        this.schema = schema;
        this.table = table;
        this.columns = columns;
    }

    /** {@code copiedChecks}: CHECK constraints that CREATE TABLE ... LIKE copies, already bound and named. */
    static Defined define(CreateTableStatement create, String schema, List<ColumnEntry> columns,
                          List<CheckConstraintEntry> copiedChecks, Catalog catalog, BindContext context) {
        TableConstraints constraints = new TableConstraints(catalog, schema, create.name().last(), columns);
        constraints.copiedChecks.addAll(copiedChecks);
        for (int c = 0; c < create.columns().size(); c++) {
            // Inherited columns come first, so a definition's column is found by name.
            int index = TableInheritance.indexOf(columns, create.columns().get(c).name());
            constraints.column(index < 0 ? c : index, create.columns().get(c));
        }
        for (TableConstraint constraint : create.constraints()) {
            constraints.table(constraint);
        }
        return constraints.finish(context);
    }

    private void column(int index, ColumnDefinition definition) {
        for (ColumnConstraint constraint : definition.constraints()) {
            switch (constraint) {
                case ColumnConstraint.Check c -> checks.add(new Check(c.name(), c.condition(), c.noInherit(),
                        c.notEnforced()));
                case ColumnConstraint.Unique u -> keys.add(new Key(u.name(), List.of(index), false)
                        .deferral(u.deferrable(), u.initiallyDeferred()).nullsNotDistinct(u.nullsNotDistinct()));
                case ColumnConstraint.PrimaryKey p -> addPrimaryKey(new Key(p.name(), List.of(index), true)
                        .deferral(p.deferrable(), p.initiallyDeferred()), p.position());
                case ColumnConstraint.References ignored -> { }
                case ColumnConstraint.NotNull ignored -> { }
                case ColumnConstraint.Nullable ignored -> { }
                case ColumnConstraint.Default ignored -> { }
                case ColumnConstraint.Identity ignored -> { }
                case ColumnConstraint.Generated ignored -> { }
            }
        }
    }

    private void table(TableConstraint constraint) {
        switch (constraint) {
            case TableConstraint.Check c -> checks.add(new Check(c.name(), c.condition(), c.noInherit(),
                    c.notEnforced()));
            case TableConstraint.Unique u ->
                    keys.add(new Key(u.name(), keyColumns(u.columns(), "unique", u.position()), false)
                            .deferral(u.deferrable(), u.initiallyDeferred()).nullsNotDistinct(u.nullsNotDistinct()));
            case TableConstraint.PrimaryKey p -> addPrimaryKey(
                    new Key(p.name(), keyColumns(p.columns(), "primary key", p.position()), true)
                            .deferral(p.deferrable(), p.initiallyDeferred()), p.position());
            case TableConstraint.ForeignKey ignored -> { }
            case TableConstraint.NotNull n -> notNullColumns.add(n);
            case TableConstraint.Exclude e -> {
                Key key = new Key(e.name(), ExclusionConstraints.keyColumns(e, columns), false)
                        .deferral(e.deferrable(), e.initiallyDeferred());
                key.exclusion = true;
                keys.add(key);
            }
        }
    }

    private void addPrimaryKey(Key key, int position) {
        if (primaryKey != null) {
            throw BasaltException.at(SqlState.INVALID_TABLE_DEFINITION, position,
                    "multiple primary keys for table \"" + table + "\" are not allowed");
        }
        primaryKey = key;
        keys.add(key);
    }

    private List<Integer> keyColumns(List<String> names, String kind, int position) {
        List<Integer> indexes = new ArrayList<>(names.size());
        for (String name : names) {
            int index = indexOf(name);
            if (index < 0) {
                throw BasaltException.at(SqlState.UNDEFINED_COLUMN, position,
                        "column \"" + name + "\" named in key does not exist");
            }
            if (indexes.contains(index)) {
                throw BasaltException.at(SqlState.DUPLICATE_COLUMN, position,
                        "column \"" + name + "\" appears twice in " + kind + " constraint");
            }
            indexes.add(index);
        }
        return indexes;
    }

    private int indexOf(String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return c;
            }
        }
        return -1;
    }

    private Defined finish(BindContext context) {
        Set<String> constraintNames = new HashSet<>();
        Set<String> relationNames = new HashSet<>();
        for (TableEntry other : catalog.tables()) {
            if (!other.schema().equals(schema)) {
                continue;
            }
            relationNames.add(other.name());
            for (CheckConstraintEntry check : other.checks()) {
                constraintNames.add(check.name());
            }
            for (UniqueConstraintEntry key : other.uniqueKeys()) {
                constraintNames.add(key.name());
                relationNames.add(key.name());
            }
            for (io.basalt.catalog.ForeignKeyEntry key : other.foreignKeys()) {
                constraintNames.add(key.name());
            }
            for (io.basalt.catalog.IndexEntry index : other.indexes()) {
                relationNames.add(index.name());
            }
        }
        for (io.basalt.catalog.SequenceEntry sequence : catalog.sequences()) {
            if (sequence.schema().equals(schema)) {
                relationNames.add(sequence.name());
            }
        }
        relationNames.add(table);
        for (CheckConstraintEntry copied : copiedChecks) {
            constraintNames.add(copied.name());
        }
        List<CheckConstraintEntry> checkEntries = namedChecks(context, constraintNames);
        checkEntries.addAll(copiedChecks);
        List<UniqueConstraintEntry> keyEntries = namedKeys(checkEntries, constraintNames, relationNames);
        List<ColumnEntry> finalColumns = new ArrayList<>(columns);
        for (TableConstraint.NotNull notNull : notNullColumns) {
            int index = TableInheritance.indexOf(finalColumns, notNull.column());
            if (index < 0) {
                throw BasaltException.at(SqlState.UNDEFINED_COLUMN, notNull.position(),
                        "column \"" + notNull.column() + "\" does not exist");
            }
            finalColumns.set(index, finalColumns.get(index).withNotNull(true));
        }
        if (primaryKey != null) {
            for (int index : primaryKey.columns) {
                ColumnEntry column = finalColumns.get(index);
                finalColumns.set(index, column.withNotNull(true));
            }
        }
        checkEntries.sort(Comparator.comparing(CheckConstraintEntry::name));
        return new Defined(finalColumns, checkEntries, keyEntries);
    }

    private List<CheckConstraintEntry> namedChecks(BindContext context, Set<String> constraintNames) {
        List<CheckConstraintEntry> entries = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Check check : checks) {
            BoundExpression condition = CheckConditions.bind(check.condition(), table, columns, context);
            String name = check.name();
            if (name != null) {
                if (!taken.add(name)) {
                    throw BasaltException.of(SqlState.DUPLICATE_OBJECT,
                            "check constraint \"" + name + "\" already exists");
                }
            } else {
                BitSet used = new BitSet();
                ColumnReferences.collect(condition, used);
                String column = used.cardinality() == 1 ? columns.get(used.nextSetBit(0)).name() : null;
                name = choose(column, "check", constraintNames, taken);
                taken.add(name);
            }
            entries.add(new CheckConstraintEntry(name, condition, check.noInherit(), check.notEnforced(),
                    io.basalt.binder.CheckConstraintText.of(check.condition(), columns, catalog), true));
        }
        return entries;
    }

    private List<UniqueConstraintEntry> namedKeys(List<CheckConstraintEntry> checkEntries, Set<String> constraintNames,
                                                  Set<String> relationNames) {
        List<Key> distinct = new ArrayList<>();
        if (primaryKey != null) {
            distinct.add(primaryKey);
        }
        for (Key key : keys) {
            if (key == primaryKey) {
                continue;
            }
            Key same = null;
            for (Key prior : distinct) {
                if (prior.columns.equals(key.columns) && !prior.exclusion && !key.exclusion) {
                    same = prior;
                    break;
                }
            }
            if (same == null) {
                distinct.add(key);
            } else if (same.name == null) {
                same.name = key.name;
            }
        }
        Set<String> checkNames = new HashSet<>();
        for (CheckConstraintEntry check : checkEntries) {
            checkNames.add(check.name());
        }
        Set<String> taken = new HashSet<>(checkNames);
        taken.addAll(constraintNames);
        taken.addAll(relationNames);
        List<UniqueConstraintEntry> entries = new ArrayList<>();
        for (Key key : distinct) {
            String name = key.name;
            if (name != null) {
                if (checkNames.contains(name)) {
                    throw BasaltException.of(SqlState.DUPLICATE_OBJECT,
                            "constraint \"" + name + "\" for relation \"" + table + "\" already exists");
                }
                if (relationNames.contains(name) || !taken.add(name)) {
                    throw BasaltException.of(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
                }
            } else {
                StringBuilder columnNames = new StringBuilder();
                if (!key.primary) {
                    for (int index : key.columns) {
                        if (!columnNames.isEmpty()) {
                            columnNames.append('_');
                        }
                        columnNames.append(columns.get(index).name());
                    }
                }
                name = choose(key.primary ? null : columnNames.toString(),
                        key.primary ? "pkey" : key.exclusion ? "excl" : "key", taken, Set.of());
                taken.add(name);
            }
            relationNames.add(name);
            entries.add(new UniqueConstraintEntry(name, key.columns, key.primary, key.nullsNotDistinct,
                    key.deferrable, key.initiallyDeferred, key.exclusion));
        }
        return entries;
    }

    /** PostgreSQL's generated name: table_column_label, then label1, label2, ... until it is free. */
    private String choose(String column, String label, Set<String> takenElsewhere, Set<String> takenHere) {
        for (int pass = 0; ; pass++) {
            String name = objectName(table, column, pass == 0 ? label : label + pass);
            if (!takenElsewhere.contains(name) && !takenHere.contains(name)) {
                return name;
            }
        }
    }

    /** {@code first_second_label}, shortening the longer of first and second until it fits in 63 bytes. */
    static String objectName(String first, String second, String label) {
        String a = first;
        String b = second == null ? "" : second;
        int overhead = label.length() + 1 + (second == null ? 0 : 1);
        while (bytes(a) + bytes(b) + overhead > MAX_NAME_BYTES) {
            if (bytes(a) > bytes(b)) {
                a = a.substring(0, a.offsetByCodePoints(a.length(), -1));
            } else {
                b = b.substring(0, b.offsetByCodePoints(b.length(), -1));
            }
        }
        return second == null ? a + "_" + label : a + "_" + b + "_" + label;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
