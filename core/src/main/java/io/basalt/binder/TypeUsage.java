package io.basalt.binder;

import io.basalt.catalog.UserType;
import io.basalt.catalog.privilege.AccessCheck;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.Privilege;
import io.basalt.catalog.privilege.SecuredKind;

/**
 * USAGE on the user-defined types (and domains) a statement that defines something names: a column's type, a
 * routine's argument or result type, a domain's base type, a cast inside a stored expression. PostgreSQL checks it
 * when an object comes to depend on the type, not when a query merely reads values of it, so the check is in force
 * only while a defining statement runs ({@link #CHECK} bound by the session); 42501 "permission denied for type x".
 */
public final class TypeUsage {
    /** The checks of the defining statement being run; unbound for queries, writes and superusers. */
    public static final ScopedValue<AccessCheck> CHECK = ScopedValue.newInstance();

    private TypeUsage() {
    }

    /** The statement names {@code type}. */
    static void named(UserType type) {
        if (!CHECK.isBound()) {
            return;
        }
        AccessCheck check = CHECK.get();
        if (check.superuser()) {
            return;
        }
        check.require(check.authorization().object(Authorization.typeKey(type.schema(), type.name()),
                SecuredKind.TYPE), Privilege.USAGE.bit(), type.name());
    }
}
