package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.BoundQuery;
import io.basalt.binder.QueryBinder;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ViewEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.SelectItem;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A view's query bound once when the view is created (or refreshed): its plan, its column names (the query's, or
 * those given) and types (text where the query's is still unknown), the tables and views it reads and the table
 * columns it reads. Errors are PostgreSQL's for too many or duplicate column names.
 */
record ViewDefinition(LogicalPlan plan, List<String> names, List<LogicalType> types,
                      List<ViewEntry.Relation> dependencies, List<ViewEntry.ColumnUse> columnUses) {

    static ViewDefinition of(Query query, List<String> columnNames, String statement, Catalog catalog,
                             BindContext context) {
        List<ViewEntry.Relation> read = new ArrayList<>();
        BindContext recording = new BindContext(catalog.recordingLookups(read), context.tableFunctions(),
                context.parameters());
        BoundQuery bound = new QueryBinder(recording).bind(query);
        List<LogicalType> types = new ArrayList<>();
        List<SelectItem> items = query.body() instanceof QueryBody.Select select
                && select.items().stream().noneMatch(SelectItem.Star.class::isInstance) ? select.items() : List.of();
        for (int c = 0; c < bound.plan().outputTypes().size(); c++) {
            LogicalType type = bound.plan().outputTypes().get(c);
            if (type.id() == TypeId.NUMERIC && c < items.size() && computed(items.get(c))) {
                type = LogicalType.NUMERIC;
            }
            types.add(type.id() == TypeId.UNKNOWN ? LogicalType.TEXT : type);
        }
        if (columnNames.size() > types.size()) {
            if (statement.equals("CREATE MATERIALIZED VIEW")) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "too many column names were specified");
            }
            throw BasaltException.of(SqlState.SYNTAX_ERROR, statement + " specifies more column names than columns");
        }
        List<String> names = new ArrayList<>(bound.names());
        for (int i = 0; i < columnNames.size(); i++) {
            names.set(i, columnNames.get(i));
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw BasaltException.of(SqlState.DUPLICATE_COLUMN, "column \"" + name + "\" specified more than once");
            }
        }
        return new ViewDefinition(bound.plan(), names, types, new ArrayList<>(new LinkedHashSet<>(read)),
                ViewColumnUses.of(bound.plan(), catalog));
    }

    /**
     * Whether a select-list item computes its value (a literal, an operator, a function): PostgreSQL gives such a
     * numeric column no precision and scale, where Basalt's binder may have fixed them; only a column read as it is
     * or a cast keeps them.
     */
    private static boolean computed(SelectItem item) {
        return item instanceof SelectItem.Item plain && !(plain.expression() instanceof Expression.ColumnRef)
                && !(plain.expression() instanceof Expression.Cast);
    }

    /** Whether the query reads an object of the session's temporary schema. */
    boolean readsTemporary(Catalog catalog) {
        for (ViewEntry.Relation relation : dependencies) {
            if (relation.schema().equals(catalog.tempSchema())) {
                return true;
            }
        }
        return false;
    }
}
