package io.basalt.binder;

import io.basalt.catalog.privilege.AccessCheck;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.Privilege;
import io.basalt.catalog.privilege.SecuredKind;

/**
 * The binder's check of a call of a user-defined routine: EXECUTE on it (PUBLIC holds it unless revoked), or 42501
 * "permission denied for function | aggregate | procedure x". Without checks in force nothing is checked.
 */
public final class RoutineAccess {
    private RoutineAccess() {
    }

    /** Calling the routine {@code schema.name} of {@code kind}. */
    public static void execute(String schema, String name, SecuredKind kind) {
        AccessCheck check = AccessCheck.current();
        if (check == null) {
            return;
        }
        check.require(check.authorization().object(Authorization.functionKey(schema, name), kind),
                Privilege.EXECUTE.bit(), name);
    }
}
