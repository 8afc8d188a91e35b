package io.basalt.catalog.system;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.CheckConstraintEntry;
import io.basalt.catalog.ForeignKeyEntry;
import io.basalt.catalog.IndexEntry;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.sequence.SequenceNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects of a catalog as the system catalogs number them, taken at one moment (the statement's view of the
 * catalog, so a transaction's own DDL shows): schemas, relations (tables, views, materialized views, sequences,
 * indexes and the indexes of UNIQUE / PRIMARY KEY constraints, and the system relations themselves) and
 * constraints, each with an object identifier.
 *
 * <p>Object identifiers are derived from what an object is and its name, so that they are the same after the
 * database is reopened without being stored: PostgreSQL's fixed oids for pg_catalog (11), public (2200),
 * information_schema and the system relations; a hash of the kind and qualified name, at or above 16384 (where
 * PostgreSQL's user objects start), for everything else. Two names hashing to one oid are told apart by probing
 * upward, in name order. Unlike PostgreSQL's, an object's oid changes when it is renamed.
 */
public final class CatalogObjects {
    /** The first oid of a user object, as in PostgreSQL. */
    public static final long FIRST_USER_OID = 16384;
    public static final long PG_CATALOG_OID = 11;
    public static final long PUBLIC_OID = 2200;
    public static final long INFORMATION_SCHEMA_OID = 13207;
    /** The oid of the one database, as PostgreSQL's first database after template0/1 (postgres: 5). */
    public static final long DATABASE_OID = 5;

    /** A schema. */
    public record Namespace(long oid, String name) {
    }

    /**
     * A relation: kind as pg_class.relkind ({@code r} table, {@code p} partitioned table, {@code v} view,
     * {@code m} materialized view, {@code S} sequence, {@code i} index); the entry it comes from (table, view,
     * sequence, or for an index the table with its index or key).
     */
    public record Relation(long oid, Namespace namespace, String name, char kind, TableEntry table, ViewEntry view,
                           SequenceEntry sequence, IndexEntry index, UniqueConstraintEntry key,
                           SystemRelation system) {
        public String schema() {
            return namespace.name();
        }
    }

    /**
     * A constraint of a table: type as pg_constraint.contype ({@code c} check, {@code u} unique, {@code p} primary
     * key, {@code f} foreign key, {@code n} is not used: NOT NULL is not a constraint in PostgreSQL 15).
     */
    public record Constraint(long oid, Relation relation, String name, char type, CheckConstraintEntry check,
                             UniqueConstraintEntry key, ForeignKeyEntry foreignKey) {
    }

    private final Catalog catalog;
    private final List<Namespace> namespaces = new ArrayList<>();
    private final List<Relation> relations = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private final Map<Long, Relation> relationsByOid = new HashMap<>();
    private final Map<String, Relation> relationsByName = new HashMap<>();
    private final Set<Long> taken = new HashSet<>();
    /** Each table's index relations, made on first use. */
    private Map<TableEntry, List<Relation>> indexesByTable;

    private CatalogObjects(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The objects {@code catalog} (a session's view) holds now. */
    public static CatalogObjects of(Catalog catalog) {
        CatalogObjects objects = new CatalogObjects(catalog);
        objects.collect();
        return objects;
    }

    private void collect() {
        Map<String, Namespace> bySchema = new HashMap<>();
        List<String> schemaNames = new ArrayList<>(List.of("pg_catalog", "information_schema"));
        schemaNames.addAll(catalog.schemaNames());
        if (catalog.tempSchema() != null && !schemaNames.contains(catalog.tempSchema())) {
            schemaNames.add(catalog.tempSchema());
        }
        for (String schema : schemaNames) {
            long oid = switch (schema) {
                case "pg_catalog" -> PG_CATALOG_OID;
                case "public" -> PUBLIC_OID;
                case "information_schema" -> INFORMATION_SCHEMA_OID;
                default -> assign("n:" + schema);
            };
            taken.add(oid);
            Namespace namespace = new Namespace(oid, schema);
            namespaces.add(namespace);
            bySchema.put(schema, namespace);
        }
        for (SystemRelation system : SystemRelations.ALL) {
            Namespace namespace = bySchema.get(system.schema());
            // pg_catalog's own relations are tables in PostgreSQL, the rest (below oid 12000 here) views
            addRelation(new Relation(system.oid(), namespace, system.name(), system.oid() < 12000 ? 'r' : 'v', null,
                    null, null, null, null, system));
        }
        List<TableEntry> tables = catalog.tables();
        for (TableEntry table : tables) {
            Namespace namespace = bySchema.get(table.schema());
            if (namespace == null) {
                continue;
            }
            boolean partitioned = catalog.hierarchy().partitionKey(table.schema(), table.name()) != null;
            Relation relation = new Relation(assign("r:" + table.qualifiedName()), namespace, table.name(),
                    partitioned ? 'p' : 'r', table, null, null, null, null, null);
            addRelation(relation);
            for (UniqueConstraintEntry key : table.uniqueKeys()) {
                boolean indexed = false;
                for (IndexEntry index : table.indexes()) {
                    indexed |= index.name().equals(key.name());
                }
                if (!indexed) {
                    addRelation(new Relation(assign("r:" + table.schema() + "." + key.name()), namespace, key.name(),
                            'i', table, null, null, null, key, null));
                }
            }
            for (IndexEntry index : table.indexes()) {
                UniqueConstraintEntry key = null;
                for (UniqueConstraintEntry candidate : table.uniqueKeys()) {
                    key = candidate.name().equals(index.name()) ? candidate : key;
                }
                addRelation(new Relation(assign("r:" + table.schema() + "." + index.name()), namespace, index.name(),
                        'i', table, null, null, index, key, null));
            }
        }
        for (ViewEntry view : catalog.views()) {
            Namespace namespace = bySchema.get(view.schema());
            if (namespace != null) {
                addRelation(new Relation(assign("r:" + view.schema() + "." + view.name()), namespace, view.name(),
                        view.materialized() ? 'm' : 'v', null, view, null, null, null, null));
            }
        }
        for (ViewEntry view : catalog.views()) {
            Namespace namespace = bySchema.get(view.schema());
            if (namespace == null || view.indexes().isEmpty()) {
                continue;
            }
            // a materialized view's index reads the view's columns as an index reads its table's
            List<io.basalt.catalog.ColumnEntry> columns = new ArrayList<>();
            for (int c = 0; c < view.columnNames().size(); c++) {
                columns.add(new io.basalt.catalog.ColumnEntry(view.columnNames().get(c), view.columnTypes().get(c),
                        false, null, null, null));
            }
            TableEntry owner = new TableEntry(view.schema(), view.name(), columns, view.rows(), List.of(), List.of(),
                    List.of(), view.indexes());
            for (IndexEntry index : view.indexes()) {
                addRelation(new Relation(assign("r:" + view.schema() + "." + index.name()), namespace, index.name(),
                        'i', owner, null, null, index, null, null));
            }
        }
        for (SequenceEntry sequence : catalog.sequences()) {
            Namespace namespace = bySchema.get(sequence.schema());
            if (namespace != null) {
                addRelation(new Relation(assign("r:" + sequence.schema() + "." + sequence.name()), namespace,
                        sequence.name(), 'S', null, null, sequence, null, null, null));
            }
        }
        for (Relation relation : List.copyOf(relations)) {
            TableEntry table = relation.table();
            if (table == null || relation.kind() == 'i') {
                continue;
            }
            String prefix = "c:" + table.qualifiedName() + ".";
            for (CheckConstraintEntry check : table.checks()) {
                constraints.add(new Constraint(assign(prefix + check.name()), relation, check.name(), 'c', check,
                        null, null));
            }
            for (int c = 0; c < table.columns().size(); c++) {
                // PostgreSQL 18's not-null constraints (contype n): the column travels as a one-column key
                String name = table.columns().get(c).notNullName(table.name());
                if (name != null) {
                    constraints.add(new Constraint(assign(prefix + "n:" + c), relation, name, 'n', null,
                            new UniqueConstraintEntry(name, List.of(c), false, false), null));
                }
            }
            for (UniqueConstraintEntry key : table.uniqueKeys()) {
                if (isConstraint(table, key)) {
                    constraints.add(new Constraint(assign(prefix + key.name()), relation, key.name(),
                            key.primaryKey() ? 'p' : key.exclusion() ? 'x' : 'u', null, key, null));
                }
            }
            for (ForeignKeyEntry foreignKey : table.foreignKeys()) {
                constraints.add(new Constraint(assign(prefix + foreignKey.name()), relation, foreignKey.name(), 'f',
                        null, null, foreignKey));
            }
        }
    }

    /** Whether a unique key is a constraint (not only the enforcement of a CREATE UNIQUE INDEX). */
    public static boolean isConstraint(TableEntry table, UniqueConstraintEntry key) {
        for (IndexEntry index : table.indexes()) {
            if (index.name().equals(key.name())) {
                return false;
            }
        }
        return true;
    }

    private void addRelation(Relation relation) {
        relations.add(relation);
        relationsByOid.put(relation.oid(), relation);
        relationsByName.put(relation.schema() + "." + relation.name(), relation);
    }

    /** An unused oid at or above {@link #FIRST_USER_OID} derived from {@code key}. */
    private long assign(String key) {
        long span = 0x7fffffffL - FIRST_USER_OID;
        long oid = FIRST_USER_OID + Math.floorMod(mix(key), span);
        while (!taken.add(oid)) {
            oid = oid + 1 >= FIRST_USER_OID + span ? FIRST_USER_OID : oid + 1;
        }
        return oid;
    }

    /**
     * The oid a user-defined type (an enum) is known by: derived from its qualified name, at or above {@link
     * #FIRST_USER_OID}; pg_type does not list these types yet.
     */
    public static long userTypeOid(String schema, String name) {
        return FIRST_USER_OID + Math.floorMod(mix("type " + schema + "." + name), 0x7fffffffL - FIRST_USER_OID);
    }

    /** A 64-bit FNV-1a hash of the key's characters: stable across runs and JVMs, unlike String.hashCode's use. */
    private static long mix(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash ^ (hash >>> 29);
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Whether index relation {@code index} is a partitioned table's (pg_class.relkind {@code I}). */
    public boolean partitionedIndex(Relation index) {
        return index.kind() == 'i' && index.view() == null && index.table() != null
                && catalog.hierarchy().partitionKey(index.table().schema(), index.table().name()) != null
                && relationOf(index.table()) != null && relationOf(index.table()).kind() == 'p';
    }

    /**
     * The index of the partitioned table that index relation {@code index} of a partition is a partition of (the
     * parent's index with the same definition, as CREATE INDEX, CREATE TABLE ... PARTITION OF and ATTACH PARTITION
     * make or adopt it), or null: what pg_inherits links an index to.
     */
    public Relation parentIndex(Relation index) {
        if (index.kind() != 'i' || index.table() == null) {
            return null;
        }
        TableEntry table = index.table();
        io.basalt.catalog.TableHierarchy.Link link = catalog.hierarchy().partitionOf(table.schema(), table.name());
        Relation parent = link == null ? null : relation(link.parentSchema(), link.parentName());
        if (parent == null || parent.table() == null || relationOf(table) == null
                || relationOf(table).table() != table) {
            return null;
        }
        for (Relation candidate : indexesOf(parent.table())) {
            if (partitionIndex(candidate, table) == index) {
                return candidate;
            }
        }
        return null;
    }

    /** The partitions' indexes of partitioned index {@code index}, in the order of the partitions. */
    public List<Relation> partitionIndexes(Relation index) {
        List<Relation> found = new ArrayList<>();
        if (index.kind() != 'i' || index.table() == null) {
            return found;
        }
        TableEntry table = index.table();
        for (io.basalt.catalog.TableHierarchy.Link link : catalog.hierarchy().children(table.schema(), table.name())) {
            Relation child = relation(link.childSchema(), link.childName());
            Relation own = child == null || child.table() == null || link.bound() == null ? null
                    : partitionIndex(index, child.table());
            if (own != null) {
                found.add(own);
            }
        }
        return found;
    }

    /** The first index relation of {@code partition} with the definition of {@code index} (its parent's), or null. */
    private Relation partitionIndex(Relation index, TableEntry partition) {
        TableEntry parent = index.table();
        for (Relation own : indexesOf(partition)) {
            boolean same;
            if (index.index() != null) {
                same = own.index() != null && index.index().sameDefinition(parent.columnNames(), own.index(),
                        partition.columnNames());
            } else {
                same = own.index() == null && own.key().primaryKey() == index.key().primaryKey()
                        && own.key().exclusion() == index.key().exclusion()
                        && names(partition, own.key().columns()).equals(names(parent, index.key().columns()));
            }
            if (same) {
                return own;
            }
        }
        return null;
    }

    private static List<String> names(TableEntry table, List<Integer> columns) {
        List<String> names = new ArrayList<>();
        for (int column : columns) {
            names.add(column < 0 ? null : table.columns().get(column).name());
        }
        return names;
    }

    /** The index relations of table {@code table}, in catalog order. */
    private List<Relation> indexesOf(TableEntry table) {
        if (indexesByTable == null) {
            indexesByTable = new java.util.IdentityHashMap<>();
            for (Relation relation : relations) {
                if (relation.kind() == 'i' && relation.table() != null) {
                    indexesByTable.computeIfAbsent(relation.table(), t -> new ArrayList<>()).add(relation);
                }
            }
        }
        return indexesByTable.getOrDefault(table, List.of());
    }

    public List<Namespace> namespaces() {
        return namespaces;
    }

    public List<Relation> relations() {
        return relations;
    }

    public List<Constraint> constraints() {
        return constraints;
    }

    /** The namespace of that name, or null. */
    public Namespace namespace(String name) {
        for (Namespace namespace : namespaces) {
            if (namespace.name().equals(name)) {
                return namespace;
            }
        }
        return null;
    }

    /** The namespace of that oid, or null. */
    public Namespace namespace(long oid) {
        for (Namespace namespace : namespaces) {
            if (namespace.oid() == oid) {
                return namespace;
            }
        }
        return null;
    }

    public Relation relation(long oid) {
        return relationsByOid.get(oid);
    }

    /** The relation {@code schema.name}, or null. */
    public Relation relation(String schema, String name) {
        return relationsByName.get(schema + "." + name);
    }

    /** The table relation of {@code table}'s name, or null. */
    public Relation relationOf(TableEntry table) {
        return relation(table.schema(), table.name());
    }

    public Constraint constraint(long oid) {
        for (Constraint constraint : constraints) {
            if (constraint.oid() == oid) {
                return constraint;
            }
        }
        return null;
    }

    /**
     * The relation a regclass text names ({@code name}, {@code schema.name}, quoted as needed), found as PostgreSQL
     * finds it: a qualified name in its schema, an unqualified one in pg_catalog, the temporary schema, then the
     * search path; null when there is none.
     */
    public Relation lookup(List<String> parts) {
        String name = parts.getLast();
        if (parts.size() >= 2) {
            String schema = parts.get(parts.size() - 2);
            return relation(catalog.isTempSchema(schema) ? catalog.tempSchema() : schema, name);
        }
        Relation found = relation("pg_catalog", name);
        if (found == null && catalog.tempSchema() != null) {
            found = relation(catalog.tempSchema(), name);
        }
        for (String schema : catalog.searchedSchemas()) {
            if (found == null) {
                found = relation(schema, name);
            }
        }
        return found;
    }

    /** Whether an unqualified name finds {@code relation} (PostgreSQL's pg_table_is_visible). */
    public boolean visible(Relation relation) {
        return lookup(List.of(relation.name())) == relation;
    }

    /** The relation's name as regclass output writes it: qualified when it is not visible, quoted as needed. */
    public String regclassText(Relation relation) {
        String name = SequenceNames.quoted(relation.name());
        return visible(relation) ? name : SequenceNames.quoted(relation.schema()) + "." + name;
    }

    private static final java.util.regex.Pattern REGCLASS_CONSTANT =
            java.util.regex.Pattern.compile("'((?:[^']|'')*)'::regclass");

    /**
     * {@code text} (an expression as the catalog keeps it, such as a column's default) with each regclass constant
     * written as regclass output writes it now: PostgreSQL keeps the relation's oid, so {@code nextval('s.q'::regclass)}
     * prints as {@code nextval('q'::regclass)} while {@code s} is on the search path. A kept name is qualified unless
     * its relation is in public or the temporary schema.
     */
    public String withVisibleRelations(String text) {
        if (text == null || !text.contains("::regclass")) {
            return text;
        }
        java.util.regex.Matcher matcher = REGCLASS_CONSTANT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Relation relation = keptRelation(matcher.group(1).replace("''", "'"));
            String replacement = relation == null ? matcher.group()
                    : "'" + regclassText(relation).replace("'", "''") + "'::regclass";
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private Relation keptRelation(String kept) {
        List<String> parts;
        try {
            parts = SequenceNames.split(kept);
        } catch (io.basalt.error.BasaltException notAName) {
            return null;
        }
        if (parts.size() == 2) {
            return relation(parts.get(0), parts.get(1));
        }
        if (parts.size() != 1) {
            return null;
        }
        Relation found = relation(Catalog.DEFAULT_SCHEMA, parts.getFirst());
        return found == null && catalog.tempSchema() != null ? relation(catalog.tempSchema(), parts.getFirst())
                : found;
    }

    /** The schema's name as regnamespace output writes it. */
    public static String regnamespaceText(Namespace namespace) {
        return SequenceNames.quoted(namespace.name());
    }
}
