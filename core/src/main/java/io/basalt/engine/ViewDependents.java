package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.ViewEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * The views that read a table or view, directly or through other views, and what DROP does about them:
 * without CASCADE it fails with PostgreSQL's 2BP01 and one DETAIL line per dependency; with CASCADE the
 * dependents go too, with PostgreSQL's notice. Dependents are listed depth first (each view followed by the views
 * that read it), views of one level in name order (PostgreSQL's order is creation order).
 */
final class ViewDependents {
    /** A view that must go, and the object it depends on. */
    record Dependent(ViewEntry view, String dependsOn) {
        String detail(Catalog catalog) {
            return shown(catalog, view) + " depends on " + dependsOn;
        }
    }

    /** "view v" or "materialized view s.v": the view's name qualified when the search path does not find it. */
    static String shown(Catalog catalog, ViewEntry view) {
        return (view.materialized() ? "materialized view " : "view ") + catalog.shownName(view.schema(), view.name());
    }

    private ViewDependents() {
    }

    /** The views reading {@code schema.name} ({@code description}: "table t" or "view v"), transitively. */
    static List<Dependent> of(Catalog catalog, String schema, String name, String description) {
        List<Dependent> found = new ArrayList<>();
        collect(catalog, schema, name, description, found);
        return found;
    }

    private static void collect(Catalog catalog, String schema, String name, String description,
                                List<Dependent> found) {
        for (ViewEntry view : catalog.views()) {
            if (view.dependsOn(schema, name) && !contains(found, view)) {
                found.add(new Dependent(view, description));
                collect(catalog, view.schema(), view.name(), shown(catalog, view), found);
            }
        }
    }

    private static boolean contains(List<Dependent> found, ViewEntry view) {
        for (Dependent dependent : found) {
            if (dependent.view() == view) {
                return true;
            }
        }
        return false;
    }

    /** Removes a view from the catalog, freeing a materialized view's rows (once no scan reads them). */
    static void remove(Catalog catalog, ViewEntry view) {
        catalog.removeView(view);
        if (view.rows() != null) {
            view.rows().close();
        }
    }

    /**
     * Applies DROP's rule to the dependents of the objects being dropped ({@code dropping}, e.g. "table t"):
     * throws 2BP01 when there are some and no CASCADE; with CASCADE removes them and adds the notice.
     */
    static void drop(Catalog catalog, List<Dependent> dependents, String dropping, boolean cascade,
                     List<String> notices) {
        if (dependents.isEmpty()) {
            return;
        }
        if (!cascade) {
            List<String> lines = new ArrayList<>();
            for (Dependent dependent : dependents) {
                lines.add(dependent.detail(catalog));
            }
            throw BasaltException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                            "cannot drop " + dropping + " because other objects depend on it")
                    .withDetail(String.join("\n", lines))
                    .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
        }
        notices.add(dependents.size() == 1 ? "drop cascades to " + shown(catalog, dependents.getFirst().view())
                : "drop cascades to " + dependents.size() + " other objects");
        for (Dependent dependent : dependents) {
            remove(catalog, dependent.view());
        }
    }
}
