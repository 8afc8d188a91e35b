package io.basalt.catalog.privilege;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.catalog.TableEntry;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Privilege checks for one role: whether it owns an object or holds a privilege on it, and the errors PostgreSQL
 * raises when it does not. A superuser passes every check without looking at any ACL. The role holds what it owns
 * and was granted, what PUBLIC was granted, and what the roles it inherits from (memberships with INHERIT) hold;
 * pg_read_all_data and pg_write_all_data give reading and writing of every relation.
 *
 * <p>The binder finds the checks of the statement being bound in {@link #CURRENT}; unbound (log replay, internal
 * statements) nothing is checked.
 */
public final class AccessCheck {
    /** The checks of the statement being bound; a view's query is bound under its owner's checks. */
    public static final ScopedValue<AccessCheck> CURRENT = ScopedValue.newInstance();

    private final Authorization authorization;
    private final String role;
    private final boolean superuser;
    /** Relations (by store) read under column privileges only: each column the statement reads needs SELECT. */
    private final Map<Object, ColumnReads> columnReads = new IdentityHashMap<>();

    private record ColumnReads(TableEntry table, SecuredObject object, String name) {
    }

    public AccessCheck(Authorization authorization, String role) {
        this.authorization = requireNonNull(authorization, "authorization is null");
        this.role = requireNonNull(role, "role is null");
        this.superuser = authorization.superuser(role);
    }

    /** The checks of the current statement, or null when nothing is checked (no session, or a superuser). */
    public static AccessCheck current() {
        if (!CURRENT.isBound()) {
            return null;
        }
        AccessCheck check = CURRENT.get();
        return check.superuser ? null : check;
    }

    public String role() {
        return role;
    }

    public boolean superuser() {
        return superuser;
    }

    public Authorization authorization() {
        return authorization;
    }

    /** The same checks for another role (a view's owner). */
    public AccessCheck as(String otherRole) {
        return otherRole.equals(role) ? this : new AccessCheck(authorization, otherRole);
    }

    /** Whether the role has the owner's rights on {@code object} (is, or inherits from, its owner). */
    public boolean owns(SecuredObject object) {
        return superuser || authorization.reaches(role, object.owner(), true);
    }

    /** The privileges (mask) the role holds on {@code object} as a whole. */
    public int privileges(SecuredObject object) {
        if (superuser || owns(object)) {
            return object.kind().applicable();
        }
        int held = held(object.effectiveAcl(), false);
        if (object.kind().relation()) {
            if (authorization.reaches(role, "pg_read_all_data", true)) {
                held |= Privilege.SELECT.bit();
            }
            if (authorization.reaches(role, "pg_write_all_data", true)) {
                held |= Privilege.INSERT.bit() | Privilege.UPDATE.bit() | Privilege.DELETE.bit();
            }
        } else if (object.kind() == SecuredKind.SCHEMA) {
            if (authorization.reaches(role, "pg_read_all_data", true)
                    || authorization.reaches(role, "pg_write_all_data", true)) {
                held |= Privilege.USAGE.bit();
            }
        }
        return held;
    }

    /** The privileges (mask) the role may grant on {@code object} (an owner may grant everything). */
    public int grantable(SecuredObject object) {
        if (superuser || owns(object)) {
            return object.kind().applicable();
        }
        return held(object.effectiveAcl(), true);
    }

    /** The privileges (mask) the role holds on column {@code column} of a relation through column grants. */
    public int columnPrivileges(SecuredObject object, String column) {
        List<AclItem> acl = object.columns().get(column);
        return acl == null ? 0 : held(acl, false);
    }

    /** The column privileges the role may grant on {@code column}. */
    public int columnGrantable(SecuredObject object, String column) {
        List<AclItem> acl = object.columns().get(column);
        return acl == null ? 0 : held(acl, true);
    }

    /** Whether the role holds {@code privilege} on any column of the relation through column grants. */
    public boolean anyColumn(SecuredObject object, Privilege privilege) {
        for (List<AclItem> acl : object.columns().values()) {
            if ((held(acl, false) & privilege.bit()) != 0) {
                return true;
            }
        }
        return false;
    }

    private int held(List<AclItem> acl, boolean grantOptions) {
        int held = 0;
        for (AclItem item : acl) {
            if (item.grantee().equals(AclItem.PUBLIC) && !grantOptions
                    || !item.grantee().equals(AclItem.PUBLIC) && authorization.reaches(role, item.grantee(), true)) {
                held |= grantOptions ? item.grantOptions() : item.privileges();
            }
        }
        return held;
    }

    /**
     * Requires every privilege of {@code mask} on {@code object}.
     *
     * @throws BasaltException 42501 "permission denied for table x" (the object's kind names it)
     */
    public void require(SecuredObject object, int mask, String name) {
        if ((privileges(object) & mask) != mask) {
            throw denied(object.kind(), name);
        }
    }

    /**
     * Requires ownership of {@code object}.
     *
     * @throws BasaltException 42501 "must be owner of table x"
     */
    public void requireOwner(SecuredObject object, String name) {
        if (!owns(object)) {
            throw notOwner(object.kind(), name);
        }
    }

    /**
     * The statement reads {@code table} without SELECT on the whole table: from now on each of its columns the
     * binder resolves ({@link #columnRead}) needs a column grant of SELECT.
     */
    public void readColumnsOf(TableEntry table, SecuredObject object, String name) {
        columnReads.put(table.store(), new ColumnReads(table, object, name));
    }

    /**
     * The binder resolved column {@code column} of {@code table}.
     *
     * @throws BasaltException 42501 when the table is read under column privileges and this column has none
     */
    public void columnRead(TableEntry table, int column) {
        if (columnReads.isEmpty() || column < 0) {
            return;
        }
        ColumnReads reads = columnReads.get(table.store());
        if (reads != null && column < table.columns().size()
                && (columnPrivileges(reads.object(), table.columns().get(column).name())
                & Privilege.SELECT.bit()) == 0) {
            throw denied(reads.object().kind(), reads.name());
        }
    }

    public static BasaltException denied(SecuredKind kind, String name) {
        return BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for " + kind.noun() + " "
                + name);
    }

    public static BasaltException notOwner(SecuredKind kind, String name) {
        return BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be owner of " + kind.noun() + " " + name);
    }
}
