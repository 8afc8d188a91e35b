package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.ViewEntry;
import io.basalt.storage.transaction.Transaction;
import java.util.List;
import java.util.function.Consumer;

/**
 * Undoes a CREATE VIEW or ALTER VIEW of a transaction block on ROLLBACK, as PostgreSQL does: the view as it was
 * before (none, for a CREATE) takes the place of the view as the statement left it, unless something changed it
 * since, and a statement that does the same on replay is logged after the one that made the change (a permanent
 * view's DDL is logged when it runs).
 */
final class ViewRollback {
    private ViewRollback() {
    }

    /**
     * Registers the undo with the open block, if any. {@code before} is null for a view created by the statement;
     * {@code undo} is the statement replay runs to undo it (null: nothing to log, for a temporary view).
     */
    static void register(Transaction block, Catalog catalog, Object ddlLock, Consumer<String> log, ViewEntry before,
                         ViewEntry after, String undo) {
        register(block, catalog, ddlLock, log, before, after, undo == null ? List.of() : List.of(undo));
    }

    /** As {@link #register(Transaction, Catalog, Object, Consumer, ViewEntry, ViewEntry, String)}, several undoing statements. */
    static void register(Transaction block, Catalog catalog, Object ddlLock, Consumer<String> log, ViewEntry before,
                         ViewEntry after, List<String> undo) {
        if (block == null || after == null) {
            return;
        }
        block.onRollback(() -> {
            synchronized (ddlLock) {
                if (catalog.findView(after.schema(), after.name()).orElse(null) != after) {
                    return;
                }
                catalog.removeView(after);
                if (before != null) {
                    catalog.addView(before, null);
                }
                if (!after.schema().equals(catalog.tempSchema())) {
                    for (String statement : undo) {
                        log.accept(statement);
                    }
                }
            }
        });
    }
}
