package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.RowSecurityQuals;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.SecuredKind;
import io.basalt.catalog.privilege.SecuredObject;
import io.basalt.catalog.security.RowSecurityPolicy;
import io.basalt.catalog.security.TableRowSecurity;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.PolicyStatement;
import io.basalt.sql.ast.PrivilegeStatement;
import io.basalt.sql.ast.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * CREATE / ALTER / DROP POLICY and ALTER TABLE ... ENABLE | DISABLE | FORCE | NO FORCE ROW LEVEL SECURITY: they
 * change the table's {@link TableRowSecurity} kept with its owner and privileges in {@link Authorization}, so that
 * they are logged, replayed and undone by ROLLBACK as GRANT is. Only the table's owner (or a superuser) may run them;
 * conditions are bound over the table's columns when written so that PostgreSQL's errors come at once.
 */
final class PolicyStatements {
    private final Catalog catalog;
    private final Authorization authorization;
    private final SessionRoles roles;
    private final boolean replaying;
    private final BindContext context;

    PolicyStatements(Catalog catalog, Authorization authorization, SessionRoles roles, boolean replaying,
                     BindContext context) {
        this.catalog = catalog;
        this.authorization = authorization;
        this.roles = roles;
        this.replaying = replaying;
        this.context = context;
    }

    QueryResultImpl run(PolicyStatement statement) {
        return switch (statement) {
            case PolicyStatement.CreatePolicy create -> create(create);
            case PolicyStatement.AlterPolicy alter -> alter(alter);
            case PolicyStatement.DropPolicy drop -> drop(drop);
            case PolicyStatement.RowSecuritySwitch change -> change(change);
        };
    }

    private QueryResultImpl create(PolicyStatement.CreatePolicy create) {
        if (create.command().equals("SELECT") || create.command().equals("DELETE")) {
            if (create.check() != null) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "WITH CHECK cannot be applied to SELECT or DELETE");
            }
        }
        if (create.command().equals("INSERT") && create.using() != null) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, "only WITH CHECK expression allowed for INSERT");
        }
        TableEntry table = table(create.table());
        String key = Authorization.relationKey(table.schema(), table.name());
        SecuredObject object = owned(key, table);
        if (object.rowSecurity().policy(create.name()) != null) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT, "policy \"" + create.name() + "\" for table \""
                    + table.name() + "\" already exists");
        }
        List<String> targets = targets(create.roles());
        validate(create.using(), table);
        validate(create.check(), table);
        RowSecurityPolicy policy = new RowSecurityPolicy(create.name(), create.permissive(), create.command(), targets,
                create.using(), create.check());
        authorization.putObject(key, object.withRowSecurity(object.rowSecurity().withPolicy(null, policy)));
        return QueryResultImpl.command("CREATE POLICY", 0, List.of());
    }

    private QueryResultImpl alter(PolicyStatement.AlterPolicy alter) {
        TableEntry table = table(alter.table());
        String key = Authorization.relationKey(table.schema(), table.name());
        SecuredObject object = owned(key, table);
        RowSecurityPolicy policy = existing(object, alter.name(), table);
        RowSecurityPolicy changed;
        if (alter.renameTo() != null) {
            if (object.rowSecurity().policy(alter.renameTo()) != null) {
                throw BasaltException.of(SqlState.DUPLICATE_OBJECT, "policy \"" + alter.renameTo()
                        + "\" for table \"" + table.name() + "\" already exists");
            }
            changed = policy.renamed(alter.renameTo());
        } else {
            if (alter.using() != null && policy.command().equals("INSERT")) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "only WITH CHECK expression allowed for INSERT");
            }
            if (alter.check() != null && (policy.command().equals("SELECT") || policy.command().equals("DELETE"))) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "WITH CHECK cannot be applied to SELECT or DELETE");
            }
            validate(alter.using(), table);
            validate(alter.check(), table);
            changed = new RowSecurityPolicy(policy.name(), policy.permissive(), policy.command(),
                    alter.roles().isEmpty() ? policy.roles() : targets(alter.roles()),
                    alter.using() != null ? alter.using() : policy.using(),
                    alter.check() != null ? alter.check() : policy.check());
        }
        authorization.putObject(key, object.withRowSecurity(object.rowSecurity().withPolicy(policy.name(), changed)));
        return QueryResultImpl.command("ALTER POLICY", 0, List.of());
    }

    private QueryResultImpl drop(PolicyStatement.DropPolicy drop) {
        if (drop.ifExists() && catalog.missingSchemaNotice(drop.table()) != null) {
            return QueryResultImpl.command("DROP POLICY", 0, List.of(catalog.missingSchemaNotice(drop.table())));
        }
        TableEntry table = table(drop.table());
        String key = Authorization.relationKey(table.schema(), table.name());
        SecuredObject object = owned(key, table);
        if (object.rowSecurity().policy(drop.name()) == null) {
            if (drop.ifExists()) {
                return QueryResultImpl.command("DROP POLICY", 0, List.of("policy \"" + drop.name()
                        + "\" for relation \"" + drop.table() + "\" does not exist, skipping"));
            }
            existing(object, drop.name(), table);
        }
        authorization.putObject(key, object.withRowSecurity(object.rowSecurity().withoutPolicy(drop.name())));
        return QueryResultImpl.command("DROP POLICY", 0, List.of());
    }

    private QueryResultImpl change(PolicyStatement.RowSecuritySwitch change) {
        TableEntry table = findTable(change.table());
        if (table == null) {
            if (change.ifExists()) {
                return QueryResultImpl.command("ALTER TABLE", 0, List.of("relation \"" + change.table().last()
                        + "\" does not exist, skipping"));
            }
            throw BasaltException.at(SqlState.UNDEFINED_TABLE, change.table().position(), "relation \""
                    + change.table() + "\" does not exist");
        }
        String key = Authorization.relationKey(table.schema(), table.name());
        SecuredObject object = owned(key, table);
        TableRowSecurity security = object.rowSecurity();
        security = switch (change.change()) {
            case ENABLE -> security.withEnabled(true);
            case DISABLE -> security.withEnabled(false);
            case FORCE -> security.withForced(true);
            case NO_FORCE -> security.withForced(false);
        };
        authorization.putObject(key, object.withRowSecurity(security));
        return QueryResultImpl.command("ALTER TABLE", 0, List.of());
    }

    private TableEntry findTable(QualifiedName name) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (schema != null && !catalog.schemaExists(schema)) {
            throw BasaltException.at(SqlState.INVALID_SCHEMA_NAME, name.position(), "schema \"" + schema
                    + "\" does not exist");
        }
        return catalog.findTable(schema, name.last()).orElse(null);
    }

    /** The table a policy statement names: 42P01 when there is none (views and sequences have no policies). */
    private TableEntry table(QualifiedName name) {
        TableEntry table = findTable(name);
        if (table == null) {
            throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
        }
        return table;
    }

    /** The table's entry, after checking that the current role owns it. */
    private SecuredObject owned(String key, TableEntry table) {
        SecuredObject object = authorization.object(key, SecuredKind.TABLE);
        if (!replaying) {
            roles.check().requireOwner(object, table.name());
        }
        return object;
    }

    private static RowSecurityPolicy existing(SecuredObject object, String name, TableEntry table) {
        RowSecurityPolicy policy = object.rowSecurity().policy(name);
        if (policy == null) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "policy \"" + name + "\" for table \"" + table.name()
                    + "\" does not exist");
        }
        return policy;
    }

    /** The roles a TO clause names, each checked to exist; empty when PUBLIC is among them. */
    private List<String> targets(List<String> specs) {
        List<String> targets = new ArrayList<>();
        for (String spec : specs) {
            if (spec.equals(PrivilegeStatement.PUBLIC)) {
                return List.of();
            }
            String role = roles.resolve(spec);
            authorization.role(role);
            if (!targets.contains(role)) {
                targets.add(role);
            }
        }
        return targets;
    }

    private void validate(String condition, TableEntry table) {
        if (condition != null) {
            RowSecurityQuals.validate(condition, table, context);
        }
    }
}
