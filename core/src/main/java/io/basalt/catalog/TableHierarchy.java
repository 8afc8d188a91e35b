package io.basalt.catalog;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.PartitionBound;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The links between tables: inheritance ({@code INHERITS}, {@code ALTER TABLE ... INHERIT}) and declarative
 * partitioning ({@code PARTITION BY}, {@code PARTITION OF}, {@code ATTACH PARTITION}). A partition is an inheriting
 * child whose link carries its bound; a partitioned table has a {@link PartitionKey}. Tables are named by schema and
 * name, so that a table whose definition ALTER TABLE replaces keeps its links. Children are listed in the order they
 * were linked, the order PostgreSQL scans inheritance children in. Thread-safe; changes are serialised by DDL.
 */
public final class TableHierarchy {
    /**
     * One parent-child link. {@code bound} is the partition's bound as written (null for plain inheritance), and
     * {@code values} its values converted to the key's types ({@link PartitionValues}), for overlap checks.
     */
    public record Link(String parentSchema, String parentName, String childSchema, String childName,
                       PartitionBound bound, PartitionValues values) {
        public boolean isPartition() {
            return bound != null;
        }

        public boolean isDefault() {
            return bound instanceof PartitionBound.Default;
        }
    }

    /**
     * A partitioned table's key: the strategy ({@code range}, {@code list} or {@code hash}), the key expressions as
     * written (column references or expressions over the table's columns), their types, their text as PostgreSQL
     * prints them in error details, and as pg_get_partkeydef prints them (an expression in parentheses of its own,
     * with the collation and operator class written when they are not the default).
     */
    public record PartitionKey(String strategy, List<Expression> expressions, List<io.basalt.type.LogicalType> types,
                               List<String> texts, List<String> definitions) {
        public PartitionKey {
            expressions = List.copyOf(expressions);
            types = List.copyOf(types);
            texts = List.copyOf(texts);
            definitions = List.copyOf(definitions);
        }

        /** A key whose definition texts are its texts. */
        public PartitionKey(String strategy, List<Expression> expressions, List<io.basalt.type.LogicalType> types,
                            List<String> texts) {
            this(strategy, expressions, types, texts, texts);
        }
    }

    /**
     * A partition bound's values, each a constant of the key column's type or {@link #MINVALUE} / {@link #MAXVALUE}:
     * {@code from} and {@code to} for a range partition, {@code in} (nulls allowed) for a list partition; for a hash
     * partition {@code from} holds the modulus and {@code to} the remainder.
     */
    public record PartitionValues(List<Object> from, List<Object> to, List<Object> in) {
        public static final Object MINVALUE = new Object() {
            @Override
            public String toString() {
                return "MINVALUE";
            }
        };
        public static final Object MAXVALUE = new Object() {
            @Override
            public String toString() {
                return "MAXVALUE";
            }
        };
    }

    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final Map<String, PartitionKey> keys = new ConcurrentHashMap<>();

    private static String key(String schema, String name) {
        return schema + "\0" + name;
    }

    public void addLink(Link link) {
        links.add(link);
    }

    public void removeLink(Link link) {
        links.remove(link);
    }

    /** Every link, in the order they were made (a copy). */
    public List<Link> links() {
        return new ArrayList<>(links);
    }

    public void setPartitionKey(String schema, String name, PartitionKey key) {
        keys.put(key(schema, name), key);
    }

    /** The table's partition key, or null when it is not partitioned. */
    public PartitionKey partitionKey(String schema, String name) {
        return keys.get(key(schema, name));
    }

    /** The links to the table's children, in the order they were made. */
    public List<Link> children(String schema, String name) {
        List<Link> found = new ArrayList<>();
        for (Link link : links) {
            if (link.parentSchema().equals(schema) && link.parentName().equals(name)) {
                found.add(link);
            }
        }
        return found;
    }

    /** The links to the table's parents, in the order they were made. */
    public List<Link> parents(String schema, String name) {
        List<Link> found = new ArrayList<>();
        for (Link link : links) {
            if (link.childSchema().equals(schema) && link.childName().equals(name)) {
                found.add(link);
            }
        }
        return found;
    }

    /** The link that makes the table a partition, or null. */
    public Link partitionOf(String schema, String name) {
        for (Link link : parents(schema, name)) {
            if (link.isPartition()) {
                return link;
            }
        }
        return null;
    }

    /** Forgets a dropped table: its key and every link to or from it. */
    public void forget(String schema, String name) {
        keys.remove(key(schema, name));
        links.removeIf(link -> link.parentSchema().equals(schema) && link.parentName().equals(name)
                || link.childSchema().equals(schema) && link.childName().equals(name));
    }

    /** Follows a rename of a table (ALTER TABLE ... RENAME TO). */
    public void rename(String schema, String from, String to) {
        PartitionKey key = keys.remove(key(schema, from));
        if (key != null) {
            keys.put(key(schema, to), key);
        }
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            boolean parent = link.parentSchema().equals(schema) && link.parentName().equals(from);
            boolean child = link.childSchema().equals(schema) && link.childName().equals(from);
            if (parent || child) {
                links.set(i, new Link(link.parentSchema(), parent ? to : link.parentName(), link.childSchema(),
                        child ? to : link.childName(), link.bound(), link.values()));
            }
        }
    }

    /** Follows a move of table {@code schema.name} to schema {@code toSchema} (ALTER TABLE ... SET SCHEMA). */
    public void move(String schema, String name, String toSchema) {
        PartitionKey key = keys.remove(key(schema, name));
        if (key != null) {
            keys.put(key(toSchema, name), key);
        }
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            boolean parent = link.parentSchema().equals(schema) && link.parentName().equals(name);
            boolean child = link.childSchema().equals(schema) && link.childName().equals(name);
            if (parent || child) {
                links.set(i, new Link(parent ? toSchema : link.parentSchema(), link.parentName(),
                        child ? toSchema : link.childSchema(), link.childName(), link.bound(), link.values()));
            }
        }
    }
}
