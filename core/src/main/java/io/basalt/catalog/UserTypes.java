package io.basalt.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The user-defined types of a database, by schema and name, and the counter that gives each its oid. Oids start at
 * PostgreSQL's first user oid and count up in creation order; since opening a database replays its whole DDL
 * history in order, a type gets the same oid every time (enum values and domain checks refer to types by oid).
 * Thread-safe; DDL is serialised by the caller.
 */
public final class UserTypes {
    /** PostgreSQL's FirstNormalObjectId. */
    private static final long FIRST_OID = 16384;

    private final Map<String, Map<String, UserType>> bySchema = new ConcurrentHashMap<>();
    private final AtomicLong nextOid = new AtomicLong(FIRST_OID);

    /** A fresh oid for a type about to be created. */
    public long nextOid() {
        return nextOid.getAndIncrement();
    }

    /** The type {@code name} in {@code schema}, or empty. */
    public Optional<UserType> find(String schema, String name) {
        Map<String, UserType> types = bySchema.get(schema);
        return Optional.ofNullable(types == null ? null : types.get(name));
    }

    /** The type {@code name} in the first of {@code schemas} that has one, or empty. */
    public Optional<UserType> find(List<String> schemas, String name) {
        for (String schema : schemas) {
            Optional<UserType> found = find(schema, name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Adds {@code type}; false when its schema already has a type of that name. */
    public boolean add(UserType type) {
        return bySchema.computeIfAbsent(type.schema(), ignored -> new ConcurrentHashMap<>())
                .putIfAbsent(type.name(), type) == null;
    }

    /** Replaces the entry of the same schema and name (ALTER DOMAIN). */
    public void replace(UserType type) {
        bySchema.computeIfAbsent(type.schema(), ignored -> new ConcurrentHashMap<>()).put(type.name(), type);
    }

    /** Removes {@code type}; false when it is not there (any more). */
    public boolean remove(UserType type) {
        Map<String, UserType> types = bySchema.get(type.schema());
        return types != null && types.remove(type.name(), type);
    }

    /** Every type, by oid (creation order). */
    public List<UserType> all() {
        List<UserType> all = new ArrayList<>();
        for (Map<String, UserType> types : bySchema.values()) {
            all.addAll(types.values());
        }
        all.sort(Comparator.comparingLong(UserType::oid));
        return all;
    }
}
