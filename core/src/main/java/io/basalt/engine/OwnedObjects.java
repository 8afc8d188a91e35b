package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.ForeignKeyEntry;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.catalog.privilege.AclItem;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.SecuredKind;
import io.basalt.catalog.privilege.SecuredObject;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.PrivilegeStatement;
import io.basalt.sql.lexer.IdentifierQuoting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * DROP OWNED and REASSIGN OWNED, as PostgreSQL has them for the objects Basalt records owners of (tables, views,
 * materialized views, sequences, schemas, functions, procedures, aggregates and types with an owner).
 *
 * <p>DROP OWNED BY roles drops every object the roles own with the DROP statement of its kind, views first and
 * schemas last, each run as a statement of the session ({@code run}: it is logged and undone as any other), and
 * then revokes every privilege granted to the roles on the remaining objects (this part is logged as the DROP
 * OWNED statement itself; replay runs it again, when the drops were replayed already). Without CASCADE it first
 * refuses, with PostgreSQL's 2BP01, when a view or a foreign key of an object the roles do not own depends on one
 * they own. REASSIGN OWNED BY roles TO role makes that role the owner of each, as ALTER ... OWNER TO does (the
 * owner's own entries of the privileges follow it). Both need the privileges of every role named (42501), unless
 * the current user is a superuser.
 */
final class OwnedObjects {
    private final Catalog catalog;
    private final Authorization authorization;
    private final SessionRoles roles;
    private final boolean replaying;
    /** How an object's key is described ("table t"), or null when the object no longer exists. */
    private final Function<String, String> describe;
    private final io.basalt.routine.RoutineCatalog routines;

    OwnedObjects(Catalog catalog, Authorization authorization, SessionRoles roles, boolean replaying,
                 Function<String, String> describe, io.basalt.routine.RoutineCatalog routines) {
        this.catalog = catalog;
        this.routines = routines;
        this.authorization = authorization;
        this.roles = roles;
        this.replaying = replaying;
        this.describe = describe;
    }

    /** The role names the statement names, each existing and each one the current user may act for. */
    List<String> roleNames(List<String> specs, String verb) {
        List<String> names = new ArrayList<>();
        for (String spec : specs) {
            String name = roles.resolve(spec);
            authorization.role(name);
            names.add(name);
        }
        if (!replaying && !roles.check().superuser()) {
            for (String name : names) {
                if (!authorization.reaches(roles.currentUser(), name, false)) {
                    throw BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to " + verb
                            + " objects");
                }
            }
        }
        return names;
    }

    /**
     * The DROP statements that drop what {@code owners} own, in the order to run them (each computed when the ones
     * before it ran, as a cascade may have dropped more). {@code next} is called until it returns null.
     */
    String nextDrop(Set<String> owners, boolean cascade) {
        for (SecuredKind kind : List.of(SecuredKind.VIEW, SecuredKind.MATERIALIZED_VIEW, SecuredKind.TABLE,
                SecuredKind.SEQUENCE, SecuredKind.FUNCTION, SecuredKind.PROCEDURE, SecuredKind.AGGREGATE,
                SecuredKind.TYPE, SecuredKind.SCHEMA)) {
            List<String> names = new ArrayList<>();
            for (Map.Entry<String, SecuredObject> entry : owned(owners).entrySet()) {
                if (entry.getValue().kind() == kind && !ownedSequence(entry.getKey(), owners)) {
                    names.addAll(signatures(entry.getKey(), kind));
                }
            }
            if (!names.isEmpty()) {
                names.sort(null);
                String noun = switch (kind) {
                    case MATERIALIZED_VIEW -> "MATERIALIZED VIEW";
                    default -> kind.noun().toUpperCase(java.util.Locale.ROOT);
                };
                return "DROP " + noun + " " + String.join(", ", names) + (cascade ? " CASCADE" : "");
            }
        }
        return null;
    }

    /**
     * Without CASCADE: PostgreSQL's 2BP01 when a view or a foreign key that is not the roles' depends on one of
     * their tables or views (the DETAIL names each such dependency).
     */
    void checkNoOtherDependents(Set<String> owners) {
        Map<String, SecuredObject> owned = owned(owners);
        List<String> details = new ArrayList<>();
        for (ViewEntry view : catalog.views()) {
            if (owned.containsKey(Authorization.relationKey(view.schema(), view.name()))) {
                continue;
            }
            for (ViewEntry.Relation relation : view.dependencies()) {
                if (owned.containsKey(Authorization.relationKey(relation.schema(), relation.name()))) {
                    details.add((view.materialized() ? "materialized view " : "view ") + shown(view.schema(),
                            view.name()) + " depends on " + relation.description());
                }
            }
        }
        for (TableEntry table : catalog.tables()) {
            if (owned.containsKey(Authorization.relationKey(table.schema(), table.name()))) {
                continue;
            }
            for (ForeignKeyEntry key : table.foreignKeys()) {
                if (owned.containsKey(Authorization.relationKey(key.referencedSchema(), key.referencedTable()))) {
                    details.add("constraint " + key.name() + " on table " + shown(table.schema(), table.name())
                            + " depends on table " + shown(key.referencedSchema(), key.referencedTable()));
                }
            }
        }
        if (!details.isEmpty()) {
            throw BasaltException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                            "cannot drop desired object(s) because other objects depend on them")
                    .withDetail(String.join("\n", new LinkedHashSet<>(details)))
                    .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
        }
    }

    /** Revokes every privilege granted to {@code owners} on objects that exist (table and column privileges). */
    void revokeGrantedTo(Set<String> owners) {
        for (Map.Entry<String, SecuredObject> entry : new HashMap<>(authorization.objects()).entrySet()) {
            SecuredObject object = entry.getValue();
            if (describe.apply(entry.getKey()) == null && !entry.getKey().startsWith("n:")) {
                continue;
            }
            List<AclItem> acl = object.acl() == null ? null : kept(object.acl(), owners, object.owner());
            Map<String, List<AclItem>> columns = new HashMap<>();
            for (Map.Entry<String, List<AclItem>> column : object.columns().entrySet()) {
                List<AclItem> items = kept(column.getValue(), owners, null);
                if (!items.isEmpty()) {
                    columns.put(column.getKey(), items);
                }
            }
            boolean changed = acl != null && acl.size() != object.acl().size()
                    || !columns.equals(object.columns());
            if (changed) {
                authorization.putObject(entry.getKey(), new SecuredObject(object.kind(), object.owner(), acl,
                        columns, object.rowSecurity()));
            }
        }
    }

    /** REASSIGN OWNED: {@code newOwner} owns what {@code owners} own. */
    void reassign(Set<String> owners, String newOwner) {
        for (Map.Entry<String, SecuredObject> entry : owned(owners).entrySet()) {
            GrantStatements.setOwner(authorization, entry.getKey(), entry.getValue(), newOwner);
        }
    }

    /** The items of {@code acl} not granted to {@code owners} (an owner's own entries stay with the object). */
    private static List<AclItem> kept(List<AclItem> acl, Set<String> owners, String objectOwner) {
        List<AclItem> kept = new ArrayList<>();
        for (AclItem item : acl) {
            if (!owners.contains(item.grantee()) || item.grantee().equals(objectOwner)) {
                kept.add(item);
            }
        }
        return kept;
    }

    /** The existing objects {@code owners} own, by key (the public schema's stand-in owner excluded). */
    private Map<String, SecuredObject> owned(Set<String> owners) {
        Map<String, SecuredObject> owned = new HashMap<>();
        for (Map.Entry<String, SecuredObject> entry : authorization.objects().entrySet()) {
            if (owners.contains(entry.getValue().owner()) && exists(entry.getKey(), entry.getValue().kind())) {
                owned.put(entry.getKey(), entry.getValue());
            }
        }
        return owned;
    }

    private boolean exists(String key, SecuredKind kind) {
        String name = key.substring(2);
        int dot = name.indexOf('.');
        String schema = dot < 0 ? null : name.substring(0, dot);
        String object = name.substring(dot + 1);
        return switch (kind) {
            case SCHEMA -> catalog.schemaNames().contains(name) && !name.equals(Catalog.DEFAULT_SCHEMA);
            case TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE -> describe.apply(key) != null;
            case FUNCTION, PROCEDURE -> schema != null && !routines.functions(schema, object).isEmpty();
            case AGGREGATE -> schema != null && !routines.aggregates(schema, object).isEmpty();
            case TYPE -> schema != null && catalog.types().find(schema, object).isPresent();
            case LANGUAGE -> false;
        };
    }

    /** Whether {@code key} is a sequence owned by a column of a table {@code owners} own (it goes with the table). */
    private boolean ownedSequence(String key, Set<String> owners) {
        if (!key.startsWith("r:")) {
            return false;
        }
        for (SequenceEntry sequence : catalog.sequences()) {
            if (Authorization.relationKey(sequence.schema(), sequence.name()).equals(key) && sequence.owner() != null) {
                SecuredObject table = authorization.objects().get(Authorization.relationKey(sequence.schema(),
                        sequence.owner().table()));
                return table != null && owners.contains(table.owner());
            }
        }
        return false;
    }

    /**
     * How DROP names the object of {@code key}: a relation, schema or type by its qualified name, a routine once per
     * overload with its argument types (the overloads of a name share its owner), so that a name with several
     * signatures is dropped whole.
     */
    private List<String> signatures(String key, SecuredKind kind) {
        if (kind != SecuredKind.FUNCTION && kind != SecuredKind.PROCEDURE && kind != SecuredKind.AGGREGATE) {
            return List.of(qualified(key));
        }
        String name = key.substring(2);
        int dot = name.indexOf('.');
        String schema = name.substring(0, dot);
        String object = name.substring(dot + 1);
        List<String> signatures = new ArrayList<>();
        if (kind == SecuredKind.AGGREGATE) {
            for (io.basalt.routine.AggregateEntry aggregate : routines.aggregates(schema, object)) {
                signatures.add(qualified(key) + argumentList(aggregate.argumentTypes()));
            }
        } else {
            for (io.basalt.routine.FunctionEntry function : routines.functions(schema, object)) {
                if (function.procedure() == (kind == SecuredKind.PROCEDURE)) {
                    signatures.add(qualified(key) + argumentList(function.inputTypes()));
                }
            }
        }
        return signatures.isEmpty() ? List.of(qualified(key)) : signatures;
    }

    private static String argumentList(List<io.basalt.type.LogicalType> types) {
        List<String> names = new ArrayList<>();
        for (io.basalt.type.LogicalType type : types) {
            names.add(type.displayName());
        }
        return "(" + String.join(", ", names) + ")";
    }

    /**
     * DROP OWNED's part for default privileges (ALTER DEFAULT PRIVILEGES): the roles' own defaults are dropped, and
     * what other roles' defaults grant to them is revoked (a default left as the built-in one is dropped).
     */
    void dropDefaultPrivileges(Set<String> owners) {
        for (Map.Entry<String, List<AclItem>> entry : authorization.defaultAcls().entrySet()) {
            Authorization.DefaultsKey key = Authorization.DefaultsKey.parse(entry.getKey());
            if (owners.contains(key.role())) {
                authorization.putDefaultAcl(entry.getKey(), null);
                continue;
            }
            List<AclItem> kept = kept(entry.getValue(), owners, key.role());
            if (kept.size() != entry.getValue().size()) {
                boolean builtIn = key.schema() == null ? kept.equals(Authorization.builtInDefaultAcl(key.role(),
                        key.kind())) : kept.isEmpty();
                authorization.putDefaultAcl(entry.getKey(), builtIn ? null : kept);
            }
        }
    }

    /** The object of {@code key} as a DROP statement names it: schema-qualified and quoted. */
    private static String qualified(String key) {
        String name = key.substring(2);
        int dot = name.indexOf('.');
        if (dot < 0) {
            return IdentifierQuoting.quote(name);
        }
        return IdentifierQuoting.quote(name.substring(0, dot)) + "." + IdentifierQuoting.quote(name.substring(dot + 1));
    }

    /** A relation's name as PostgreSQL's messages show it: qualified unless the search path finds it. */
    private String shown(String schema, String name) {
        return catalog.searchedSchemas().contains(schema) ? name : schema + "." + name;
    }

    /** The roles of a statement as a set. */
    static Set<String> set(List<String> names) {
        return new LinkedHashSet<>(names);
    }

    /** The statement's kind for its verb in PostgreSQL's 42501 message. */
    static String verb(PrivilegeStatement statement) {
        return statement instanceof PrivilegeStatement.DropOwned ? "drop" : "reassign";
    }
}
