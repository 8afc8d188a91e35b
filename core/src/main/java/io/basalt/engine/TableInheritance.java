package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.CheckConstraintEntry;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.TableHierarchy;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.sql.ast.CreateTableStatement;
import io.basalt.sql.ast.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * What a new table takes from its parents: {@code INHERITS (parents)} gives it the parents' columns first (merged
 * by name, with PostgreSQL's notices and type-conflict errors) and their CHECK constraints; {@code PARTITION OF
 * parent} gives it exactly the parent's columns and CHECK constraints. The table's own column definitions merge into
 * inherited columns of the same name.
 */
final class TableInheritance {
    /**
     * The parent tables (in the order written), the inherited columns and the notices merging them printed; and the
     * inherited columns whose parents give them different generation expressions, which the table's own definition
     * must settle ({@link #requireSettledGenerations}).
     */
    record Parents(List<TableEntry> tables, List<ColumnEntry> columns, List<String> notices,
                   List<String> conflictingGenerations) {
        Parents(List<TableEntry> tables, List<ColumnEntry> columns, List<String> notices) {
            this(tables, columns, notices, new ArrayList<>());
        }
    }

    private TableInheritance() {
    }

    /**
     * The parents a CREATE TABLE names, checked; none when it names none. The notices merging their columns prints
     * go to {@code notices} as they come (they show even when a later check fails).
     */
    static Parents resolve(CreateTableStatement create, Catalog catalog, List<String> notices) {
        CreateTableStatement.Hierarchy hierarchy = create.hierarchy();
        List<TableEntry> tables = new ArrayList<>();
        List<ColumnEntry> columns = new ArrayList<>();
        List<String> conflictingGenerations = new ArrayList<>();
        if (hierarchy == null) {
            return new Parents(tables, columns, notices);
        }
        if (hierarchy.partitionOf() != null) {
            TableEntry parent = find(hierarchy.partitionOf(), catalog);
            if (catalog.hierarchy().partitionKey(parent.schema(), parent.name()) == null) {
                throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION,
                        "\"" + parent.name() + "\" is not partitioned");
            }
            tables.add(parent);
            for (ColumnEntry column : parent.columns()) {
                columns.add(column.notNull() ? column.withNotNullName(column.notNullName(parent.name())) : column);
            }
            return new Parents(tables, columns, notices);
        }
        if (!hierarchy.inherits().isEmpty() && hierarchy.partitionBy() != null) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE,
                    "cannot create partitioned table as inheritance child");
        }
        for (QualifiedName name : hierarchy.inherits()) {
            TableEntry parent = find(name, catalog);
            if (catalog.hierarchy().partitionKey(parent.schema(), parent.name()) != null) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE,
                        "cannot inherit from partitioned table \"" + parent.name() + "\"");
            }
            if (catalog.hierarchy().partitionOf(parent.schema(), parent.name()) != null) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE,
                        "cannot inherit from partition \"" + parent.name() + "\"");
            }
            if (tables.contains(parent)) {
                throw BasaltException.at(SqlState.DUPLICATE_TABLE, name.position(),
                        "relation \"" + parent.name() + "\" would be inherited from more than once");
            }
            tables.add(parent);
            for (ColumnEntry column : parent.columns()) {
                int at = indexOf(columns, column.name());
                if (at < 0) {
                    columns.add(inheritedColumn(column, parent.name()));
                    continue;
                }
                notices.add("merging multiple inherited definitions of column \"" + column.name() + "\"");
                ColumnEntry existing = columns.get(at);
                requireSameType(existing, column);
                if (existing.generated() != column.generated()) {
                    throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                            "inherited column \"" + column.name() + "\" has a generation conflict");
                }
                if (existing.generated() && !existing.generationText().equals(column.generationText())
                        && !conflictingGenerations.contains(column.name())) {
                    conflictingGenerations.add(column.name());
                }
                columns.set(at, existing.notNull() || !column.notNull() ? existing
                        : existing.withNotNull(true).withNotNullName(column.notNullName(parent.name())));
            }
        }
        return new Parents(tables, columns, notices, conflictingGenerations);
    }

    /**
     * A partition's statement with the parent's PRIMARY KEY and UNIQUE constraints added (each named for the
     * partition, as PostgreSQL names the partition's index), so that the partition enforces them; they include the
     * partition key, so enforcing them per partition enforces them over the whole table.
     */
    static CreateTableStatement withPartitionKeys(CreateTableStatement create, Parents parents) {
        if (create.hierarchy() == null || create.hierarchy().partitionOf() == null) {
            return create;
        }
        TableEntry parent = parents.tables().getFirst();
        if (parent.uniqueKeys().isEmpty()) {
            return create;
        }
        List<io.basalt.sql.ast.TableConstraint> constraints = new ArrayList<>(create.constraints());
        for (io.basalt.catalog.UniqueConstraintEntry key : parent.uniqueKeys()) {
            List<String> names = new ArrayList<>();
            for (int column : key.columns()) {
                names.add(parent.columns().get(column).name());
            }
            constraints.add(key.primaryKey() ? new io.basalt.sql.ast.TableConstraint.PrimaryKey(null, names, 0)
                    : new io.basalt.sql.ast.TableConstraint.Unique(null, names, 0));
        }
        return new CreateTableStatement(create.name(), create.ifNotExists(), create.columns(), constraints,
                create.temporary(), create.likes(), create.hierarchy(), create.position(), create.storageParameters());
    }

    /**
     * An inherited column keeps its type, NOT NULL (its not-null constraint under the parent's name) and default,
     * not its identity.
     */
    private static ColumnEntry inheritedColumn(ColumnEntry column, String parent) {
        return new ColumnEntry(column.name(), column.type(), column.notNull(), column.defaultExpression(),
                column.defaultText(), null, column.generation(), column.generationText(), column.notNullName(parent));
    }

    /**
     * Merges the table's own column {@code own}, the {@code ownIndex}-th of its definitions, into {@code columns}
     * (the inherited ones first): into the inherited column of its name, with a notice, or appended.
     */
    static void merge(List<ColumnEntry> columns, int inheritedCount, ColumnEntry own, int ownIndex,
                      List<String> notices) {
        int at = indexOf(columns, own.name());
        if (at < 0 || at >= inheritedCount) {
            columns.add(own);
            return;
        }
        ColumnEntry inherited = columns.get(at);
        requireSameType(inherited, own, notices, at == ownIndex);
        requireCompatibleGeneration(inherited, own);
        columns.set(at, new ColumnEntry(own.name(), inherited.type(), inherited.notNull() || own.notNull(),
                own.defaultExpression() != null ? own.defaultExpression() : inherited.defaultExpression(),
                own.defaultExpression() != null ? own.defaultText() : inherited.defaultText(), own.identity(),
                own.generation() != null ? own.generation() : inherited.generation(),
                own.generation() != null ? own.generationText() : inherited.generationText(),
                inherited.notNullName()));
    }

    /**
     * PostgreSQL 16's rules for a column definition merged into an inherited one: a generated parent column admits
     * neither a default nor an identity in the child, and only a generated parent column admits a generated child.
     */
    private static void requireCompatibleGeneration(ColumnEntry inherited, ColumnEntry own) {
        if (inherited.generated()) {
            if (own.identity() != null) {
                throw BasaltException.of(SqlState.INVALID_COLUMN_DEFINITION,
                        "column \"" + own.name() + "\" inherits from generated column but specifies identity");
            }
            if (own.defaultExpression() != null && !own.generated()) {
                throw BasaltException.of(SqlState.INVALID_COLUMN_DEFINITION,
                        "column \"" + own.name() + "\" inherits from generated column but specifies default");
            }
        } else if (own.generated()) {
            throw BasaltException.of(SqlState.INVALID_COLUMN_DEFINITION,
                            "child column \"" + own.name() + "\" specifies generation expression")
                    .withHint("A child table column cannot be generated unless its parent column is.");
        }
    }

    /**
     * Fails when a column whose parents give it different generation expressions did not get one of its own in the
     * table's definition ({@code ownColumns}: the names of the columns the CREATE TABLE defines).
     */
    static void requireSettledGenerations(Parents parents, List<ColumnEntry> columns, java.util.Set<String> defined) {
        for (String name : parents.conflictingGenerations()) {
            int at = indexOf(columns, name);
            if (!defined.contains(name) || at < 0 || !columns.get(at).generated()) {
                throw BasaltException.of(SqlState.INVALID_COLUMN_DEFINITION,
                                "column \"" + name + "\" inherits conflicting generation expressions")
                        .withHint("To resolve the conflict, specify a generation expression explicitly.");
            }
        }
    }

    /**
     * PostgreSQL 18's refusal of a VIRTUAL generated column over an inherited generated one: Basalt's generated
     * columns are all stored, so an inherited one is STORED.
     */
    static void refuseVirtualOverStored(io.basalt.sql.ast.ColumnDefinition definition, Parents parents) {
        int at = indexOf(parents.columns(), definition.name());
        if (at < 0 || !parents.columns().get(at).generated()) {
            return;
        }
        for (io.basalt.sql.ast.ColumnConstraint constraint : definition.constraints()) {
            if (constraint instanceof io.basalt.sql.ast.ColumnConstraint.Generated generated && generated.virtual()) {
                throw BasaltException.of(SqlState.INVALID_COLUMN_DEFINITION, "column \"" + definition.name()
                                + "\" inherits from generated column of different kind")
                        .withDetail("Parent column is STORED, child column is VIRTUAL.");
            }
        }
    }

    private static void requireSameType(ColumnEntry inherited, ColumnEntry own, List<String> notices,
                                        boolean samePosition) {
        if (samePosition) {
            notices.add("merging column \"" + own.name() + "\" with inherited definition");
        } else {
            notices.add("moving and merging column \"" + own.name() + "\" with inherited definition\n"
                    + "DETAIL:  User-specified column moved to the position of the inherited column.");
        }
        requireSameType(inherited, own);
    }

    private static void requireSameType(ColumnEntry first, ColumnEntry second) {
        if (!first.type().equals(second.type())) {
            throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                            "column \"" + second.name() + "\" has a type conflict")
                    .withDetail(first.type().displayName() + " versus " + second.type().displayName());
        }
    }

    /** The parents' CHECK constraints over the new table's columns (matched by name), each name once. */
    static List<CheckConstraintEntry> checks(Parents parents, List<ColumnEntry> columns) {
        List<CheckConstraintEntry> checks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (TableEntry parent : parents.tables()) {
            int[] mapping = new int[parent.columns().size()];
            for (int i = 0; i < mapping.length; i++) {
                mapping[i] = indexOf(columns, parent.columns().get(i).name());
            }
            for (CheckConstraintEntry check : parent.checks()) {
                if (check.noInherit()) {
                    continue;
                }
                if (!names.contains(check.name())) {
                    names.add(check.name());
                    checks.add(new CheckConstraintEntry(check.name(),
                            ColumnReferences.renumber(check.condition(), mapping), false, check.notEnforced(),
                            check.text(), true));
                }
            }
        }
        return checks;
    }

    /**
     * The statement without its own CHECK constraints that bear the name of an inherited one: PostgreSQL merges such a
     * constraint into the inherited one, with a notice. (PostgreSQL also requires the two conditions to be equal;
     * Basalt does not compare them and keeps the inherited condition.)
     */
    static CreateTableStatement mergeNamedChecks(CreateTableStatement create, List<CheckConstraintEntry> inherited,
                                                 List<String> notices) {
        if (inherited.isEmpty()) {
            return create;
        }
        List<io.basalt.sql.ast.TableConstraint> kept = new ArrayList<>();
        boolean merged = false;
        for (io.basalt.sql.ast.TableConstraint constraint : create.constraints()) {
            if (constraint instanceof io.basalt.sql.ast.TableConstraint.Check check && check.name() != null
                    && !check.noInherit() && inheritedNamed(inherited, check.name())) {
                notices.add("merging constraint \"" + check.name() + "\" with inherited definition");
                merged = true;
                continue;
            }
            kept.add(constraint);
        }
        return !merged ? create : new CreateTableStatement(create.name(), create.ifNotExists(), create.columns(),
                kept, create.temporary(), create.likes(), create.hierarchy(), create.position(),
                create.storageParameters());
    }

    private static boolean inheritedNamed(List<CheckConstraintEntry> inherited, String name) {
        for (CheckConstraintEntry check : inherited) {
            if (check.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's rules on persistence across a hierarchy: a permanent table may not inherit from (or be a partition
     * of) a temporary one, and a temporary partition may not belong to a permanent partitioned table.
     */
    static void checkPersistence(Parents parents, boolean temporary, boolean partition, Catalog catalog) {
        for (TableEntry parent : parents.tables()) {
            boolean parentTemporary = catalog.isTempSchema(parent.schema());
            if (parentTemporary && !temporary) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, partition
                        ? "cannot create a permanent relation as partition of temporary relation \"" + parent.name()
                                + "\"" : "cannot inherit from temporary relation \"" + parent.name() + "\"");
            }
            if (partition && temporary && !parentTemporary) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE,
                        "cannot create a temporary relation as partition of permanent relation \"" + parent.name()
                                + "\"");
            }
        }
    }

    /** Links the new table {@code schema.name} to its parents in the catalog's hierarchy. */
    static void link(Catalog catalog, Parents parents, String schema, String name,
                     CreateTableStatement.Hierarchy hierarchy, TableHierarchy.PartitionValues values) {
        for (TableEntry parent : parents.tables()) {
            catalog.hierarchy().addLink(new TableHierarchy.Link(parent.schema(), parent.name(), schema, name,
                    hierarchy.partitionOf() != null ? hierarchy.bound() : null, values));
        }
    }

    static int indexOf(List<ColumnEntry> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static TableEntry find(QualifiedName name, Catalog catalog) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        return catalog.findTable(schema, name.last()).orElseThrow(() -> BasaltException.at(SqlState.UNDEFINED_TABLE,
                name.position(), "relation \"" + name.last() + "\" does not exist"));
    }
}
