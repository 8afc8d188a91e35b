package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.CreateSchemaStatement;
import io.basalt.sql.ast.DropSchemaStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CREATE SCHEMA and DROP SCHEMA with PostgreSQL's rules and messages: names starting with {@code pg_} are
 * reserved; a schema holding objects is dropped only with CASCADE, which drops its tables, views and sequences and
 * the views elsewhere that read them. Both are logged as the statement. The caller holds the DDL lock.
 * AUTHORIZATION is accepted and has no effect: Basalt has no roles yet.
 */
final class SchemaStatements {
    private final Catalog catalog;
    private final Consumer<String> log;

    SchemaStatements(Catalog catalog, Consumer<String> log) {
        this.catalog = catalog;
        this.log = log;
    }

    QueryResultImpl create(CreateSchemaStatement create, String sql) {
        String name = create.name();
        if (name.startsWith("pg_")) {
            throw BasaltException.of(SqlState.RESERVED_NAME, "unacceptable schema name \"" + name + "\"")
                    .withDetail("The prefix \"pg_\" is reserved for system schemas.");
        }
        if (catalog.schemaExists(name)) {
            String message = "schema \"" + name + "\" already exists";
            if (create.ifNotExists()) {
                return QueryResultImpl.command("CREATE SCHEMA", 0, List.of(message + ", skipping"));
            }
            throw BasaltException.of(SqlState.DUPLICATE_SCHEMA, message);
        }
        log.accept(sql);
        catalog.addSchema(name);
        return QueryResultImpl.command("CREATE SCHEMA", 0, List.of());
    }

    QueryResultImpl drop(DropSchemaStatement drop, String sql) {
        List<String> notices = new ArrayList<>();
        List<String> victims = new ArrayList<>();
        for (String name : drop.names()) {
            if (Catalog.isSystemSchema(name)) {
                throw BasaltException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop schema " + name + " because it is required by the database system");
            }
            if (!catalog.schemaExists(name) || catalog.isTempSchema(name)) {
                if (drop.ifExists()) {
                    notices.add("schema \"" + name + "\" does not exist, skipping");
                    continue;
                }
                throw BasaltException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"" + name + "\" does not exist");
            }
            if (!victims.contains(name)) {
                victims.add(name);
            }
        }
        List<String> contents = new ArrayList<>();
        List<ViewEntry> outsideViews = new ArrayList<>();
        for (String schema : victims) {
            for (TableEntry table : catalog.tables()) {
                if (table.schema().equals(schema)) {
                    contents.add("table " + schema + "." + table.name());
                    for (ViewDependents.Dependent dependent : ViewDependents.of(catalog, schema, table.name(), "")) {
                        if (!victims.contains(dependent.view().schema()) && !outsideViews.contains(dependent.view())) {
                            outsideViews.add(dependent.view());
                        }
                    }
                }
            }
            for (ViewEntry view : catalog.views()) {
                if (view.schema().equals(schema)) {
                    contents.add((view.materialized() ? "materialized view " : "view ") + schema + "." + view.name());
                }
            }
            for (SequenceEntry sequence : catalog.sequences()) {
                if (sequence.schema().equals(schema) && sequence.owner() == null) {
                    contents.add("sequence " + schema + "." + sequence.name());
                }
            }
        }
        for (ViewEntry view : outsideViews) {
            contents.add("view " + view.schema() + "." + view.name());
        }
        if (!contents.isEmpty() && !drop.cascade()) {
            List<String> lines = new ArrayList<>();
            for (String content : contents) {
                lines.add(content + " depends on schema " + victims.getFirst());
            }
            throw BasaltException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                            "cannot drop schema " + victims.getFirst() + " because other objects depend on it")
                    .withDetail(String.join("\n", lines))
                    .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
        }
        if (!victims.isEmpty()) {
            log.accept(sql);
        }
        if (!contents.isEmpty()) {
            notices.add(contents.size() == 1 ? "drop cascades to " + contents.getFirst()
                    : "drop cascades to " + contents.size() + " other objects");
        }
        for (ViewEntry view : outsideViews) {
            ViewDependents.remove(catalog, view);
        }
        for (ViewEntry view : catalog.views()) {
            if (victims.contains(view.schema())) {
                ViewDependents.remove(catalog, view);
            }
        }
        for (String schema : victims) {
            for (TableEntry table : catalog.removeSchema(schema)) {
                table.store().close();
            }
        }
        return QueryResultImpl.command("DROP SCHEMA", 0, notices);
    }
}
