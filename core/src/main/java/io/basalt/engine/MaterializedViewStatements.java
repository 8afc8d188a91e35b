package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.ColumnAlterations;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ViewEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.CreateMaterializedViewStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.RefreshMaterializedViewStatement;
import io.basalt.storage.table.TableStore;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CREATE MATERIALIZED VIEW and REFRESH MATERIALIZED VIEW: a view whose query's rows are computed when it is
 * created (unless WITH NO DATA) and on each refresh, into a store of their own that readers scan; a refresh
 * computes the rows into a new store and swaps it in, so readers see the old rows or the new ones. The rows are
 * not written to the log: the logged statement computes them again on replay (from the same logged rows of the
 * tables read, so a query without volatile functions gives the same rows). A materialized view may not read
 * temporary objects. The caller holds the DDL lock.
 */
final class MaterializedViewStatements {
    private final Catalog catalog;
    private final DdlExecutor.TableStoreFactory stores;
    private final TableRewrite rewrite;
    private final Consumer<String> log;

    MaterializedViewStatements(Catalog catalog, DdlExecutor.TableStoreFactory stores, TableRewrite rewrite,
                               Consumer<String> log) {
        this.catalog = catalog;
        this.stores = stores;
        this.rewrite = rewrite;
        this.log = log;
    }

    QueryResultImpl create(CreateMaterializedViewStatement create, BindContext context, String sql) {
        String schema = new ViewStatements(catalog, log).schemaOf(create.name());
        String name = create.name().last();
        if (catalog.relationExists(schema, name)) {
            String message = "relation \"" + name + "\" already exists";
            if (create.ifNotExists()) {
                return QueryResultImpl.command("CREATE MATERIALIZED VIEW", 0, List.of(message + ", skipping"));
            }
            throw BasaltException.of(SqlState.DUPLICATE_TABLE, message);
        }
        ViewDefinition definition = ScopedValue.where(io.basalt.binder.ViewExpansion.UNPOPULATED_READABLE,
                !create.withData()).call(() -> ViewDefinition.of(create.query(), create.columnNames(),
                "CREATE MATERIALIZED VIEW", catalog, context));
        if (definition.readsTemporary(catalog)) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "materialized views must not use temporary tables or views");
        }
        TableStore rows = computed(name, definition, create.withData());
        try {
            log.accept(sql);
            catalog.addView(new ViewEntry(schema, name, new ViewStatements(catalog, log).kept(create.query(),
                            definition, context), definition.names(), definition.types(),
                    definition.dependencies(), definition.columnUses(), rows, create.withData()), null);
        } catch (RuntimeException | Error failure) {
            rows.close();
            throw failure;
        }
        long count = create.withData() ? rows.rowCount() : 0;
        return QueryResultImpl.command(create.withData() ? "SELECT " + count : "CREATE MATERIALIZED VIEW", count,
                List.of());
    }

    QueryResultImpl refresh(RefreshMaterializedViewStatement refresh, BindContext context, String sql) {
        QualifiedName name = refresh.name();
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (schema != null && !catalog.schemaExists(schema)) {
            throw BasaltException.at(SqlState.INVALID_SCHEMA_NAME, name.position(),
                    "schema \"" + schema + "\" does not exist");
        }
        ViewEntry view = catalog.findView(schema, name.last()).orElse(null);
        if (view == null || !view.materialized()) {
            if (view != null || catalog.findTable(schema, name.last()).isPresent()) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "\"" + name.last() + "\" is not a materialized view");
            }
            throw BasaltException.at(SqlState.UNDEFINED_TABLE, name.position(),
                    "relation \"" + name + "\" does not exist");
        }
        if (refresh.concurrently() && !refresh.withData()) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR,
                    "CONCURRENTLY and WITH NO DATA options cannot be used together");
        }
        if (refresh.concurrently() && !view.populated()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "CONCURRENTLY cannot be used when the materialized view is not populated");
        }
        if (refresh.concurrently()) {
            MaterializedViewIndexes.checkConcurrentRefresh(view);
        }
        ViewDefinition definition = ViewDefinition.of(view.query(), view.columnNames(), "CREATE MATERIALIZED VIEW",
                catalog, context);
        TableStore rows = computed(view.name(), definition, refresh.withData());
        try {
            // the query may have changed the view (a function it calls dropped an index)
            ViewEntry current = catalog.findView(view.schema(), view.name()).orElse(view);
            if (refresh.concurrently()) {
                if (current.indexes().stream().noneMatch(index -> index.unique() && !index.partial()
                        && !index.overExpressions())) {
                    throw BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                            "could not find suitable unique index on materialized view \"" + view.name() + "\"");
                }
                MaterializedViewRows.checkNoDuplicateRows(current, rows);
            }
            MaterializedViewIndexes.enforce(current, rows, context);
            log.accept(sql);
            catalog.addView(current.withRows(rows, refresh.withData()), current);
            view = current;
        } catch (RuntimeException | Error failure) {
            rows.close();
            throw failure;
        }
        view.rows().close();
        return QueryResultImpl.command("REFRESH MATERIALIZED VIEW", 0, List.of());
    }

    /** A new store holding the query's rows ({@code withData}) or none, its columns of the view's types. */
    private TableStore computed(String name, ViewDefinition definition, boolean withData) {
        TableStore rows = stores.create(name, definition.types(), false);
        if (!withData) {
            return rows;
        }
        try {
            LogicalPlan plan = definition.plan();
            List<LogicalType> produced = plan.outputTypes();
            List<BoundExpression> columns = new ArrayList<>();
            for (int c = 0; c < definition.types().size(); c++) {
                BoundExpression column = new BoundExpression.ColumnRef(c, null, definition.names().get(c),
                        produced.get(c), 0);
                columns.add(produced.get(c).equals(definition.types().get(c)) ? column
                        : ColumnAlterations.castTo(column, definition.types().get(c)));
            }
            rewrite.fill(new LogicalPlan.Project(plan, columns), rows);
            return rows;
        } catch (RuntimeException | Error failure) {
            rows.close();
            throw failure;
        }
    }
}
