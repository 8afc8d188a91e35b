package io.basalt.routine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.ViewEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.RoutineStatement;
import io.basalt.sql.ast.RoutineStatement.TriggerTiming;
import java.util.List;

/**
 * The checks PostgreSQL makes when CREATE TRIGGER names a view: a view takes INSTEAD OF triggers FOR EACH ROW
 * (without WHEN or an UPDATE column list) and statement-level BEFORE / AFTER triggers, never row-level BEFORE or
 * AFTER ones.
 */
final class ViewTriggerChecks {
    private ViewTriggerChecks() {
    }

    /**
     * The view {@code create} names, checked, or null when it names no view (a table, or nothing).
     *
     * @throws BasaltException with PostgreSQL's code and message for a trigger a view cannot have
     */
    static ViewEntry viewOf(Catalog catalog, RoutineStatement.CreateTrigger create) {
        QualifiedName name = create.table();
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (catalog.findTable(schema, name.last()).isPresent()) {
            return null;
        }
        ViewEntry view = catalog.findView(schema, name.last()).orElse(null);
        if (view == null) {
            return null;
        }
        if (view.materialized()) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + view.name() + "\" is a materialized view")
                    .withDetail("Triggers on materialized views are not supported.");
        }
        if (create.timing() != TriggerTiming.INSTEAD_OF) {
            if (create.forEachRow()) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + view.name() + "\" is a view")
                        .withDetail("Views cannot have row-level BEFORE or AFTER triggers.");
            }
            if (create.events().contains(RoutineStatement.TriggerEvent.TRUNCATE)) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + view.name() + "\" is a view")
                        .withDetail("Views cannot have TRUNCATE triggers.");
            }
            return view;
        }
        if (!create.forEachRow()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "INSTEAD OF triggers must be FOR EACH ROW");
        }
        if (create.when() != null) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "INSTEAD OF triggers cannot have WHEN conditions");
        }
        if (!create.updateColumns().isEmpty()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "INSTEAD OF triggers cannot have column lists");
        }
        return view;
    }
}
