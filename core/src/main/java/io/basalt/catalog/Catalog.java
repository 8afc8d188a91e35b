package io.basalt.catalog;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The database's named objects. Today: tables and sequences in the {@code public} schema, and temporary tables
 * with the sequences of their serial columns (schemas, views and the rest come with the data-definition issue).
 * Tables and sequences are relations and share one namespace per schema, as in PostgreSQL. Thread-safe; DDL is
 * serialised by the caller.
 *
 * <p>Each session sees the database through its own view ({@link #forSession}), which shares every schema with
 * the others and adds the session's temporary schema, {@code pg_temp_<n>}: searched before {@code public} for
 * unqualified names and reachable as {@code pg_temp}, as PostgreSQL's search path puts it; other sessions'
 * temporary schemas are invisible.
 */
public final class Catalog {
    public static final String DEFAULT_SCHEMA = "public";
    /** The name by which a session reaches its own temporary schema. */
    public static final String TEMP_SCHEMA_ALIAS = "pg_temp";

    private final Map<String, Map<String, TableEntry>> schemas;
    private final Map<String, Map<String, SequenceEntry>> sequences;
    private final String tempSchema;

    public Catalog() {
        this.schemas = new ConcurrentHashMap<>();
        this.sequences = new ConcurrentHashMap<>();
        this.tempSchema = null;
        schemas.put(DEFAULT_SCHEMA, new ConcurrentHashMap<>());
        sequences.put(DEFAULT_SCHEMA, new ConcurrentHashMap<>());
    }

    private Catalog(Map<String, Map<String, TableEntry>> schemas, Map<String, Map<String, SequenceEntry>> sequences,
                    String tempSchema) {
        this.schemas = schemas;
        this.sequences = sequences;
        this.tempSchema = tempSchema;
    }

    /** The catalog as a session sees it, with {@code tempSchema} (e.g. {@code pg_temp_3}) as its temporary schema. */
    public Catalog forSession(String tempSchema) {
        return new Catalog(schemas, sequences, tempSchema);
    }

    /** This view's temporary schema, or null for the database-wide view. */
    public String tempSchema() {
        return tempSchema;
    }

    /** Whether {@code schema} names this view's temporary schema ({@code pg_temp} or its own name). */
    public boolean isTempSchema(String schema) {
        return tempSchema != null && (schema.equals(TEMP_SCHEMA_ALIAS) || schema.equals(tempSchema));
    }

    /** The table {@code [schema.]name}, or empty; an unqualified name finds a temporary table first. */
    public Optional<TableEntry> findTable(String schema, String name) {
        if (schema == null && tempSchema != null) {
            TableEntry temporary = tablesOf(tempSchema).get(name);
            if (temporary != null) {
                return Optional.of(temporary);
            }
        }
        Map<String, TableEntry> tables = tablesOf(schema == null ? DEFAULT_SCHEMA : resolve(schema));
        return Optional.ofNullable(tables.get(name));
    }

    private String resolve(String schema) {
        return isTempSchema(schema) ? tempSchema : schema;
    }

    private Map<String, TableEntry> tablesOf(String schema) {
        Map<String, TableEntry> tables = schemas.get(schema);
        return tables == null ? Map.of() : tables;
    }

    public void addTable(TableEntry table) {
        Map<String, TableEntry> tables = table.schema().equals(tempSchema)
                ? schemas.computeIfAbsent(tempSchema, ignored -> new ConcurrentHashMap<>())
                : schemas.get(table.schema());
        if (tables == null) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "schema \"" + table.schema() + "\" does not exist");
        }
        if (sequencesOf(table.schema()).containsKey(table.name()) || tables.putIfAbsent(table.name(), table) != null) {
            throw BasaltException.of(SqlState.DUPLICATE_TABLE, "relation \"" + table.name() + "\" already exists");
        }
    }

    public void removeTable(TableEntry table) {
        Map<String, TableEntry> tables = schemas.get(table.schema());
        if (tables != null) {
            tables.remove(table.name(), table);
        }
    }

    /**
     * Removes this view's temporary schema and returns its tables (for the session to free when it ends);
     * empty for the database-wide view.
     */
    public List<TableEntry> dropTempSchema() {
        if (tempSchema == null) {
            return List.of();
        }
        Map<String, SequenceEntry> temporarySequences = sequences.remove(tempSchema);
        if (temporarySequences != null) {
            for (SequenceEntry sequence : temporarySequences.values()) {
                sequence.markDropped();
            }
        }
        Map<String, TableEntry> tables = schemas.remove(tempSchema);
        return tables == null ? List.of() : new ArrayList<>(tables.values());
    }

    /** The sequence {@code [schema.]name}, or empty; an unqualified name finds a temporary sequence first. */
    public Optional<SequenceEntry> findSequence(String schema, String name) {
        if (schema == null && tempSchema != null) {
            SequenceEntry temporary = sequencesOf(tempSchema).get(name);
            if (temporary != null) {
                return Optional.of(temporary);
            }
        }
        return Optional.ofNullable(sequencesOf(schema == null ? DEFAULT_SCHEMA : resolve(schema)).get(name));
    }

    private Map<String, SequenceEntry> sequencesOf(String schema) {
        Map<String, SequenceEntry> inSchema = sequences.get(schema);
        return inSchema == null ? Map.of() : inSchema;
    }

    /**
     * Whether a relation of that name exists in {@code schema} itself (no search path): a table, a sequence, or an
     * index (CREATE INDEX, or the index of a UNIQUE or PRIMARY KEY constraint).
     */
    public boolean relationExists(String schema, String name) {
        String resolved = resolve(schema);
        return tablesOf(resolved).containsKey(name) || sequencesOf(resolved).containsKey(name)
                || indexOwner(resolved, name) != null;
    }

    /**
     * The table owning the index {@code [schema.]name} (made by CREATE INDEX or by a UNIQUE or PRIMARY KEY
     * constraint), or empty; an unqualified name looks in the temporary schema first.
     */
    public Optional<TableEntry> findIndexOwner(String schema, String name) {
        if (schema == null && tempSchema != null) {
            TableEntry temporary = indexOwner(tempSchema, name);
            if (temporary != null) {
                return Optional.of(temporary);
            }
        }
        return Optional.ofNullable(indexOwner(schema == null ? DEFAULT_SCHEMA : resolve(schema), name));
    }

    private TableEntry indexOwner(String schema, String name) {
        for (TableEntry table : tablesOf(schema).values()) {
            for (UniqueConstraintEntry key : table.uniqueKeys()) {
                if (key.name().equals(name)) {
                    return table;
                }
            }
            for (IndexEntry index : table.indexes()) {
                if (index.name().equals(name)) {
                    return table;
                }
            }
        }
        return null;
    }

    public void addSequence(SequenceEntry sequence) {
        Map<String, SequenceEntry> inSchema = sequence.schema().equals(tempSchema)
                ? sequences.computeIfAbsent(tempSchema, ignored -> new ConcurrentHashMap<>())
                : sequences.get(sequence.schema());
        if (inSchema == null) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "schema \"" + sequence.schema() + "\" does not exist");
        }
        if (tablesOf(sequence.schema()).containsKey(sequence.name())
                || inSchema.putIfAbsent(sequence.name(), sequence) != null) {
            throw BasaltException.of(SqlState.DUPLICATE_TABLE, "relation \"" + sequence.name() + "\" already exists");
        }
    }

    /** Removes the sequence and marks it dropped (sessions that hold it see that). */
    public void removeSequence(SequenceEntry sequence) {
        Map<String, SequenceEntry> inSchema = sequences.get(sequence.schema());
        if (inSchema != null && inSchema.remove(sequence.name(), sequence)) {
            sequence.markDropped();
        }
    }

    /** Every sequence this view sees, ordered by schema and name. */
    public List<SequenceEntry> sequences() {
        List<SequenceEntry> all = new ArrayList<>();
        for (Map.Entry<String, Map<String, SequenceEntry>> schema : sequences.entrySet()) {
            if (!schema.getKey().startsWith(TEMP_SCHEMA_ALIAS + "_") || schema.getKey().equals(tempSchema)) {
                all.addAll(schema.getValue().values());
            }
        }
        all.sort(Comparator.comparing(SequenceEntry::schema).thenComparing(SequenceEntry::name));
        return all;
    }

    /** The sequences owned by a column of table {@code schema.table}, ordered by name. */
    public List<SequenceEntry> sequencesOwnedBy(String schema, String table) {
        List<SequenceEntry> owned = new ArrayList<>();
        for (SequenceEntry sequence : sequences()) {
            SequenceEntry.OwnedColumn owner = sequence.owner();
            if (sequence.schema().equals(schema) && owner != null && owner.table().equals(table)) {
                owned.add(sequence);
            }
        }
        return owned;
    }

    /** Puts {@code replacement} (same schema and name) in the place of {@code table}. */
    public void replaceTable(TableEntry table, TableEntry replacement) {
        if (!table.schema().equals(replacement.schema()) || !table.name().equals(replacement.name())) {
            throw new IllegalArgumentException("a replacement must keep the table's name");
        }
        Map<String, TableEntry> tables = schemas.get(table.schema());
        if (tables == null || !tables.replace(table.name(), table, replacement)) {
            throw new IllegalStateException("table " + table.qualifiedName() + " changed concurrently");
        }
    }

    public boolean schemaExists(String schema) {
        return isTempSchema(schema) || schemas.containsKey(schema);
    }

    /** Every table this view sees, ordered by schema and name. */
    public List<TableEntry> tables() {
        List<TableEntry> all = new ArrayList<>();
        for (Map.Entry<String, Map<String, TableEntry>> schema : schemas.entrySet()) {
            if (!schema.getKey().startsWith(TEMP_SCHEMA_ALIAS + "_") || schema.getKey().equals(tempSchema)) {
                all.addAll(schema.getValue().values());
            }
        }
        all.sort(Comparator.comparing(TableEntry::schema).thenComparing(TableEntry::name));
        return all;
    }
}
