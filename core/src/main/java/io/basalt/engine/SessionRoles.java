package io.basalt.engine;

import io.basalt.catalog.privilege.AccessCheck;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.RoleEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.PrivilegeStatement;
import io.basalt.storage.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Who a session acts as: the role it connected as (fixed), its session user (SET SESSION AUTHORIZATION, which only
 * a session that connected as a superuser may change), and its current role (SET ROLE, among the roles the session
 * user is a member of; none means the session user). current_user and current_role are the current role,
 * session_user the session user. In a transaction block, ROLLBACK undoes SET ROLE and SET SESSION AUTHORIZATION, and
 * COMMIT ends their LOCAL forms, as in PostgreSQL.
 */
final class SessionRoles {
    private final Authorization authorization;
    private final String authenticated;
    private String sessionUser;
    /** The role SET ROLE chose, or null (NONE): the session user. */
    private String role;

    /** The session's settings, whose {@code role} and {@code session_authorization} show this state. */
    private final SessionSettings settings;

    SessionRoles(Authorization authorization, String authenticated, SessionSettings settings) {
        this.authorization = authorization;
        this.authenticated = authenticated;
        this.sessionUser = authenticated;
        this.settings = settings;
        showInSettings();
    }

    private void showInSettings() {
        List<String> ignored = new ArrayList<>();
        settings.set("role", roleSetting(), ignored);
        settings.set("session_authorization", sessionUser, ignored);
    }

    /**
     * Checks that {@code user} may open a session.
     *
     * @throws BasaltException 28000 when the role does not exist or may not log in
     */
    static void checkLogin(Authorization authorization, String user) {
        RoleEntry role = authorization.findRole(user);
        if (role == null) {
            throw BasaltException.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "role \"" + user
                    + "\" does not exist");
        }
        if (!role.login()) {
            throw BasaltException.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "role \"" + user
                    + "\" is not permitted to log in");
        }
    }

    String currentUser() {
        return role != null ? role : sessionUser;
    }

    String sessionUser() {
        return sessionUser;
    }

    /** The value of the {@code role} setting: the SET ROLE role, or "none". */
    String roleSetting() {
        return role == null ? "none" : role;
    }

    /** The checks of a statement run now. */
    AccessCheck check() {
        return new AccessCheck(authorization, currentUser());
    }

    /** A role name of a statement, with CURRENT_USER, CURRENT_ROLE and SESSION_USER replaced. */
    String resolve(String spec) {
        return switch (spec) {
            case PrivilegeStatement.CURRENT_USER, PrivilegeStatement.CURRENT_ROLE -> currentUser();
            case PrivilegeStatement.SESSION_USER -> sessionUser;
            default -> spec;
        };
    }

    /** SET ROLE / RESET ROLE / SET SESSION AUTHORIZATION / RESET SESSION AUTHORIZATION. */
    QueryResultImpl set(PrivilegeStatement.SetRole statement, Transaction block, boolean replaying) {
        String previousSession = sessionUser;
        String previousRole = role;
        if (statement.sessionAuthorization()) {
            String target = statement.role() == null ? authenticated : resolve(statement.role());
            if (!replaying) {
                existing(target);
                if (!target.equals(authenticated) && !authorization.superuser(authenticated)) {
                    throw BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE,
                            "permission denied to set session authorization");
                }
            }
            sessionUser = target;
            role = null;
        } else if (statement.role() != null) {
            String target = resolve(statement.role());
            if (!replaying) {
                existing(target);
                if (!authorization.superuser(sessionUser) && !authorization.reachesSettable(sessionUser, target)) {
                    throw BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to set role \""
                            + target + "\"");
                }
            }
            role = target;
        } else {
            role = null;
        }
        showInSettings();
        if (block != null) {
            block.onRollback(() -> {
                sessionUser = previousSession;
                role = previousRole;
                showInSettings();
            });
            if (statement.local()) {
                block.onCommit(() -> {
                    sessionUser = previousSession;
                    role = previousRole;
                    showInSettings();
                });
            }
        }
        return QueryResultImpl.command("SET", 0, java.util.List.of());
    }

    /** SET ROLE and SET SESSION AUTHORIZATION name a role as a setting's value: 22023 when it does not exist. */
    private void existing(String role) {
        if (authorization.findRole(role) == null) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "role \"" + role + "\" does not exist");
        }
    }
}
