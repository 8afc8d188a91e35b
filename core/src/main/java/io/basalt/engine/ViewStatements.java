package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.viewtext.StarExpansion;
import io.basalt.binder.viewwrite.ViewWrites;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ViewEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.AlterViewStatement;
import io.basalt.sql.ast.CreateViewStatement;
import io.basalt.sql.ast.DropViewStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Query;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CREATE [OR REPLACE] VIEW and DROP VIEW. Creating binds the query once, to fix the view's column names and
 * types and to record the tables and views it reads (its dependencies); a view that reads a temporary object is
 * temporary itself, as in PostgreSQL. OR REPLACE keeps the existing columns' names and types and may add columns
 * at the end. Permanent views are logged as the statement, and replay creates them again. The caller holds the
 * DDL lock.
 */
final class ViewStatements {
    private final Catalog catalog;
    private final Consumer<String> log;

    ViewStatements(Catalog catalog, Consumer<String> log) {
        this.catalog = catalog;
        this.log = log;
    }

    QueryResultImpl create(CreateViewStatement create, BindContext context, String sql) {
        ViewDefinition definition = ViewDefinition.of(create.query(), create.columnNames(), "CREATE VIEW", catalog,
                context);
        List<String> notices = new ArrayList<>();
        boolean temporary = create.temporary() || qualifiedByTempSchema(create.name());
        if (!temporary && catalog.tempSchema() != null && (definition.readsTemporary(catalog)
                || readsTemporarySequence(create.query().body()))) {
            temporary = true;
            notices.add("view \"" + create.name().last() + "\" will be a temporary view");
            if (create.name().parts().size() >= 2) {
                // PostgreSQL says so after its notice, which an error cannot carry here
                throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION,
                        "cannot create temporary relation in non-temporary schema");
            }
        }
        String schema = temporary ? catalog.tempSchema() : schemaOf(create.name());
        if (schema == null) {
            throw BasaltException.internal("a temporary view needs a session");
        }
        ViewEntry view = new ViewEntry(schema, create.name().last(), kept(create.query(), definition, context),
                definition.names(), definition.types(), definition.dependencies(), definition.columnUses(), null,
                false, create.checkOption(), null, List.of(), create.options());
        view = withResolvedNames(view, definition, context);
        if (view.checkOption() != null) {
            String refusal = ViewWrites.checkOptionRefusal(view, catalog);
            if (refusal != null) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "WITH CHECK OPTION is supported only on automatically updatable views").withHint(refusal);
            }
        }
        ViewEntry existing = catalog.findView(schema, view.name()).orElse(null);
        if (existing != null && existing.materialized()) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + view.name() + "\" is not a view");
        }
        if (existing != null && create.orReplace()) {
            checkReplacement(existing, view);
        } else if (existing != null || catalog.relationExists(schema, view.name())) {
            if (create.orReplace()) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + view.name() + "\" is not a view");
            }
            throw BasaltException.at(SqlState.DUPLICATE_TABLE, create.name().position(),
                    "relation \"" + view.name() + "\" already exists");
        }
        if (!temporary) {
            log.accept(sql);
        }
        catalog.addView(view, existing != null && create.orReplace() ? existing : null);
        return QueryResultImpl.command("CREATE VIEW", 0, notices);
    }

    /**
     * The query to keep: with its stars and natural joins made explicit ({@link StarExpansion}), when that reads the
     * same columns; else as written.
     */
    /**
     * {@code view} with its query reading each table and view under its schema as the catalog resolves the names
     * now, as PostgreSQL resolves a view's names once, at CREATE VIEW: a later search_path, or a table of the same
     * name in a schema searched earlier (a temporary one), does not change what the view reads. The query is written
     * again with every relation qualified and read back; when that does not give the same columns over the same
     * relations (a construct the writer does not render), the view keeps its query as written.
     */
    private ViewEntry withResolvedNames(ViewEntry view, ViewDefinition definition, BindContext context) {
        Query resolved;
        try {
            String text = io.basalt.binder.viewtext.ViewText.renamed(view, catalog,
                    io.basalt.binder.viewtext.RelationRenames.qualifying());
            if (!(io.basalt.sql.parser.Parser.parseStatement(text) instanceof io.basalt.sql.ast.QueryStatement query)) {
                return view;
            }
            ViewDefinition again = ViewDefinition.of(query.query(), List.of(), "CREATE VIEW", catalog, context);
            if (!again.names().equals(definition.names()) || !again.types().equals(definition.types())
                    || !again.dependencies().equals(definition.dependencies())) {
                return view;
            }
            resolved = query.query();
        } catch (RuntimeException unreadable) {
            return view;
        }
        return new ViewEntry(view.schema(), view.name(), resolved, view.columnNames(), view.columnTypes(),
                view.dependencies(), view.columnUses(), view.rows(), view.populated(), view.checkOption(),
                view.columnDefaults(), view.indexes(), view.options());
    }

    Query kept(Query query, ViewDefinition definition, BindContext context) {
        Query expanded = StarExpansion.expand(query, catalog);
        if (expanded.equals(query)) {
            return query;
        }
        try {
            ViewDefinition again = ViewDefinition.of(expanded, List.of(), "CREATE VIEW", catalog, context);
            return again.types().equals(definition.types()) ? expanded : query;
        } catch (BasaltException notTheSame) {
            return query;
        }
    }

    /** Whether a SELECT of the query reads a temporary sequence in its FROM clause (which makes the view temporary). */
    private boolean readsTemporarySequence(io.basalt.sql.ast.QueryBody body) {
        return switch (body) {
            case io.basalt.sql.ast.QueryBody.Select select -> {
                for (io.basalt.sql.ast.FromItem item : select.from()) {
                    if (readsTemporarySequence(item)) {
                        yield true;
                    }
                }
                yield false;
            }
            case io.basalt.sql.ast.QueryBody.SetOperation operation -> readsTemporarySequence(operation.left())
                    || readsTemporarySequence(operation.right());
            case io.basalt.sql.ast.QueryBody.Nested nested -> readsTemporarySequence(nested.query().body());
            case io.basalt.sql.ast.QueryBody.Values ignored -> false;
        };
    }

    private boolean readsTemporarySequence(io.basalt.sql.ast.FromItem item) {
        return switch (item) {
            case io.basalt.sql.ast.FromItem.Table table -> {
                List<String> parts = table.name().parts();
                String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
                yield catalog.findTable(schema, table.name().last()).isEmpty()
                        && catalog.findView(schema, table.name().last()).isEmpty()
                        && catalog.findSequence(schema, table.name().last())
                                .map(sequence -> sequence.schema().equals(catalog.tempSchema())).orElse(false);
            }
            case io.basalt.sql.ast.FromItem.Join join -> readsTemporarySequence(join.left())
                    || readsTemporarySequence(join.right());
            case io.basalt.sql.ast.FromItem.JoinAlias alias -> readsTemporarySequence(alias.joined());
            case io.basalt.sql.ast.FromItem.Subquery subquery -> readsTemporarySequence(subquery.query().body());
            default -> false;
        };
    }

    private boolean qualifiedByTempSchema(QualifiedName name) {
        List<String> parts = name.parts();
        return parts.size() >= 2 && catalog.isTempSchema(parts.get(parts.size() - 2));
    }

    /** OR REPLACE: the old columns stay, by name and type, in their places; new ones may follow. */
    private static void checkReplacement(ViewEntry existing, ViewEntry replacement) {
        if (replacement.columnNames().size() < existing.columnNames().size()) {
            throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION, "cannot drop columns from view");
        }
        for (int c = 0; c < existing.columnNames().size(); c++) {
            String oldName = existing.columnNames().get(c);
            String newName = replacement.columnNames().get(c);
            if (!oldName.equals(newName)) {
                throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION,
                                "cannot change name of view column \"" + oldName + "\" to \"" + newName + "\"")
                        .withHint("Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead.");
            }
            LogicalType oldType = existing.columnTypes().get(c);
            LogicalType newType = replacement.columnTypes().get(c);
            if (!oldType.equals(newType)) {
                throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION, "cannot change data type of view column \""
                        + oldName + "\" from " + oldType.displayName() + " to " + newType.displayName());
            }
        }
    }

    QueryResultImpl drop(DropViewStatement drop) {
        List<String> notices = new ArrayList<>();
        List<ViewEntry> victims = new ArrayList<>();
        for (QualifiedName name : drop.names()) {
            List<String> parts = name.parts();
            String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
            if (schema != null && !catalog.schemaExists(schema)) {
                if (drop.ifExists()) {
                    notices.add(MissingSchemaNotices.of(catalog, name));
                    continue;
                }
                throw BasaltException.at(SqlState.INVALID_SCHEMA_NAME, name.position(),
                        "schema \"" + schema + "\" does not exist");
            }
            ViewEntry view = catalog.findView(schema, name.last()).orElse(null);
            if (view != null && view.materialized() != drop.materialized()) {
                throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, name.position(), "\"" + name.last()
                                + "\" is not " + (drop.materialized() ? "a materialized view" : "a view"))
                        .withHint(view.materialized() ? "Use DROP MATERIALIZED VIEW to remove a materialized view."
                                : "Use DROP VIEW to remove a view.");
            }
            if (view == null) {
                String kind = drop.materialized() ? "materialized view" : "view";
                if (catalog.findTable(schema, name.last()).isPresent()) {
                    throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, name.position(),
                                    "\"" + name.last() + "\" is not a " + kind)
                            .withHint("Use DROP TABLE to remove a table.");
                }
                if (drop.ifExists()) {
                    notices.add(kind + " \"" + name.last() + "\" does not exist, skipping");
                    continue;
                }
                throw BasaltException.at(SqlState.UNDEFINED_TABLE, name.position(),
                        kind + " \"" + name.last() + "\" does not exist");
            }
            victims.add(view);
        }
        List<ViewDependents.Dependent> dependents = new ArrayList<>();
        for (ViewEntry victim : victims) {
            for (ViewDependents.Dependent dependent : ViewDependents.of(catalog, victim.schema(), victim.name(),
                    victim.description())) {
                if (!victims.contains(dependent.view())) {
                    dependents.add(dependent);
                }
            }
        }
        String dropping = victims.isEmpty() ? "" : victims.getFirst().description();
        if (!drop.cascade()) {
            ViewDependents.drop(catalog, dependents, dropping, false, notices);
        }
        List<String> permanent = new ArrayList<>();
        for (ViewEntry victim : victims) {
            if (!victim.schema().equals(catalog.tempSchema())) {
                permanent.add(IdentifierQuoting.quote(victim.schema()) + "." + IdentifierQuoting.quote(victim.name()));
            }
        }
        if (!permanent.isEmpty()) {
            log.accept("DROP " + (drop.materialized() ? "MATERIALIZED " : "") + "VIEW IF EXISTS "
                    + String.join(", ", permanent) + (drop.cascade() ? " CASCADE" : ""));
        }
        ViewDependents.drop(catalog, dependents, dropping, drop.cascade(), notices);
        for (ViewEntry victim : victims) {
            ViewDependents.remove(catalog, victim);
        }
        return QueryResultImpl.command(drop.materialized() ? "DROP MATERIALIZED VIEW" : "DROP VIEW", 0, notices);
    }

    /**
     * ALTER VIEW: RENAME TO, RENAME COLUMN, SET SCHEMA, ALTER COLUMN SET / DROP DEFAULT, with PostgreSQL's errors.
     * The statement is logged as written for a permanent view (replay does it again); ROLLBACK does not undo it.
     */
    QueryResultImpl alter(AlterViewStatement alter, BindContext context, String sql,
                          io.basalt.storage.transaction.Transaction block, Object ddlLock) {
        List<String> parts = alter.name().parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        String tag = alter.materialized() ? "ALTER MATERIALIZED VIEW" : "ALTER VIEW";
        if (schema != null && !catalog.schemaExists(schema)) {
            throw BasaltException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist");
        }
        ViewEntry view = catalog.findView(schema, alter.name().last()).orElse(null);
        if (view == null ? otherRelation(schema, alter.name().last())
                : view.materialized() != alter.materialized()) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + alter.name().last() + "\" is not a "
                    + (alter.materialized() ? "materialized view" : "view"));
        }
        if (view == null) {
            if (alter.ifExists()) {
                return QueryResultImpl.command(tag, 0, List.of("relation \"" + alter.name().last()
                        + "\" does not exist, skipping"));
            }
            throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + alter.name() + "\" does not exist");
        }
        List<String> names = new ArrayList<>(view.columnNames());
        List<io.basalt.sql.ast.Expression> defaults = new ArrayList<>(view.columnDefaults());
        String newSchema = view.schema();
        String newName = view.name();
        List<String> newOptions = view.options();
        String newCheckOption = view.checkOption();
        switch (alter.action()) {
            case AlterViewStatement.SetOptions set -> {
                newOptions = ViewOptions.changed(view.options(), set);
                newCheckOption = ViewOptions.checkOption(newOptions);
                if (newCheckOption != null) {
                    String refusal = ViewWrites.checkOptionRefusal(view, catalog);
                    if (refusal != null) {
                        throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                                "WITH CHECK OPTION is supported only on automatically updatable views")
                                .withHint(refusal);
                    }
                }
            }
            case AlterViewStatement.RenameTo rename -> {
                if (catalog.relationExists(view.schema(), rename.name())) {
                    throw BasaltException.of(SqlState.DUPLICATE_TABLE,
                            "relation \"" + rename.name() + "\" already exists");
                }
                newName = rename.name();
            }
            case AlterViewStatement.RenameColumn rename -> {
                int index = names.indexOf(rename.column());
                if (index < 0) {
                    throw BasaltException.of(SqlState.UNDEFINED_COLUMN,
                            "column \"" + rename.column() + "\" does not exist");
                }
                if (names.contains(rename.name())) {
                    throw BasaltException.of(SqlState.DUPLICATE_COLUMN, "column \"" + rename.name()
                            + "\" of relation \"" + view.name() + "\" already exists");
                }
                names.set(index, rename.name());
            }
            case AlterViewStatement.SetSchema move -> {
                if (!catalog.schemaExists(move.schema())) {
                    throw BasaltException.of(SqlState.INVALID_SCHEMA_NAME,
                            "schema \"" + move.schema() + "\" does not exist");
                }
                if (catalog.relationExists(move.schema(), view.name())) {
                    throw BasaltException.of(SqlState.DUPLICATE_TABLE, "relation \"" + view.name()
                            + "\" already exists in schema \"" + move.schema() + "\"");
                }
                newSchema = move.schema();
            }
            case AlterViewStatement.SetDefault setDefault -> {
                int index = names.indexOf(setDefault.column());
                if (index < 0) {
                    throw BasaltException.of(SqlState.UNDEFINED_COLUMN, "column \"" + setDefault.column()
                            + "\" of relation \"" + view.name() + "\" does not exist");
                }
                if (setDefault.value() != null) {
                    // the default must be a valid expression of the column's type, as PostgreSQL checks it here
                    io.basalt.binder.DefaultExpressions.check(setDefault.value(), setDefault.column(),
                            view.columnTypes().get(index), context);
                }
                defaults.set(index, setDefault.value());
            }
        }
        if (!view.schema().equals(catalog.tempSchema())) {
            log.accept(sql);
        }
        RenamedViews dependents = switch (alter.action()) {
            case AlterViewStatement.RenameTo rename -> RenamedViews.forView(catalog, view, rename.name(), null, null);
            case AlterViewStatement.RenameColumn rename -> RenamedViews.forView(catalog, view, null,
                    rename.column(), rename.name());
            case AlterViewStatement.SetSchema move -> RenamedViews.forView(catalog, view, null, null, null,
                    move.schema());
            default -> null;
        };
        if (dependents != null) {
            dependents.apply(catalog);
            if (block != null) {
                block.onRollback(() -> {
                    synchronized (ddlLock) {
                        dependents.undo(catalog);
                    }
                });
            }
        }
        ViewEntry altered = view.altered(newSchema, newName, names, defaults);
        if (alter.action() instanceof AlterViewStatement.SetOptions) {
            altered = new ViewEntry(altered.schema(), altered.name(), altered.query(), altered.columnNames(),
                    altered.columnTypes(), altered.dependencies(), altered.columnUses(), altered.rows(),
                    altered.populated(), newCheckOption, altered.columnDefaults(), altered.indexes(), newOptions);
        }
        if (newSchema.equals(view.schema()) && newName.equals(view.name())) {
            catalog.addView(altered, view);
        } else {
            catalog.removeView(view);
            catalog.addView(altered, null);
        }
        ViewRollback.register(block, catalog, ddlLock, log, view, altered, alter.action()
                instanceof AlterViewStatement.SetOptions ? ViewOptions.inverse(view, altered)
                : List.of(inverse(alter.action(), view, altered)));
        return QueryResultImpl.command(tag, 0, List.of());
    }

    /** Whether {@code schema.name} (schema null: on the search path) is a table, a sequence or an index. */
    private boolean otherRelation(String schema, String name) {
        return catalog.findTable(schema, name).isPresent() || catalog.findSequence(schema, name).isPresent()
                || catalog.findIndexOwner(schema, name).isPresent();
    }

    /** The ALTER VIEW that puts {@code before} back once {@code after} is in place. */
    private String inverse(AlterViewStatement.Action action, ViewEntry before, ViewEntry after) {
        String target = (after.materialized() ? "ALTER MATERIALIZED VIEW " : "ALTER VIEW ")
                + IdentifierQuoting.quote(after.schema()) + "."
                + IdentifierQuoting.quote(after.name());
        return switch (action) {
            case AlterViewStatement.RenameTo ignored -> target + " RENAME TO " + IdentifierQuoting.quote(before.name());
            case AlterViewStatement.RenameColumn rename -> target + " RENAME COLUMN "
                    + IdentifierQuoting.quote(rename.name()) + " TO " + IdentifierQuoting.quote(rename.column());
            case AlterViewStatement.SetOptions ignored -> throw new IllegalArgumentException("see ViewOptions");
            case AlterViewStatement.SetSchema ignored -> target + " SET SCHEMA "
                    + IdentifierQuoting.quote(before.schema());
            case AlterViewStatement.SetDefault setDefault -> {
                int index = before.columnNames().indexOf(setDefault.column());
                io.basalt.sql.ast.Expression old = before.columnDefaults().get(index);
                String column = " ALTER COLUMN " + IdentifierQuoting.quote(setDefault.column());
                yield old == null ? target + column + " DROP DEFAULT"
                        : target + column + " SET DEFAULT " + io.basalt.binder.viewtext.ViewText.expression(old,
                        catalog);
            }
        };
    }

    /** In a transaction block, a view the CREATE VIEW made (not one it replaced) is dropped again by ROLLBACK. */
    void undoOnRollback(io.basalt.storage.transaction.Transaction block, CreateViewStatement create, Object ddlLock) {
        if (block == null || create.orReplace()) {
            return;
        }
        String schema = create.temporary() || qualifiedByTempSchema(create.name()) ? catalog.tempSchema() : null;
        ViewEntry created = catalog.findView(schema, create.name().last()).orElse(null);
        if (created == null) {
            return;
        }
        ViewRollback.register(block, catalog, ddlLock, log, null, created, "DROP VIEW IF EXISTS "
                + IdentifierQuoting.quote(created.schema()) + "." + IdentifierQuoting.quote(created.name()));
    }

    String schemaOf(QualifiedName name) {
        if (name.parts().size() < 2) {
            return catalog.creationSchema();
        }
        String schema = name.parts().get(name.parts().size() - 2);
        if (!catalog.schemaExists(schema)) {
            throw BasaltException.at(SqlState.INVALID_SCHEMA_NAME, name.position(),
                    "schema \"" + schema + "\" does not exist");
        }
        return schema;
    }
}
