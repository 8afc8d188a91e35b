package io.basalt.engine;

import io.basalt.api.CatalogView.AccessInfo;
import io.basalt.api.CatalogView.RoleInfo;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.catalog.privilege.AclItem;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.RoleEntry;
import io.basalt.catalog.privilege.RoleGrant;
import io.basalt.catalog.privilege.SecuredKind;
import io.basalt.catalog.privilege.SecuredObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The roles and the relations' privileges as the API lists them for the shell's {@code \du} and {@code \dp}: role
 * attributes worded as psql words them, and ACLs as PostgreSQL's aclitem texts (none while an object keeps its
 * default privileges, as a null relacl shows nothing in psql).
 */
final class PrivilegeListings {
    private PrivilegeListings() {
    }

    static List<RoleInfo> roles(Authorization authorization) {
        List<RoleInfo> roles = new ArrayList<>();
        List<RoleGrant> grants = authorization.grants();
        for (RoleEntry role : authorization.roles()) {
            if (role.name().startsWith("pg_")) {
                continue;
            }
            List<String> memberOf = new ArrayList<>();
            for (RoleGrant grant : grants) {
                if (grant.member().equals(role.name())) {
                    memberOf.add(grant.role());
                }
            }
            memberOf.sort(null);
            roles.add(new RoleInfo(role.name(), attributes(role), memberOf));
        }
        roles.sort(Comparator.comparing(RoleInfo::name));
        return roles;
    }

    /** psql's wording: attributes joined by commas, the connection limit and password expiry on lines of their own. */
    private static String attributes(RoleEntry role) {
        List<String> words = new ArrayList<>();
        if (role.superuser()) {
            words.add("Superuser");
        }
        if (!role.inherit()) {
            words.add("No inheritance");
        }
        if (role.createRole()) {
            words.add("Create role");
        }
        if (role.createDatabase()) {
            words.add("Create DB");
        }
        if (!role.login()) {
            words.add("Cannot login");
        }
        if (role.replication()) {
            words.add("Replication");
        }
        if (role.bypassRowSecurity()) {
            words.add("Bypass RLS");
        }
        StringBuilder text = new StringBuilder(String.join(", ", words));
        if (role.connectionLimit() >= 0) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(role.connectionLimit() == 0 ? "No connections"
                    : role.connectionLimit() + (role.connectionLimit() == 1 ? " connection" : " connections"));
        }
        if (role.validUntil() != null) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append("Password valid until ").append(role.validUntil());
        }
        return text.toString();
    }

    static List<AccessInfo> accessPrivileges(Catalog catalog, Authorization authorization) {
        List<AccessInfo> listed = new ArrayList<>();
        for (TableEntry table : catalog.tables()) {
            listed.add(access(authorization, table.schema(), table.name(), SecuredKind.TABLE));
        }
        for (ViewEntry view : catalog.views()) {
            listed.add(access(authorization, view.schema(), view.name(),
                    view.materialized() ? SecuredKind.MATERIALIZED_VIEW : SecuredKind.VIEW));
        }
        for (SequenceEntry sequence : catalog.sequences()) {
            listed.add(access(authorization, sequence.schema(), sequence.name(), SecuredKind.SEQUENCE));
        }
        listed.sort(Comparator.comparing(AccessInfo::schema).thenComparing(AccessInfo::name));
        return listed;
    }

    private static AccessInfo access(Authorization authorization, String schema, String name, SecuredKind kind) {
        SecuredObject object = authorization.object(Authorization.relationKey(schema, name), kind);
        List<String> items = new ArrayList<>();
        if (object.acl() != null) {
            for (AclItem item : object.acl()) {
                items.add(item.toString());
            }
        }
        Map<String, List<String>> columns = new TreeMap<>();
        for (Map.Entry<String, List<AclItem>> column : object.columns().entrySet()) {
            List<String> texts = new ArrayList<>();
            for (AclItem item : column.getValue()) {
                texts.add(item.toString());
            }
            columns.put(column.getKey(), texts);
        }
        return new AccessInfo(schema, name, kind.noun(), items, columns);
    }
}
