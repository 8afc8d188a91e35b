package io.basalt.catalog.system;

import io.basalt.catalog.privilege.AclItem;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.SecuredKind;
import io.basalt.catalog.privilege.SecuredObject;
import io.basalt.catalog.privilege.SessionIdentity;
import io.basalt.catalog.security.TableRowSecurity;
import io.basalt.type.ArrayValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The system catalogs' columns that come from the authorization state rather than the catalog: a relation's or
 * schema's ACL (relacl, nspacl: null while no GRANT or REVOKE has touched it, as in PostgreSQL) and a table's
 * row-level security switches (relrowsecurity, relforcerowsecurity). Read through the statement's
 * {@link SessionIdentity}; without one every value is the default.
 */
final class AccessColumns {
    private AccessColumns() {
    }

    private static SecuredObject object(String key, SecuredKind kind) {
        if (!SessionIdentity.CURRENT.isBound()) {
            return null;
        }
        Authorization authorization = SessionIdentity.CURRENT.get().authorization();
        return authorization.recorded(key) ? authorization.object(key, kind) : null;
    }

    /** A relation's ACL as aclitem texts, or null. */
    static ArrayValue relationAcl(String schema, String name) {
        return acl(object(Authorization.relationKey(schema, name), SecuredKind.TABLE));
    }

    /** A schema's ACL as aclitem texts, or null. */
    static ArrayValue schemaAcl(String schema) {
        return acl(object(Authorization.schemaKey(schema), SecuredKind.SCHEMA));
    }

    private static ArrayValue acl(SecuredObject object) {
        if (object == null || object.acl() == null) {
            return null;
        }
        List<Object> items = new ArrayList<>();
        for (AclItem item : object.acl()) {
            items.add(item.toString());
        }
        return ArrayValue.of(items);
    }

    /** The oid of the owner of the relation (a stale or missing entry: the bootstrap superuser's). */
    static long relationOwner(String schema, String name, boolean sequence) {
        SecuredObject object = object(Authorization.relationKey(schema, name),
                sequence ? SecuredKind.SEQUENCE : SecuredKind.TABLE);
        return object == null ? ObjectDefinitions.OWNER_OID : RoleRelations.roleOid(object.owner());
    }

    /** The oid of the owner of the schema. */
    static long schemaOwner(String schema) {
        SecuredObject object = object(Authorization.schemaKey(schema), SecuredKind.SCHEMA);
        return object == null ? ObjectDefinitions.OWNER_OID : RoleRelations.roleOid(object.owner());
    }

    /** A table's row-level security switches. */
    static TableRowSecurity rowSecurity(String schema, String name) {
        SecuredObject object = object(Authorization.relationKey(schema, name), SecuredKind.TABLE);
        return object == null ? TableRowSecurity.NONE : object.rowSecurity();
    }
}
