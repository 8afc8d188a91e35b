package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.privilege.AccessCheck;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.Privilege;
import io.basalt.catalog.privilege.SecuredKind;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.LockStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.storage.lock.RelationLockMode;
import java.util.List;

/**
 * LOCK TABLE: checks what PostgreSQL checks (an explicit transaction block, that each name is a table or view, and
 * the privileges the lock mode needs) and then takes the mode on each table until the transaction ends
 * ({@link StatementLocks#lockTables}), waiting for conflicting holders unless NOWAIT is given. Unlike PostgreSQL,
 * the tables inheriting from a named table and the tables under a named view are not locked with it.
 */
final class LockExecutor {
    private LockExecutor() {
    }

    /**
     * Runs {@code lock}.
     *
     * @param inBlock whether an explicit transaction block is open
     * @throws BasaltException 25P01 outside a transaction block, 42P01 for a missing relation, 42809 for a
     *         sequence, 42501 without the privilege the mode needs
     */
    static QueryResultImpl run(LockStatement lock, Catalog catalog, Authorization authorization, boolean inBlock) {
        if (!inBlock) {
            throw BasaltException.of(SqlState.NO_ACTIVE_SQL_TRANSACTION,
                    "LOCK TABLE can only be used in transaction blocks");
        }
        AccessCheck check = AccessCheck.current();
        for (QualifiedName name : lock.tables()) {
            SecuredObjects.Found found = SecuredObjects.requireRelation(catalog, name);
            if (found.kind() == SecuredKind.SEQUENCE) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "cannot lock relation \"" + found.name() + "\"")
                        .withDetail("This operation is not supported for sequences.");
            }
            if (check != null) {
                int held = check.privileges(authorization.object(found.key(), found.kind()));
                if ((held & requiredAnyOf(lock.mode())) == 0) {
                    throw AccessCheck.denied(found.kind(), found.name());
                }
            }
        }
        StatementLocks.lockTables(catalog, lock.tables(), RelationLockMode.ofSqlName(lock.mode()), lock.nowait());
        return QueryResultImpl.command("LOCK TABLE", 0, List.of());
    }

    /** PostgreSQL 15's rule: any one of these privileges allows the mode. */
    private static int requiredAnyOf(String mode) {
        return switch (mode) {
            case "ACCESS SHARE" -> Privilege.SELECT.bit();
            case "ROW EXCLUSIVE" -> Privilege.INSERT.bit() | Privilege.UPDATE.bit() | Privilege.DELETE.bit()
                    | Privilege.TRUNCATE.bit();
            default -> Privilege.UPDATE.bit() | Privilege.DELETE.bit() | Privilege.TRUNCATE.bit();
        };
    }
}
