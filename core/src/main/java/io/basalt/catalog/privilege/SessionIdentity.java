package io.basalt.catalog.privilege;

/**
 * Who the statement being bound runs as, for current_user, current_role, session_user and the privilege inquiry
 * functions: bound by the session around each statement (unbound: the bootstrap superuser).
 */
public record SessionIdentity(String currentUser, String sessionUser, Authorization authorization,
                              io.basalt.catalog.Catalog catalog) {
    public static final ScopedValue<SessionIdentity> CURRENT = ScopedValue.newInstance();
}
