package io.basalt.type;

import static java.util.Objects.requireNonNull;

/**
 * The identity of a user-defined domain ({@code CREATE DOMAIN}) as a {@link LogicalType} carries it: the values of
 * a domain are its base type's values, so the executor computes with the base type and never looks at this; the
 * binder uses it to find the domain's NOT NULL and CHECK constraints (kept in core's catalog, which may change them
 * with ALTER DOMAIN) and to name the type in messages. One instance per domain; ALTER DOMAIN ... RENAME renames it
 * in place, so that every column of the domain follows. Compared by identity.
 */
public final class DomainType {
    private final long oid;
    private final String schema;
    private volatile String name;

    public DomainType(long oid, String schema, String name) {
        this.oid = oid;
        this.schema = requireNonNull(schema, "schema is null");
        this.name = requireNonNull(name, "name is null");
    }

    public long oid() {
        return oid;
    }

    public String schema() {
        return schema;
    }

    public String name() {
        return name;
    }

    /** ALTER DOMAIN ... RENAME TO: the caller refiles the domain in the catalog under the new name. */
    public void rename(String newName) {
        this.name = requireNonNull(newName, "newName is null");
    }

    @Override
    public String toString() {
        return name;
    }
}
