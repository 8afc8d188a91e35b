package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.TableHierarchy;
import io.basalt.catalog.UserType;
import io.basalt.catalog.ViewEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.routine.AggregateEntry;
import io.basalt.routine.FunctionEntry;
import io.basalt.routine.RoutineCatalog;
import io.basalt.sql.ast.CreateSchemaStatement;
import io.basalt.sql.ast.DropSchemaStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CREATE SCHEMA and DROP SCHEMA with PostgreSQL's rules and messages: names starting with {@code pg_} are
 * reserved; a schema holding objects is dropped only with CASCADE, which drops its tables, views, sequences, types,
 * domains, functions, procedures and aggregates and the views elsewhere that read its tables, with PostgreSQL's notice
 * (partitions go with their table and are not listed; the list is by kind, tables by name, where PostgreSQL's is by
 * creation). Both
 * are logged as the statement. The caller holds the DDL lock.
 * AUTHORIZATION is accepted and has no effect: Basalt has no roles yet.
 */
final class SchemaStatements {
    private final Catalog catalog;
    private final Consumer<String> log;
    private final RoutineCatalog routines;

    SchemaStatements(Catalog catalog, Consumer<String> log) {
        this(catalog, log, null);
    }

    /** With {@code routines} (null for none), whose functions and aggregates DROP SCHEMA ... CASCADE drops too. */
    SchemaStatements(Catalog catalog, Consumer<String> log, RoutineCatalog routines) {
        this.catalog = catalog;
        this.log = log;
        this.routines = routines;
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
        List<UserType> types = new ArrayList<>();
        List<FunctionEntry> functions = new ArrayList<>();
        List<AggregateEntry> aggregates = new ArrayList<>();
        List<TableEntry> tables = new ArrayList<>(catalog.tables());
        tables.sort(java.util.Comparator.comparing(TableEntry::name)); // the catalog keeps no creation order
        for (String schema : victims) {
            for (TableEntry table : tables) {
                TableHierarchy.Link partition = catalog.hierarchy().partitionOf(table.schema(), table.name());
                if (table.schema().equals(schema) && partition != null && victims.contains(partition.parentSchema())) {
                    continue; // dropped with its partitioned table, which the notice names
                }
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
            for (UserType type : catalog.types().all()) {
                if (type.schema().equals(schema) && !usedOutside(type, victims)) {
                    types.add(type);
                    contents.add("type " + schema + "." + type.name());
                }
            }
            if (routines != null) {
                for (FunctionEntry function : routines.allFunctions()) {
                    if (function.schema().equals(schema)) {
                        functions.add(function);
                        contents.add("function " + schema + "." + function.signature());
                    }
                }
                for (AggregateEntry aggregate : routines.allAggregates()) {
                    if (aggregate.schema().equals(schema)) {
                        aggregates.add(aggregate);
                        contents.add("function " + schema + "."
                                + AggregateEntry.signature(aggregate.name(), aggregate.argumentTypes()));
                    }
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
                    : "drop cascades to " + contents.size() + " other objects\nDETAIL:  drop cascades to "
                    + String.join("\ndrop cascades to ", contents));
        }
        for (FunctionEntry function : functions) {
            routines.removeFunction(function);
        }
        for (AggregateEntry aggregate : aggregates) {
            routines.removeAggregate(aggregate);
        }
        for (UserType type : types) {
            catalog.types().remove(type);
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

    /**
     * Whether a column of a table outside {@code schemas} has {@code type}: such a type is left in place (PostgreSQL
     * would drop the column too; Basalt does not drop columns of other schemas' tables).
     */
    private boolean usedOutside(UserType type, List<String> schemas) {
        for (TableEntry table : catalog.tables()) {
            if (schemas.contains(table.schema())) {
                continue;
            }
            for (io.basalt.catalog.ColumnEntry column : table.columns()) {
                if (TypeStatements.uses(column.type(), type)) {
                    return true;
                }
            }
        }
        return false;
    }
}
