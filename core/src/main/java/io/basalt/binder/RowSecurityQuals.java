package io.basalt.binder;

import io.basalt.catalog.CheckConstraintEntry;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.privilege.AccessCheck;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.RoleEntry;
import io.basalt.catalog.privilege.SecuredKind;
import io.basalt.catalog.privilege.SecuredObject;
import io.basalt.catalog.security.RowSecurityPolicy;
import io.basalt.catalog.security.TableRowSecurity;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.parser.Parser;
import io.basalt.storage.table.CheckConstraint;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Row-level security in the binder: the policies of a table with row security enabled become a filter over the
 * table's scan (their USING conditions: permissive ones OR-ed, restrictive ones AND-ed, nothing visible when no
 * permissive policy applies) and checks of the rows INSERT and UPDATE write (their WITH CHECK conditions, or USING
 * where a policy has none), which fail with PostgreSQL's 42501. Policies apply to the role the statement runs as
 * (a view's owner inside a view) unless it is a superuser, has BYPASSRLS, or owns the table and row security is
 * not forced; with {@code row_security} off a statement that policies would filter fails instead.
 */
public final class RowSecurityQuals {
    /** The session's {@code row_security} setting while a statement is bound (unbound: on). */
    public static final ScopedValue<Boolean> ENABLED = ScopedValue.newInstance();

    private RowSecurityQuals() {
    }

    /** The policies of {@code table} that apply to the current role for {@code command}, or null when none apply. */
    private static List<RowSecurityPolicy> applicable(TableEntry table, String command) {
        if (!AccessCheck.CURRENT.isBound()) {
            return null;
        }
        AccessCheck check = AccessCheck.CURRENT.get();
        Authorization authorization = check.authorization();
        SecuredObject object = authorization.object(Authorization.relationKey(table.schema(), table.name()),
                SecuredKind.TABLE);
        TableRowSecurity security = object.rowSecurity();
        if (!security.enabled() || check.superuser()) {
            return null;
        }
        String role = check.role();
        RoleEntry entry = authorization.findRole(role);
        if (entry != null && entry.bypassRowSecurity()) {
            return null;
        }
        boolean owner = authorization.reaches(role, object.owner(), true);
        if (owner && !security.forced()) {
            return null;
        }
        if (ENABLED.isBound() && !ENABLED.get()) {
            BasaltException affected = BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE,
                    "query would be affected by row-level security policy for table \"" + table.name() + "\"");
            throw owner ? affected.withHint("To disable the policy for the table's owner, use ALTER TABLE NO FORCE"
                    + " ROW LEVEL SECURITY.") : affected;
        }
        List<RowSecurityPolicy> policies = new ArrayList<>();
        for (RowSecurityPolicy policy : security.policies()) {
            if (policy.appliesTo(command) && appliesToRole(policy, role, authorization)) {
                policies.add(policy);
            }
        }
        return policies;
    }

    private static boolean appliesToRole(RowSecurityPolicy policy, String role, Authorization authorization) {
        if (policy.roles().isEmpty()) {
            return true;
        }
        for (String target : policy.roles()) {
            if (authorization.reaches(role, target, true)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code plan} (whose first columns are {@code table}'s, in order; any after them are not the table's) filtered
     * by the USING conditions of the policies for each of {@code commands}; {@code plan} itself when none apply.
     */
    static LogicalPlan filter(TableEntry table, LogicalPlan plan, BindContext context, String... commands) {
        for (String command : commands) {
            List<RowSecurityPolicy> policies = applicable(table, command);
            if (policies == null) {
                continue;
            }
            List<String> permissive = new ArrayList<>();
            List<String> restrictive = new ArrayList<>();
            for (RowSecurityPolicy policy : policies) {
                if (policy.using() != null) {
                    (policy.permissive() ? permissive : restrictive).add(policy.using());
                }
            }
            StringBuilder condition = new StringBuilder(permissive.isEmpty() ? "false" : "(");
            for (int i = 0; i < permissive.size(); i++) {
                condition.append(i == 0 ? "(" : " OR (").append(permissive.get(i)).append(')');
            }
            if (!permissive.isEmpty()) {
                condition.append(')');
            }
            for (String using : restrictive) {
                condition.append(" AND (").append(using).append(')');
            }
            plan = QueryBinder.where(Parser.parseExpression(condition.toString()), plan, scope(table, plan),
                    context, Surroundings.NONE);
        }
        return plan;
    }

    /** The table's columns under its own name, then hidden placeholders for the plan's other columns. */
    private static Scope scope(TableEntry table, LogicalPlan plan) {
        List<LogicalType> types = plan.outputTypes();
        List<Scope.Column> columns = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            if (i < table.columns().size()) {
                ColumnEntry column = table.columns().get(i);
                columns.add(new Scope.Column(table.name(), column.name(), column.type()));
            } else {
                columns.add(new Scope.Column(null, "\0row security " + i, types.get(i), null, true));
            }
        }
        return new Scope(columns);
    }

    /**
     * {@code table} with the checks that rows {@code command} (INSERT or UPDATE) writes must pass: the WITH CHECK
     * conditions (USING where absent) of the permissive policies, any of which may pass, and of each restrictive
     * policy, which must; {@code table} itself when no policy applies.
     */
    public static TableEntry withChecks(TableEntry table, String command, BindContext context) {
        List<RowSecurityPolicy> policies = applicable(table, command);
        if (policies == null) {
            return table;
        }
        List<String> permissive = new ArrayList<>();
        List<CheckConstraintEntry> checks = new ArrayList<>(table.checks());
        List<CheckConstraintEntry> restrictive = new ArrayList<>();
        for (RowSecurityPolicy policy : policies) {
            String condition = policy.check() != null ? policy.check() : policy.using();
            if (condition == null) {
                continue;
            }
            if (policy.permissive()) {
                permissive.add("(" + condition + ")");
            } else {
                restrictive.add(check(table, CheckConstraint.ROW_SECURITY_POLICY + policy.name(), condition,
                        context));
            }
        }
        // PostgreSQL checks the permissive policies before the restrictive ones
        checks.add(check(table, CheckConstraint.ROW_SECURITY_POLICY, permissive.isEmpty() ? "false"
                : String.join(" OR ", permissive), context));
        checks.addAll(restrictive);
        return table.withChecks(checks);
    }

    private static CheckConstraintEntry check(TableEntry table, String name, String condition, BindContext context) {
        // a NULL result must fail as false does: CHECK constraints let NULL pass
        return new CheckConstraintEntry(name, CheckConditions.bindOverRow(Parser.parseExpression(
                "coalesce((" + condition + "), false)"), table.name(), table.columns(), context, "POLICY", e -> e,
                "POLICY"));
    }

    /**
     * Binds a policy's condition over {@code table}'s columns as CREATE / ALTER POLICY validates it: PostgreSQL's
     * errors for unknown columns and for a result that is not boolean ("argument of POLICY must be type boolean").
     */
    public static void validate(String condition, TableEntry table, BindContext context) {
        try {
            CheckConditions.bindOverRow(Parser.parseExpression(condition), table.name(), table.columns(), context,
                    "POLICY", e -> e, "POLICY");
        } catch (BasaltException e) {
            if (e.sqlState() != SqlState.FEATURE_NOT_SUPPORTED) {
                throw e;
            }
            // subqueries: bound as a WHERE clause over the table is
            LogicalPlan.Scan scan = new LogicalPlan.Scan(table.store(), allColumns(table), table.columnTypes());
            QueryBinder.where(Parser.parseExpression(condition), scan, scope(table, scan), context, Surroundings.NONE);
        }
    }

    private static int[] allColumns(TableEntry table) {
        int[] columns = new int[table.columns().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i;
        }
        return columns;
    }
}
