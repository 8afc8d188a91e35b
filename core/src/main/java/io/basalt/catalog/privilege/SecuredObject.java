package io.basalt.catalog.privilege;

import static java.util.Objects.requireNonNull;

import io.basalt.catalog.security.TableRowSecurity;
import java.util.List;
import java.util.Map;

/**
 * The owner and the privileges of one object. {@code acl} is null while no GRANT or REVOKE has touched the object:
 * its privileges are then the defaults of its kind (everything for the owner; for PUBLIC EXECUTE on routines and
 * USAGE on languages, nothing on the rest). Column
 * privileges of a relation are kept per column name, without defaults. A table's row-level security (its switch
 * and policies) is kept here too, so that it follows the table's renames and goes with its owner's state on ROLLBACK.
 */
public record SecuredObject(SecuredKind kind, String owner, List<AclItem> acl, Map<String, List<AclItem>> columns,
                            TableRowSecurity rowSecurity) {
    public SecuredObject {
        requireNonNull(kind, "kind is null");
        requireNonNull(owner, "owner is null");
        acl = acl == null ? null : List.copyOf(acl);
        columns = Map.copyOf(columns);
        requireNonNull(rowSecurity, "rowSecurity is null");
    }

    /** An object without row-level security (every kind but tables). */
    public SecuredObject(SecuredKind kind, String owner, List<AclItem> acl, Map<String, List<AclItem>> columns) {
        this(kind, owner, acl, columns, TableRowSecurity.NONE);
    }

    public static SecuredObject owned(SecuredKind kind, String owner) {
        return new SecuredObject(kind, owner, null, Map.of());
    }

    /** The ACL in force: the written one, or the default one (the owner holds every privilege of the kind). */
    public List<AclItem> effectiveAcl() {
        if (acl != null) {
            return acl;
        }
        if (kind.publicByDefault()) {
            return List.of(new AclItem(AclItem.PUBLIC, owner, kind.applicable(), 0),
                    new AclItem(owner, owner, kind.applicable(), 0));
        }
        return List.of(new AclItem(owner, owner, kind.applicable(), 0));
    }

    public SecuredObject withOwner(String newOwner) {
        return new SecuredObject(kind, newOwner, acl, columns, rowSecurity);
    }

    public SecuredObject withAcl(List<AclItem> newAcl) {
        return new SecuredObject(kind, owner, newAcl, columns, rowSecurity);
    }

    public SecuredObject withColumns(Map<String, List<AclItem>> newColumns) {
        return new SecuredObject(kind, owner, acl, newColumns, rowSecurity);
    }

    public SecuredObject withRowSecurity(TableRowSecurity newRowSecurity) {
        return new SecuredObject(kind, owner, acl, columns, newRowSecurity);
    }
}
