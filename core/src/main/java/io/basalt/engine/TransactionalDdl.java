package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.sql.ast.DropSequenceStatement;
import io.basalt.sql.ast.DropTableStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.storage.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * DDL in a transaction block that ROLLBACK undoes, as in PostgreSQL.
 *
 * <p>DROP TABLE and DROP SEQUENCE take the object out of the catalog at once (for every session, as Basalt's other
 * DDL does) but keep it: COMMIT logs the DROP and frees the table's rows; ROLLBACK (or ROLLBACK TO a savepoint taken
 * before) puts the same object back, rows and sequence position included. CREATE SEQUENCE is dropped again (and the
 * drop logged) on ROLLBACK, as CREATE TABLE is. nextval is never undone, as in PostgreSQL.
 *
 * <p>A CREATE of a relation with the name of one dropped so far in the transaction settles that DROP first: it is
 * logged at once (so that replay meets the DROP before the CREATE) and is no longer undone by ROLLBACK.
 *
 * <p>Only the plain cases are deferred: a DROP TABLE of tables that take part in foreign keys or that views depend
 * on, and a DROP SEQUENCE that column defaults depend on, take effect at once and stay dropped after ROLLBACK (their
 * cascades are not undone). The DROP is logged after the transaction's changes at COMMIT, in a log record of its
 * own: a crash between the two leaves the object in place.
 */
final class TransactionalDdl {
    private final Catalog catalog;
    private final DdlExecutor ddl;
    private final Object ddlLock;
    private final Consumer<String> logDdl;
    /** The drops of the open transaction block not yet logged, by the relation's schema and name. */
    private final List<PendingDrop> pending = new ArrayList<>();

    /** A relation dropped in the open block: {@code logged} is its DROP for the log (null for a temporary one). */
    private static final class PendingDrop {
        final String schema;
        final String name;
        final String logged;
        boolean settled;

        PendingDrop(String schema, String name, String logged) {
            this.schema = schema;
            this.name = name;
            this.logged = logged;
        }
    }

    TransactionalDdl(Catalog catalog, DdlExecutor ddl, Object ddlLock, Consumer<String> logDdl) {
        this.catalog = catalog;
        this.ddl = ddl;
        this.ddlLock = ddlLock;
        this.logDdl = logDdl;
    }

    /**
     * DROP TABLE in {@code block}, undone by ROLLBACK; null when the statement is not a plain case (a name that does
     * not resolve, foreign keys, views), which the caller then runs at once. Called under the DDL lock.
     */
    QueryResultImpl dropTable(Transaction block, DropTableStatement drop) {
        List<TableEntry> victims = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        for (QualifiedName name : drop.names()) {
            if (drop.ifExists() && MissingSchemaNotices.of(catalog, name) != null) {
                notices.add(MissingSchemaNotices.of(catalog, name));
                continue;
            }
            List<String> parts = name.parts();
            String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
            TableEntry table = catalog.findTable(schema, name.last()).orElse(null);
            if (table == null && drop.ifExists() && !exists(schema, name.last())) {
                notices.add("table \"" + name.last() + "\" does not exist, skipping");
                continue;
            }
            if (table == null || victims.contains(table) || !table.foreignKeys().isEmpty()
                    || !ForeignKeyLinks.dependents(catalog, table).isEmpty()
                    || !ViewDependents.of(catalog, table.schema(), table.name(), "table " + table.name()).isEmpty()) {
                return null;
            }
            victims.add(table);
        }
        for (TableEntry victim : victims) {
            List<SequenceEntry> owned = catalog.sequencesOwnedBy(victim.schema(), victim.name());
            catalog.removeTable(victim);
            for (SequenceEntry sequence : owned) {
                catalog.removeSequence(sequence);
            }
            PendingDrop dropped = defer(victim.schema(), victim.name(), "DROP TABLE IF EXISTS");
            block.onRollback(() -> {
                synchronized (ddlLock) {
                    pending.remove(dropped);
                    if (dropped.settled) {
                        victim.store().close();
                        return;
                    }
                    catalog.addTable(victim);
                    for (SequenceEntry sequence : owned) {
                        sequence.restore();
                        catalog.addSequence(sequence);
                    }
                }
            });
            block.onCommit(() -> {
                settle(dropped);
                victim.store().close();
            });
        }
        return QueryResultImpl.command("DROP TABLE", 0, notices);
    }

    /**
     * DROP SEQUENCE in {@code block}, undone by ROLLBACK; null when not a plain case (a name that does not resolve,
     * dependent defaults, an identity sequence), which the caller then runs at once. Called under the DDL lock.
     */
    QueryResultImpl dropSequence(Transaction block, DropSequenceStatement drop) {
        List<SequenceEntry> victims = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        for (QualifiedName name : drop.names()) {
            if (drop.ifExists() && MissingSchemaNotices.of(catalog, name) != null) {
                notices.add(MissingSchemaNotices.of(catalog, name));
                continue;
            }
            List<String> parts = name.parts();
            String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
            SequenceEntry sequence = catalog.findSequence(schema, name.last()).orElse(null);
            if (sequence == null && drop.ifExists() && !exists(schema, name.last())) {
                notices.add("sequence \"" + name.last() + "\" does not exist, skipping");
                continue;
            }
            if (sequence == null || victims.contains(sequence)
                    || (sequence.owner() != null && sequence.owner().identity())
                    || !SequenceDependents.of(catalog, sequence).isEmpty()) {
                return null;
            }
            victims.add(sequence);
        }
        for (SequenceEntry victim : victims) {
            catalog.removeSequence(victim);
            PendingDrop dropped = defer(victim.schema(), victim.name(), "DROP SEQUENCE IF EXISTS");
            block.onRollback(() -> {
                synchronized (ddlLock) {
                    pending.remove(dropped);
                    if (!dropped.settled) {
                        victim.restore();
                        catalog.addSequence(victim);
                    }
                }
            });
            block.onCommit(() -> settle(dropped));
        }
        return QueryResultImpl.command("DROP SEQUENCE", 0, notices);
    }

    /**
     * Before a CREATE of relation {@code name} (schema-qualified or not): settles a pending DROP of that name, so the
     * log holds the DROP before the CREATE. Called under the DDL lock.
     */
    void beforeCreate(QualifiedName name) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        for (PendingDrop dropped : List.copyOf(pending)) {
            if (dropped.name.equals(name.last()) && (schema == null || schema.equals(dropped.schema))) {
                settle(dropped);
            }
        }
    }

    private boolean exists(String schema, String name) {
        return catalog.findTable(schema, name).isPresent() || catalog.findSequence(schema, name).isPresent()
                || catalog.findView(schema, name).isPresent();
    }

    private PendingDrop defer(String schema, String name, String command) {
        String logged = schema.equals(catalog.tempSchema()) ? null
                : command + " " + IdentifierQuoting.quote(schema) + "." + IdentifierQuoting.quote(name);
        PendingDrop dropped = new PendingDrop(schema, name, logged);
        pending.add(dropped);
        return dropped;
    }

    /** Logs a pending DROP (once), after which ROLLBACK no longer undoes it. */
    private void settle(PendingDrop dropped) {
        synchronized (ddlLock) {
            pending.remove(dropped);
            if (dropped.settled) {
                return;
            }
            dropped.settled = true;
            if (dropped.logged != null) {
                logDdl.accept(dropped.logged);
            }
        }
    }

    /** CREATE SEQUENCE {@code name} just ran in {@code block}: ROLLBACK drops it again and logs the drop. */
    void dropSequenceOnRollback(Transaction block, QualifiedName name) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        SequenceEntry created = catalog.findSequence(schema, name.last()).orElse(null);
        if (created == null) {
            return;
        }
        block.onRollback(() -> {
            synchronized (ddlLock) {
                if (catalog.findSequence(created.schema(), created.name()).orElse(null) != created) {
                    return;
                }
                catalog.removeSequence(created);
                if (!created.schema().equals(catalog.tempSchema())) {
                    logDdl.accept("DROP SEQUENCE IF EXISTS " + IdentifierQuoting.quote(created.schema()) + "."
                            + IdentifierQuoting.quote(created.name()));
                }
            }
        });
    }
}
