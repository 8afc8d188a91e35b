package io.basalt.binder;

import io.basalt.catalog.ViewEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;

/**
 * The session's {@code restrict_nonsystem_relation_kind}: with {@code view} in it, a statement may not expand a
 * view that a user created (reading it or writing through it), only the system's own (pg_views and the other
 * catalog relations, which are not views in Basalt's catalog). A materialized view is read as a table and stays
 * allowed, as in PostgreSQL. The session binds {@link #CURRENT} while a statement is bound; unbound means none.
 */
public final class NonsystemRelationRestriction {
    /** Whether views are restricted for the statement being bound. */
    public static final ScopedValue<Boolean> CURRENT = ScopedValue.newInstance();

    private NonsystemRelationRestriction() {
    }

    /** Whether the setting's value (a comma-separated list) restricts views. */
    public static boolean restrictsViews(String setting) {
        for (String kind : setting.split(",")) {
            if (kind.strip().equals("view")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fails with PostgreSQL's error when views are restricted and {@code view} is a plain one.
     *
     * @throws BasaltException 55000 {@code access to non-system view "v" is restricted}
     */
    public static void check(ViewEntry view) {
        if (!view.materialized() && CURRENT.isBound() && CURRENT.get()) {
            throw BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "access to non-system view \"" + view.name() + "\" is restricted");
        }
    }
}
