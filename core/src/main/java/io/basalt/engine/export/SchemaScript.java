package io.basalt.engine.export;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.CheckConstraintEntry;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.ForeignKeyEntry;
import io.basalt.catalog.IndexEntry;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.SequenceOptions;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.catalog.UserType;
import io.basalt.catalog.ViewEntry;
import io.basalt.routine.FunctionEntry;
import io.basalt.routine.RoutineCatalog;
import io.basalt.routine.TriggerEntry;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.type.EnumType;
import io.basalt.storage.table.ReferentialAction;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The catalog as DDL that recreates it, in dependency order and in two parts around the data, as pg_dump orders
 * its sections. Before the data: schemas, sequences that no column owns (with their current values), tables with
 * their columns, defaults, NOT NULL, CHECK, PRIMARY KEY and UNIQUE constraints, and the current values of the
 * sequences behind their serial and identity columns. Tables come in foreign-key order, referenced tables first, and
 * their FOREIGN KEY constraints are part of their CREATE TABLE: Basalt has no ALTER TABLE ... ADD FOREIGN KEY yet,
 * so a table can only reference tables created before it (or itself), and loading the data in the same order
 * satisfies every key. Enum types come right after the schemas, functions and procedures after the tables. After
 * the data: CREATE INDEX indexes, NOT VALID CHECK constraints and triggers. Temporary tables are left out. Partitioned
 * tables, partitions and inheritance children are written with PARTITION BY, PARTITION OF and INHERITS
 * ({@link HierarchyClauses}), parents first; only tables that hold rows of their own have data.
 *
 * <p>Not written, because the catalog does not keep their text: views and materialized views, and indexes over
 * expressions or with a WHERE predicate. Each is named in a comment of the post-data part instead.
 */
public final class SchemaScript {
    private final List<String> preData = new ArrayList<>();
    private final List<String> postData = new ArrayList<>();
    private final List<TableEntry> tables = new ArrayList<>();

    private SchemaScript() {
    }

    /** The script for everything {@code catalog} holds outside the temporary schemas (no routines). */
    public static SchemaScript of(Catalog catalog) {
        return of(catalog, null);
    }

    /** The script for {@code catalog} and the functions, procedures and triggers of {@code routines} (may be null). */
    public static SchemaScript of(Catalog catalog, RoutineCatalog routines) {
        SchemaScript script = new SchemaScript();
        script.build(catalog);
        if (routines != null) {
            script.routines(catalog, routines);
        }
        return script;
    }

    /**
     * Functions, procedures and aggregates after the tables (a SQL body may name them) and before the data; triggers
     * after the data, so that loading fires none (as pg_dump orders them). Each is its CREATE statement as it was given.
     */
    private void routines(Catalog catalog, RoutineCatalog routines) {
        for (FunctionEntry function : routines.allFunctions()) {
            if (!catalog.isTempSchema(function.schema()) && !Catalog.isSystemSchema(function.schema())) {
                preData.add(withoutSemicolon(function.definition()));
            }
        }
        // user-defined aggregates after the functions they call
        for (io.basalt.routine.AggregateEntry aggregate : routines.allAggregates()) {
            if (!catalog.isTempSchema(aggregate.schema()) && !Catalog.isSystemSchema(aggregate.schema())) {
                preData.add(withoutSemicolon(aggregate.definition()));
            }
        }
        for (TriggerEntry trigger : routines.allTriggers()) {
            if (!catalog.isTempSchema(trigger.schema())) {
                postData.add(withoutSemicolon(trigger.definition()));
            }
        }
    }

    private static String withoutSemicolon(String statement) {
        String text = statement.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    /** A column type as CREATE TABLE spells it: enum types (and arrays of them) schema-qualified. */
    private static String typeName(LogicalType type) {
        if (type.enumType() != null) {
            return qualified(type.enumType().schema(), type.enumType().name());
        }
        if (type.isArray() && type.element().enumType() != null) {
            return typeName(type.element()) + "[]";
        }
        return type.displayName();
    }

    /** {@code CREATE TYPE ... AS ENUM} with the labels in their order. */
    private static String createEnum(EnumType type) {
        StringBuilder text = new StringBuilder("CREATE TYPE ").append(qualified(type.schema(), type.name()))
                .append(" AS ENUM (");
        List<String> labels = type.labelList();
        for (int i = 0; i < labels.size(); i++) {
            text.append(i == 0 ? "" : ", ").append('\'').append(labels.get(i).replace("'", "''")).append('\'');
        }
        return text.append(')').toString();
    }

    /** Statements to run before the data is loaded, each without its terminating semicolon. */
    public List<String> preData() {
        return preData;
    }

    /** Statements to run after the data is loaded; comments (lines starting with {@code --}) are kept as items. */
    public List<String> postData() {
        return postData;
    }

    /** The tables whose rows the data part holds, ordered by schema and name. */
    public List<TableEntry> tables() {
        return tables;
    }

    /** {@code schema.name} as SQL spells it; names in {@code public} are qualified too: search_path never matters. */
    public static String qualified(String schema, String name) {
        return IdentifierQuoting.quote(schema) + "." + IdentifierQuoting.quote(name);
    }

    private void build(Catalog catalog) {
        for (String schema : catalog.schemaNames()) {
            if (!schema.equals(Catalog.DEFAULT_SCHEMA) && !Catalog.isSystemSchema(schema)) {
                preData.add("CREATE SCHEMA " + IdentifierQuoting.quote(schema));
            }
        }
        for (UserType type : catalog.types().all()) {
            if (type instanceof UserType.Enum enumType && !catalog.isTempSchema(type.schema())) {
                preData.add(createEnum(enumType.type()));
            }
        }
        Set<SequenceEntry> columnSequences = new HashSet<>();
        List<TableEntry> all = new ArrayList<>();
        for (TableEntry table : catalog.tables()) {
            if (!catalog.isTempSchema(table.schema())) {
                all.add(table);
            }
        }
        HierarchyClauses clauses = new HierarchyClauses(catalog);
        List<TableEntry> ordered = inForeignKeyOrder(all, clauses);
        for (TableEntry table : ordered) {
            columnSequences.addAll(serialSequences(catalog, table));
        }
        for (SequenceEntry sequence : catalog.sequences()) {
            if (!catalog.isTempSchema(sequence.schema()) && !columnSequences.contains(sequence)) {
                preData.add(createSequence(sequence));
                preData.add(setval(sequence));
            }
        }
        for (TableEntry table : ordered) {
            List<SequenceEntry> owned = serialSequences(catalog, table);
            preData.add(createTable(catalog, table, owned, clauses));
            preData.addAll(clauses.joins(table));
            for (SequenceEntry sequence : owned) {
                preData.add(setval(sequence));
            }
            if (!clauses.partitioned(table)) {
                tables.add(table); // a partitioned table's rows are its partitions'
            }
        }
        // partitions' indexes before their parents' (deepest first), so that a parent's CREATE INDEX takes them over
        List<TableEntry> deepestFirst = new ArrayList<>(ordered);
        deepestFirst.sort(java.util.Comparator.comparingInt(clauses::depth).reversed());
        for (TableEntry table : deepestFirst) {
            for (IndexEntry index : table.indexes()) {
                if (!clauses.madeByParent(table, index)) {
                    postData.add(index(table, index));
                }
            }
        }
        // NOT VALID checks after the data, which they are not checked against (an inherited one comes with its parent's)
        for (TableEntry table : ordered) {
            for (CheckConstraintEntry check : table.checks()) {
                if (!check.validated() && !check.notEnforced()
                        && !(clauses.fromParents(table) && clauses.inheritedCheck(table, check))) {
                    postData.add("ALTER TABLE " + qualified(table.schema(), table.name()) + " ADD CONSTRAINT "
                            + IdentifierQuoting.quote(check.name()) + " " + checkClause(table, check) + " NOT VALID");
                }
            }
        }
        for (ViewEntry view : catalog.views()) {
            if (!catalog.isTempSchema(view.schema())) {
                postData.add("-- " + (view.materialized() ? "materialized view " : "view ")
                        + qualified(view.schema(), view.name()) + " is not exported (its text is not kept)");
            }
        }
    }

    /**
     * The sequences owned by a column of {@code table} that its CREATE TABLE recreates: identity columns' and
     * serial columns' (a default calling nextval of a sequence named as serial names it).
     */
    private static List<SequenceEntry> serialSequences(Catalog catalog, TableEntry table) {
        List<SequenceEntry> owned = new ArrayList<>();
        for (SequenceEntry sequence : catalog.sequencesOwnedBy(table.schema(), table.name())) {
            SequenceEntry.OwnedColumn owner = sequence.owner();
            if (owner.identity() || isSerial(table, owner.column(), sequence)) {
                owned.add(sequence);
            }
        }
        return owned;
    }

    private static boolean isSerial(TableEntry table, String column, SequenceEntry sequence) {
        for (ColumnEntry entry : table.columns()) {
            if (entry.name().equals(column)) {
                return sequence.name().equals(table.name() + "_" + column + "_seq") && entry.defaultText() != null
                        && entry.defaultText().startsWith("nextval(") && isInteger(entry.type());
            }
        }
        return false;
    }

    private static boolean isInteger(LogicalType type) {
        return type.id() == TypeId.SMALLINT || type.id() == TypeId.INTEGER || type.id() == TypeId.BIGINT;
    }

    private static SequenceEntry ownerOf(List<SequenceEntry> sequences, String column) {
        for (SequenceEntry sequence : sequences) {
            if (sequence.owner().column().equals(column)) {
                return sequence;
            }
        }
        return null;
    }

    /**
     * The tables with every table after the tables its foreign keys reference (a depth-first walk in name order, so
     * the order is stable); references to itself do not count.
     */
    private static List<TableEntry> inForeignKeyOrder(List<TableEntry> tables, HierarchyClauses clauses) {
        java.util.Map<String, TableEntry> byName = new java.util.LinkedHashMap<>();
        for (TableEntry table : tables) {
            byName.put(table.qualifiedName(), table);
        }
        List<TableEntry> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (TableEntry table : tables) {
            place(table, byName, placed, new HashSet<>(), ordered, clauses);
        }
        return ordered;
    }

    private static void place(TableEntry table, java.util.Map<String, TableEntry> byName, Set<String> placed,
                              Set<String> visiting, List<TableEntry> ordered, HierarchyClauses clauses) {
        String name = table.qualifiedName();
        if (placed.contains(name) || !visiting.add(name)) {
            return;
        }
        for (TableEntry parent : clauses.parents(table)) {
            TableEntry known = byName.get(parent.qualifiedName());
            if (known != null) {
                place(known, byName, placed, visiting, ordered, clauses);
            }
        }
        for (ForeignKeyEntry key : table.foreignKeys()) {
            for (TableEntry candidate : byName.values()) {
                if (candidate != table && key.references(candidate.schema(), candidate.name())) {
                    place(candidate, byName, placed, visiting, ordered, clauses);
                }
            }
        }
        placed.add(name);
        ordered.add(table);
    }

    private static String createTable(Catalog catalog, TableEntry table, List<SequenceEntry> owned,
                                      HierarchyClauses clauses) {
        boolean partitionOf = clauses.asPartitionOf(table);
        boolean fromParents = clauses.fromParents(table);
        StringBuilder out = new StringBuilder("CREATE TABLE ").append(qualified(table.schema(), table.name()));
        List<String> items = new ArrayList<>();
        for (ColumnEntry column : table.columns()) {
            if (!fromParents || !clauses.inheritedColumn(table, column)) {
                items.add(column(column, ownerOf(owned, column.name())));
            } else if (partitionOf && (clauses.ownNotNull(table, column) || clauses.ownDefault(table, column))) {
                items.add(IdentifierQuoting.quote(column.name()) + " WITH OPTIONS"
                        + (clauses.ownDefault(table, column) ? " DEFAULT " + defaultText(column) : "")
                        + (clauses.ownNotNull(table, column) ? " NOT NULL" : ""));
            }
        }
        Set<String> indexNames = new HashSet<>();
        for (IndexEntry index : table.indexes()) {
            indexNames.add(index.name());
        }
        for (UniqueConstraintEntry key : table.uniqueKeys()) {
            if (indexNames.contains(key.name()) || partitionOf && clauses.inheritedKey(table, key)) {
                continue; // a unique index: CREATE INDEX makes it after the data; a partition's part of its parent's key
            }
            items.add("CONSTRAINT " + IdentifierQuoting.quote(key.name())
                    + (key.primaryKey() ? " PRIMARY KEY (" : " UNIQUE" + (key.nullsNotDistinct()
                    ? " NULLS NOT DISTINCT (" : " (")) + columnList(table, key.columns()) + ")"
                    + io.basalt.catalog.system.ObjectDefinitions.deferral(key.deferrable(), key.initiallyDeferred()));
        }
        for (CheckConstraintEntry check : table.checks()) {
            if (fromParents && clauses.inheritedCheck(table, check) || !check.validated() && !check.notEnforced()) {
                continue;
            }
            items.add("CONSTRAINT " + IdentifierQuoting.quote(check.name()) + " " + checkClause(table, check)
                    + (check.noInherit() ? " NO INHERIT" : "")
                    + (check.notEnforced() ? " NOT ENFORCED" : ""));
        }
        for (ForeignKeyEntry key : table.foreignKeys()) {
            if (partitionOf && clauses.inheritedForeignKey(table, key)) {
                continue;
            }
            TableEntry target = key.references(table.schema(), table.name()) ? table
                    : catalog.findTable(key.referencedSchema(), key.referencedTable()).orElse(null);
            if (target != null) {
                items.add(foreignKey(table, key, target));
            }
        }
        if (partitionOf) {
            out.append(clauses.parentClause(table));
        }
        if (!partitionOf || !items.isEmpty()) {
            out.append(" (");
            for (int i = 0; i < items.size(); i++) {
                out.append(i == 0 ? "\n    " : ",\n    ").append(items.get(i));
            }
            out.append(items.isEmpty() ? ")" : "\n)");
        }
        if (partitionOf) {
            out.append(' ').append(clauses.bound(table));
        } else if (fromParents) {
            out.append(clauses.parentClause(table));
        }
        return out.append(clauses.partitionBy(table)).toString();
    }

    /** {@code CHECK (condition)} with the condition as pg_get_constraintdef prints it. */
    private static String checkClause(TableEntry table, CheckConstraintEntry check) {
        return "CHECK (" + (check.text() != null ? check.text()
                : new ConstraintText(table.columns()).write(check.condition())) + ")";
    }

    private static String column(ColumnEntry column, SequenceEntry sequence) {
        StringBuilder out = new StringBuilder(IdentifierQuoting.quote(column.name())).append(' ');
        if (sequence != null && !sequence.owner().identity()) {
            out.append(switch (column.type().id()) {
                case SMALLINT -> "smallserial";
                case BIGINT -> "bigserial";
                default -> "serial";
            });
        } else {
            out.append(typeName(column.type()));
        }
        if (column.identity() != null && sequence != null) {
            out.append(column.identity() == ColumnEntry.Identity.ALWAYS ? " GENERATED ALWAYS AS IDENTITY ("
                    : " GENERATED BY DEFAULT AS IDENTITY (").append(sequenceOptions(sequence.options())).append(')');
        } else if (sequence == null && column.defaultExpression() != null) {
            out.append(" DEFAULT ").append(defaultText(column));
        } else if (column.generated()) {
            out.append(" GENERATED ALWAYS AS (").append(column.generationText()).append(") STORED");
        }
        if (column.notNull()) {
            out.append(" NOT NULL");
        }
        return out.toString();
    }

    /**
     * The default as pg_dump writes it: PostgreSQL's text of it, which the catalog keeps (what pg_get_expr prints,
     * with sequences named so that the default finds them whatever the search path); the syntax tree written back
     * for a default that has none (a NULL constant).
     */
    private static String defaultText(ColumnEntry column) {
        return column.defaultText() != null ? column.defaultText() : DefaultText.write(column.defaultExpression());
    }

    private static String createSequence(SequenceEntry sequence) {
        return "CREATE SEQUENCE " + qualified(sequence.schema(), sequence.name()) + " AS "
                + sequence.options().type().displayName() + " " + sequenceOptions(sequence.options());
    }

    private static String sequenceOptions(SequenceOptions options) {
        return "INCREMENT BY " + options.increment() + " MINVALUE " + options.minValue() + " MAXVALUE "
                + options.maxValue() + " START WITH " + options.start() + " CACHE " + options.cache()
                + (options.cycle() ? " CYCLE" : " NO CYCLE");
    }

    /** Puts the sequence where it is now: the next nextval continues from it. */
    private static String setval(SequenceEntry sequence) {
        SequenceEntry.State state = sequence.state();
        String name = qualified(sequence.schema(), sequence.name()).replace("'", "''");
        return "SELECT setval('" + name + "', " + state.lastValue() + ", " + state.isCalled() + ")";
    }

    private static String foreignKey(TableEntry table, ForeignKeyEntry key, TableEntry target) {
        StringBuilder out = new StringBuilder("CONSTRAINT ").append(IdentifierQuoting.quote(key.name()))
                .append(" FOREIGN KEY (")
                .append(columnList(table, key.columns())).append(") REFERENCES ")
                .append(qualified(target.schema(), target.name())).append(" (")
                .append(columnList(target, key.referencedColumns())).append(')');
        if (key.matchFull()) {
            out.append(" MATCH FULL");
        }
        if (key.onUpdate() != ReferentialAction.NO_ACTION) {
            out.append(" ON UPDATE ").append(key.onUpdate().sql());
        }
        if (key.onDelete() != ReferentialAction.NO_ACTION) {
            out.append(" ON DELETE ").append(key.onDelete().sql());
            if (key.deleteSetColumns() != null) {
                out.append(" (").append(columnList(table, key.deleteSetColumns())).append(')');
            }
        }
        return out.append(io.basalt.catalog.system.ObjectDefinitions.deferral(key.deferrable(),
                key.initiallyDeferred())).toString();
    }

    private static String index(TableEntry table, IndexEntry index) {
        String name = qualified(table.schema(), index.name());
        if (index.partial() || index.columns().contains(-1)) {
            return "-- index " + name + " is not exported (its expression or predicate text is not kept)";
        }
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + IdentifierQuoting.quote(index.name())
                + " ON " + qualified(table.schema(), table.name()) + " USING " + index.method() + " ("
                + columnList(table, index.columns()) + ")";
    }

    private static String columnList(TableEntry table, List<Integer> columns) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(IdentifierQuoting.quote(table.columns().get(columns.get(i)).name()));
        }
        return out.toString();
    }
}
