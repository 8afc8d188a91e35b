package io.basalt.catalog.system;

import static io.basalt.catalog.system.SystemRelation.BOOL;
import static io.basalt.catalog.system.SystemRelation.INT2;
import static io.basalt.catalog.system.SystemRelation.INT4;
import static io.basalt.catalog.system.SystemRelation.INT8;
import static io.basalt.catalog.system.SystemRelation.OID;
import static io.basalt.catalog.system.SystemRelation.TEXT;

import io.basalt.binder.TableLocking;
import io.basalt.storage.lock.LockOwner;
import io.basalt.storage.lock.RelationLocks;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code pg_catalog.pg_locks}: the table-level locks the database's open transactions hold now, one row per table
 * and mode ({@code locktype} 'relation'), and for each of those transactions the locks on its own virtual and real
 * transaction id that PostgreSQL lists ('virtualxid', 'transactionid', ExclusiveLock). Row locks are not listed
 * (PostgreSQL keeps most of them in the rows themselves too), nor requests still waiting. {@code pid} is the
 * session's process number, as pg_backend_pid() returns it, and {@code virtualtransaction} is
 * {@code pid/transaction}.
 */
final class LockRelations {
    private LockRelations() {
    }

    static List<SystemRelation> all() {
        return List.of(locks());
    }

    private static SystemRelation locks() {
        SystemRelation.Columns columns = new SystemRelation.Columns().add("locktype", TEXT).add("database", OID)
                .add("relation", OID).add("page", INT4).add("tuple", INT2).add("virtualxid", TEXT)
                .add("transactionid", INT8).add("classid", OID).add("objid", OID).add("objsubid", INT2)
                .add("virtualtransaction", TEXT).add("pid", INT4).add("mode", TEXT).add("granted", BOOL)
                .add("fastpath", BOOL).add("waitstart", LogicalType.TIMESTAMPTZ);
        return SystemRelation.of("pg_catalog", "pg_locks", 12100, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            if (!TableLocking.CURRENT.isBound()) {
                return rows;
            }
            Set<LockOwner> owners = new LinkedHashSet<>();
            for (RelationLocks.HeldLock held : TableLocking.CURRENT.get().locks().held()) {
                CatalogObjects.Relation relation = objects.relation(held.schema(), held.name());
                if (relation == null) {
                    continue;
                }
                owners.add(held.owner());
                rows.add(row("relation", relation.oid(), null, null, held.owner(), held.mode().lockName()));
            }
            for (LockOwner owner : owners) {
                rows.add(row("virtualxid", null, virtualTransaction(owner), null, owner, "ExclusiveLock"));
                rows.add(row("transactionid", null, null, owner.transactionNumber(), owner, "ExclusiveLock"));
            }
            return rows;
        });
    }

    private static Object[] row(String type, Long relation, String virtualXid, Long transaction, LockOwner owner,
                                String mode) {
        return new Object[] {type, relation == null ? null : CatalogObjects.DATABASE_OID, relation, null, null,
            virtualXid, transaction, null, null, null, virtualTransaction(owner), (long) owner.processNumber(), mode, true,
            "virtualxid".equals(type), null};
    }

    private static String virtualTransaction(LockOwner owner) {
        return owner.processNumber() + "/" + owner.transactionNumber();
    }
}
