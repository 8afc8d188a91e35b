package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.IndexExpressions;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.IndexEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.CreateIndexStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.storage.table.TableStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Indexes on materialized views: CREATE INDEX and DROP INDEX on one, the unique indexes made again over the new
 * rows of each REFRESH, and the unique index REFRESH ... CONCURRENTLY requires. An index is kept with its view
 * ({@link ViewEntry#indexes()}) and named as a table's is ({@code mv_a_idx}, numbered past relations that exist);
 * a unique one is enforced by the view's store, so that an index over rows with duplicate keys cannot be made
 * (23505 {@code could not create unique index}), at CREATE INDEX or at a later REFRESH. The caller holds the DDL
 * lock and logs the statements.
 */
final class MaterializedViewIndexes {

    private final Catalog catalog;

    MaterializedViewIndexes(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The materialized view {@code name} names, or null when it names none. */
    ViewEntry find(QualifiedName name) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (schema != null && !catalog.schemaExists(schema)) {
            return null;
        }
        return catalog.findView(schema, name.last()).filter(ViewEntry::materialized).orElse(null);
    }

    /** CREATE INDEX on materialized view {@code view}. */
    QueryResultImpl create(CreateIndexStatement create, ViewEntry view, BindContext context) {
        QueryResultImpl skipped = IndexExecutor.checkNewIndex(catalog, view.schema(), create);
        if (skipped != null) {
            return skipped;
        }
        if (create.unique() && create.nullsNotDistinct()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "UNIQUE NULLS NOT DISTINCT is not supported yet");
        }
        List<ColumnEntry> columns = columns(view);
        List<Integer> keys = new ArrayList<>();
        List<Expression> expressions = new ArrayList<>();
        List<String> nameParts = new ArrayList<>();
        List<String> operatorClasses = new ArrayList<>();
        for (CreateIndexStatement.Element element : create.elements()) {
            operatorClasses.add(element.operatorClass());
            if (element.column() != null) {
                int index = view.columnNames().indexOf(element.column());
                if (index < 0) {
                    throw BasaltException.of(SqlState.UNDEFINED_COLUMN,
                            "column \"" + element.column() + "\" does not exist");
                }
                keys.add(index);
                expressions.add(null);
                nameParts.add(element.column());
            } else {
                IndexExpressions.bindKey(element.expression(), view.name(), columns, context);
                keys.add(-1);
                expressions.add(element.expression());
                nameParts.add(element.expression() instanceof Expression.FunctionCall call
                        ? call.name().last() : "expr");
            }
        }
        if (create.where() != null) {
            IndexExpressions.bindPredicate(create.where(), view.name(), columns, context);
        }
        IndexEntry index = new IndexEntry(create.name() == null ? chooseName(view, nameParts) : create.name(),
                create.unique(), keys, create.where(), create.method(), expressions, operatorClasses);
        if (index.unique()) {
            view.rows().createUniqueKey(DdlExecutor.uniqueKeyIndex(index, view.name(), columns, context));
        }
        List<IndexEntry> indexes = new ArrayList<>(view.indexes());
        indexes.add(index);
        catalog.addView(view.withIndexes(indexes), view);
        return QueryResultImpl.command("CREATE INDEX", 0, List.of());
    }

    /**
     * Makes the unique indexes of {@code view} over {@code rows}, its new rows.
     *
     * @throws BasaltException 23505 {@code could not create unique index} when the rows hold a key twice
     */
    static void enforce(ViewEntry view, TableStore rows, BindContext context) {
        List<ColumnEntry> columns = columns(view);
        for (IndexEntry index : view.indexes()) {
            if (index.unique()) {
                rows.createUniqueKey(DdlExecutor.uniqueKeyIndex(index, view.name(), columns, context));
            }
        }
    }

    /**
     * Fails as PostgreSQL does when {@code view} has no unique index over plain columns without a WHERE predicate,
     * which REFRESH ... CONCURRENTLY needs to match old and new rows.
     */
    static void checkConcurrentRefresh(ViewEntry view) {
        for (IndexEntry index : view.indexes()) {
            if (index.unique() && !index.partial() && !index.overExpressions()) {
                return;
            }
        }
        throw BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "cannot refresh materialized view \""
                        + view.schema() + "." + view.name() + "\" concurrently")
                .withHint("Create a unique index with no WHERE clause on one or more columns of the materialized "
                        + "view.");
    }

    /** The materialized view holding index {@code name} as DROP INDEX names it, or null. */
    ViewEntry ownerOf(QualifiedName name) {
        List<String> parts = name.parts();
        if (parts.size() >= 2) {
            String schema = parts.get(parts.size() - 2);
            return catalog.schemaExists(schema) ? catalog.materializedViewOfIndex(schema, name.last()) : null;
        }
        if (catalog.tempSchema() != null) {
            ViewEntry temporary = catalog.materializedViewOfIndex(catalog.tempSchema(), name.last());
            if (temporary != null) {
                return temporary;
            }
        }
        for (String schema : catalog.searchedSchemas()) {
            ViewEntry owner = catalog.materializedViewOfIndex(schema, name.last());
            if (owner != null) {
                return owner;
            }
        }
        return null;
    }

    /** Drops index {@code name} of materialized view {@code owner}. */
    void drop(ViewEntry owner, String name) {
        List<IndexEntry> kept = new ArrayList<>(owner.indexes());
        kept.removeIf(index -> index.name().equals(name));
        owner.rows().removeUniqueKey(name);
        catalog.addView(owner.withIndexes(kept), owner);
    }

    /** The DROP INDEX text to log for index {@code name} of {@code owner}. */
    static String loggedDrop(ViewEntry owner, String name) {
        return "DROP INDEX IF EXISTS " + IdentifierQuoting.quote(owner.schema()) + "." + IdentifierQuoting.quote(name);
    }

    private static List<ColumnEntry> columns(ViewEntry view) {
        List<ColumnEntry> columns = new ArrayList<>();
        for (int c = 0; c < view.columnNames().size(); c++) {
            columns.add(new ColumnEntry(view.columnNames().get(c), view.columnTypes().get(c), false, null, null,
                    null));
        }
        return columns;
    }

    /** {@code view_columns_idx}, then {@code idx1}, {@code idx2}, ... until no relation of the schema has it. */
    private String chooseName(ViewEntry view, List<String> nameParts) {
        String columns = String.join("_", nameParts);
        for (int pass = 0; ; pass++) {
            String name = TableConstraints.objectName(view.name(), columns, pass == 0 ? "idx" : "idx" + pass);
            if (!catalog.relationExists(view.schema(), name)) {
                return name;
            }
        }
    }
}
