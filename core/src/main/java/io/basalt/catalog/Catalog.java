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
 * The database's named objects. Today: tables, sequences and views in the {@code public} schema, and temporary
 * tables (with the sequences of their serial columns) and views. Tables, sequences and views are relations and
 * share one namespace per schema, as in PostgreSQL. Thread-safe; DDL is
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
    private final Map<String, Map<String, ViewEntry>> views;
    private final TableHierarchy hierarchy;
    private final String tempSchema;
    /** Where lookups that found a table or view are recorded (the dependencies of a view), or null. */
    private final List<ViewEntry.Relation> lookups;
    /** The session's search_path (schema names as written, {@code $user} included), or null: {@code public}. */
    private final java.util.function.Supplier<List<String>> searchPath;
    /** User-defined types (enums, domains), shared by every view of the catalog. */
    private final UserTypes types;
    /** The comments on objects, shared by every view of the catalog. */
    private final Comments comments;

    public Catalog() {
        this.schemas = new ConcurrentHashMap<>();
        this.sequences = new ConcurrentHashMap<>();
        this.views = new ConcurrentHashMap<>();
        this.hierarchy = new TableHierarchy();
        this.tempSchema = null;
        this.lookups = null;
        this.searchPath = null;
        this.types = new UserTypes();
        this.comments = new Comments();
        schemas.put(DEFAULT_SCHEMA, new ConcurrentHashMap<>());
        sequences.put(DEFAULT_SCHEMA, new ConcurrentHashMap<>());
        views.put(DEFAULT_SCHEMA, new ConcurrentHashMap<>());
    }

    private Catalog(Map<String, Map<String, TableEntry>> schemas, Map<String, Map<String, SequenceEntry>> sequences,
                    Map<String, Map<String, ViewEntry>> views, TableHierarchy hierarchy, String tempSchema,
                    List<ViewEntry.Relation> lookups, java.util.function.Supplier<List<String>> searchPath,
                    UserTypes types, Comments comments) {
        this.schemas = schemas;
        this.sequences = sequences;
        this.views = views;
        this.hierarchy = hierarchy;
        this.tempSchema = tempSchema;
        this.lookups = lookups;
        this.searchPath = searchPath;
        this.types = types;
        this.comments = comments;
    }

    /** The comments COMMENT ON put on objects. */
    public Comments comments() {
        return comments;
    }

    /** The user-defined types of every schema. */
    public UserTypes types() {
        return types;
    }

    /** The catalog as a session sees it, with {@code tempSchema} (e.g. {@code pg_temp_3}) as its temporary schema. */
    public Catalog forSession(String tempSchema) {
        return new Catalog(schemas, sequences, views, hierarchy, tempSchema, null, null, types, comments);
    }

    /**
     * The catalog as a session sees it, with its temporary schema and its search_path ({@code searchPath} is read
     * at each lookup of an unqualified name, on the session's thread).
     */
    public Catalog forSession(String tempSchema, java.util.function.Supplier<List<String>> searchPath) {
        return new Catalog(schemas, sequences, views, hierarchy, tempSchema, null, searchPath, types, comments);
    }

    /** This view of the catalog, recording into {@code into} every table and view a lookup finds (in order). */
    public Catalog recordingLookups(List<ViewEntry.Relation> into) {
        return new Catalog(schemas, sequences, views, hierarchy, tempSchema, into, searchPath, types, comments);
    }

    /**
     * The schemas an unqualified name is looked up in after the temporary schema: those of search_path that exist,
     * in order ({@code $user} is the current user's name).
     */
    public List<String> searchedSchemas() {
        if (searchPath == null) {
            return List.of(DEFAULT_SCHEMA);
        }
        List<String> searched = new ArrayList<>();
        for (String written : searchPath.get()) {
            // $user names the schema of the current user's name, when there is one
            String schema = written.equals("$user") && io.basalt.catalog.privilege.SessionIdentity.CURRENT.isBound()
                    ? io.basalt.catalog.privilege.SessionIdentity.CURRENT.get().currentUser() : written;
            if (!isTempSchema(schema) && schemas.containsKey(schema) && !searched.contains(schema)) {
                searched.add(schema);
            }
        }
        return searched;
    }

    /**
     * The schema an unqualified CREATE puts its object in: the first existing schema of search_path.
     *
     * @throws BasaltException 3F000 when there is none
     */
    public String creationSchema() {
        List<String> searched = searchedSchemas();
        if (searched.isEmpty()) {
            throw BasaltException.of(SqlState.INVALID_SCHEMA_NAME, "no schema has been selected to create in");
        }
        return searched.getFirst();
    }

    /**
     * PostgreSQL's NOTICE for a DROP ... IF EXISTS of {@code name} qualified by a schema that does not exist
     * ({@code schema "s" does not exist, skipping}), or null when no schema is named or it exists.
     */
    public String missingSchemaNotice(io.basalt.sql.ast.QualifiedName name) {
        List<String> parts = name.parts();
        if (parts.size() < 2) {
            return null;
        }
        String schema = parts.get(parts.size() - 2);
        return schemaExists(schema) || isTempSchema(schema) ? null
                : "schema \"" + schema + "\" does not exist, skipping";
    }

    /**
     * The schema a CREATE of {@code name} puts its object in: the one named (which must exist), else
     * {@link #creationSchema()}.
     *
     * @throws BasaltException 3F000 for a named schema that does not exist
     */
    public String creationSchemaOf(io.basalt.sql.ast.QualifiedName name) {
        if (name.parts().size() < 2) {
            return creationSchema();
        }
        String schema = name.parts().get(name.parts().size() - 2);
        if (!schemaExists(schema)) {
            throw BasaltException.at(SqlState.INVALID_SCHEMA_NAME, name.position(),
                    "schema \"" + schema + "\" does not exist");
        }
        return schema;
    }

    /** The user-defined type {@code name} names, in its schema or the schemas searched; null when there is none. */
    public UserType findType(io.basalt.sql.ast.QualifiedName name) {
        List<String> parts = name.parts();
        if (parts.size() >= 2) {
            return types().find(parts.get(parts.size() - 2), name.last()).orElse(null);
        }
        return types().find(searchedSchemas(), name.last()).orElse(null);
    }

    /** Creates an empty schema; false when one of that name exists. Temporary schemas are made as needed. */
    public boolean addSchema(String schema) {
        if (schemas.putIfAbsent(schema, new ConcurrentHashMap<>()) != null) {
            return false;
        }
        sequences.putIfAbsent(schema, new ConcurrentHashMap<>());
        views.putIfAbsent(schema, new ConcurrentHashMap<>());
        return true;
    }

    /**
     * Removes a schema with what it holds (the caller dropped or checked its objects first): its sequences are
     * marked dropped; returns its tables, for the caller to free their stores.
     */
    public List<TableEntry> removeSchema(String schema) {
        views.remove(schema);
        Map<String, SequenceEntry> inSchema = sequences.remove(schema);
        if (inSchema != null) {
            for (SequenceEntry sequence : inSchema.values()) {
                sequence.markDropped();
            }
        }
        Map<String, TableEntry> tables = schemas.remove(schema);
        return tables == null ? List.of() : new ArrayList<>(tables.values());
    }

    /** The names of the schemas every session shares (not the temporary ones), sorted. */
    public List<String> schemaNames() {
        List<String> names = new ArrayList<>();
        for (String schema : schemas.keySet()) {
            if (!schema.startsWith(TEMP_SCHEMA_ALIAS + "_")) {
                names.add(schema);
            }
        }
        names.sort(null);
        return names;
    }

    /** The inheritance and partitioning links between tables, shared by every view of the catalog. */
    public TableHierarchy hierarchy() {
        return hierarchy;
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
        TableEntry found = null;
        if (schema == null && tempSchema != null) {
            found = tablesOf(tempSchema).get(name);
        }
        if (found == null && schema != null) {
            found = tablesOf(resolve(schema)).get(name);
        }
        if (found == null && schema == null) {
            for (String searched : searchedSchemas()) {
                found = tablesOf(searched).get(name);
                if (found != null || relationExists(searched, name)) {
                    break;
                }
            }
        }
        if (found != null && lookups != null) {
            lookups.add(new ViewEntry.Relation(found.schema(), found.name(), false));
        }
        return Optional.ofNullable(found);
    }

    /** The view {@code [schema.]name}, or empty; an unqualified name finds a temporary view first. */
    public Optional<ViewEntry> findView(String schema, String name) {
        ViewEntry found = null;
        if (schema == null && tempSchema != null) {
            found = viewsOf(tempSchema).get(name);
        }
        if (found == null && schema != null) {
            found = viewsOf(resolve(schema)).get(name);
        }
        if (found == null && schema == null) {
            for (String searched : searchedSchemas()) {
                found = viewsOf(searched).get(name);
                if (found != null || relationExists(searched, name)) {
                    break;
                }
            }
        }
        if (found != null && lookups != null) {
            lookups.add(new ViewEntry.Relation(found.schema(), found.name(), true));
        }
        return Optional.ofNullable(found);
    }

    private Map<String, ViewEntry> viewsOf(String schema) {
        Map<String, ViewEntry> inSchema = views.get(schema);
        return inSchema == null ? Map.of() : inSchema;
    }

    /**
     * Adds {@code view}, or with {@code replacing} puts it in the place of that view (same schema and name).
     *
     * @throws BasaltException 42P07 when another relation has its name
     */
    public void addView(ViewEntry view, ViewEntry replacing) {
        Map<String, ViewEntry> inSchema = view.schema().equals(tempSchema)
                ? views.computeIfAbsent(tempSchema, ignored -> new ConcurrentHashMap<>())
                : views.get(view.schema());
        if (inSchema == null) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "schema \"" + view.schema() + "\" does not exist");
        }
        if (replacing != null) {
            if (!inSchema.replace(view.name(), replacing, view)) {
                throw new IllegalStateException("view " + view.name() + " changed concurrently");
            }
            return;
        }
        if (tablesOf(view.schema()).containsKey(view.name()) || sequencesOf(view.schema()).containsKey(view.name())
                || inSchema.putIfAbsent(view.name(), view) != null) {
            throw BasaltException.of(SqlState.DUPLICATE_TABLE, "relation \"" + view.name() + "\" already exists");
        }
    }

    public void removeView(ViewEntry view) {
        Map<String, ViewEntry> inSchema = views.get(view.schema());
        if (inSchema != null) {
            inSchema.remove(view.name(), view);
        }
    }

    /** Every view this view of the catalog sees, ordered by schema and name. */
    public List<ViewEntry> views() {
        List<ViewEntry> all = new ArrayList<>();
        for (Map.Entry<String, Map<String, ViewEntry>> schema : views.entrySet()) {
            if (!schema.getKey().startsWith(TEMP_SCHEMA_ALIAS + "_") || schema.getKey().equals(tempSchema)) {
                all.addAll(schema.getValue().values());
            }
        }
        all.sort(Comparator.comparing(ViewEntry::schema).thenComparing(ViewEntry::name));
        return all;
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
        if (sequencesOf(table.schema()).containsKey(table.name()) || viewsOf(table.schema()).containsKey(table.name())
                || tables.putIfAbsent(table.name(), table) != null) {
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
        views.remove(tempSchema);
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
        if (schema != null) {
            return Optional.ofNullable(sequencesOf(resolve(schema)).get(name));
        }
        for (String searched : searchedSchemas()) {
            SequenceEntry found = sequencesOf(searched).get(name);
            if (found != null || relationExists(searched, name)) {
                return Optional.ofNullable(found);
            }
        }
        return Optional.empty();
    }

    private Map<String, SequenceEntry> sequencesOf(String schema) {
        Map<String, SequenceEntry> inSchema = sequences.get(schema);
        return inSchema == null ? Map.of() : inSchema;
    }

    /**
     * A relation's name as PostgreSQL's messages write it ({@code getObjectDescription}): bare when an unqualified
     * name finds it (the temporary schema, then the search path), else qualified by its schema.
     */
    public String shownName(String schema, String name) {
        if (isTempSchema(schema)) {
            return name;
        }
        for (String searched : searchedSchemas()) {
            if (relationExists(searched, name)) {
                return searched.equals(schema) ? name : schema + "." + name;
            }
        }
        return schema + "." + name;
    }

    /**
     * Whether a relation of that name exists in {@code schema} itself (no search path): a table, a sequence, a view,
     * or an index (CREATE INDEX, or the index of a UNIQUE or PRIMARY KEY constraint).
     */
    public boolean relationExists(String schema, String name) {
        String resolved = resolve(schema);
        return tablesOf(resolved).containsKey(name) || sequencesOf(resolved).containsKey(name)
                || viewsOf(resolved).containsKey(name) || indexOwner(resolved, name) != null
                || materializedViewOfIndex(resolved, name) != null;
    }

    /** The materialized view of schema {@code schema} (resolved) that has the index {@code name}, or null. */
    public ViewEntry materializedViewOfIndex(String schema, String name) {
        for (ViewEntry view : viewsOf(resolve(schema)).values()) {
            for (IndexEntry index : view.indexes()) {
                if (index.name().equals(name)) {
                    return view;
                }
            }
        }
        return null;
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
        if (schema != null) {
            return Optional.ofNullable(indexOwner(resolve(schema), name));
        }
        for (String searched : searchedSchemas()) {
            TableEntry owner = indexOwner(searched, name);
            if (owner != null) {
                return Optional.of(owner);
            }
        }
        return Optional.empty();
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
                || viewsOf(sequence.schema()).containsKey(sequence.name())
                || inSchema.putIfAbsent(sequence.name(), sequence) != null) {
            throw BasaltException.of(SqlState.DUPLICATE_TABLE, "relation \"" + sequence.name() + "\" already exists");
        }
    }

    /**
     * Gives the sequence another schema and name (ALTER SEQUENCE RENAME TO / SET SCHEMA): the caller checked that
     * the schema exists and holds no relation of that name.
     */
    public void relocateSequence(SequenceEntry sequence, String schema, String name) {
        Map<String, SequenceEntry> from = sequences.get(sequence.schema());
        if (from == null || !from.remove(sequence.name(), sequence)) {
            throw new IllegalStateException("sequence " + sequence.schema() + "." + sequence.name()
                    + " is not in the catalog");
        }
        String formerSchema = sequence.schema();
        String formerName = sequence.name();
        sequence.relocate(schema, name);
        try {
            addSequence(sequence);
        } catch (RuntimeException failure) {
            sequence.relocate(formerSchema, formerName);
            from.put(formerName, sequence);
            throw failure;
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

    /** Whether a schema of that name exists: one of the database's, or this view's temporary schema. */
    public boolean schemaExists(String schema) {
        return isTempSchema(schema) || schemas.containsKey(schema) || isSystemSchema(schema);
    }

    /** {@code pg_catalog} and {@code information_schema}: they exist, hold no tables of Basalt's, cannot be dropped. */
    public static boolean isSystemSchema(String schema) {
        return schema.equals("pg_catalog") || schema.equals("information_schema");
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
