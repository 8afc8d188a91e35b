package io.basalt.routine;

import io.basalt.binder.TypeNames;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.RoutineStatement;
import io.basalt.sql.ast.RoutineStatement.ParameterMode;
import io.basalt.sql.ast.TypeName;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs CREATE / DROP FUNCTION and PROCEDURE, CREATE / DROP TRIGGER and ALTER TABLE ... ENABLE / DISABLE TRIGGER
 * against the {@link RoutineCatalog}, with PostgreSQL's checks and messages. Each change is logged (its statement
 * text, replayed on open like other DDL) unless it concerns a temporary table; inside a transaction block the
 * change is undone, and the undoing logged, when the block rolls back ({@code onRollback} is then not null).
 * The caller holds the database's DDL lock.
 */
public final class RoutineStatements {
    /** What a statement reports: its command tag and notices. */
    public record Outcome(String tag, List<String> notices) {
    }

    private final Catalog catalog;
    private final RoutineCatalog routines;
    private final Consumer<String> log;
    /** Registers an undo action with the open transaction block, or null outside one. */
    private final Consumer<Runnable> onRollback;

    public RoutineStatements(Catalog catalog, RoutineCatalog routines, Consumer<String> log,
                             Consumer<Runnable> onRollback) {
        this.catalog = catalog;
        this.routines = routines;
        this.log = log;
        this.onRollback = onRollback;
    }

    public Outcome run(RoutineStatement statement, String sql) {
        return switch (statement) {
            case RoutineStatement.CreateFunction create -> createFunction(create, sql);
            case RoutineStatement.DropFunction drop -> dropFunction(drop);
            case RoutineStatement.CreateTrigger create -> createTrigger(create, sql);
            case RoutineStatement.DropTrigger drop -> dropTrigger(drop);
            case RoutineStatement.EnableTrigger enable -> enableTrigger(enable, sql);
            case RoutineStatement.Call ignored -> throw new IllegalArgumentException("CALL runs through the session");
            case RoutineStatement.Do ignored -> throw new IllegalArgumentException("DO runs through the session");
            case RoutineStatement.CreateAggregate create ->
                    new AggregateStatements(catalog, routines, log, onRollback).create(create, sql);
            case RoutineStatement.DropAggregate drop ->
                    new AggregateStatements(catalog, routines, log, onRollback).drop(drop);
        };
    }

    // ---- functions ----------------------------------------------------------------------------------------------

    private Outcome createFunction(RoutineStatement.CreateFunction create, String sql) {
        String schema = schemaOf(create.name());
        String name = create.name().last();
        if (create.language() == null) {
            throw BasaltException.of(SqlState.INVALID_FUNCTION_DEFINITION, "no language specified");
        }
        if (!create.language().equals("sql") && !create.language().equals("plpgsql")) {
            if (create.language().equals("c") || create.language().equals("internal")) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "functions in language \"" + create.language() + "\" are not supported");
            }
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "language \"" + create.language() + "\" does not exist");
        }
        if (create.body() == null) {
            throw BasaltException.of(SqlState.INVALID_FUNCTION_DEFINITION, "no function body specified");
        }
        List<FunctionEntry.Parameter> parameters = new ArrayList<>();
        List<FunctionEntry.Parameter> outputs = new ArrayList<>();
        for (RoutineStatement.Parameter parameter : create.parameters()) {
            FunctionEntry.Parameter resolved = new FunctionEntry.Parameter(parameter.name(),
                    resolveType(parameter.type()), parameter.mode(), parameter.defaultValue());
            parameters.add(resolved);
            if (parameter.mode() == ParameterMode.OUT || parameter.mode() == ParameterMode.INOUT) {
                outputs.add(resolved);
            }
        }
        VariadicParameters.check(parameters);
        LogicalType returnType = null;
        boolean trigger = false;
        boolean set = false;
        List<FunctionEntry.Parameter> tableColumns = new ArrayList<>();
        RoutineStatement.Returns returns = create.returns();
        if (returns != null && returns.type() == null) {
            set = true;
            for (RoutineStatement.Parameter column : returns.table()) {
                tableColumns.add(new FunctionEntry.Parameter(column.name(), resolveType(column.type()),
                        ParameterMode.OUT, null));
            }
            if (tableColumns.size() == 1) {
                returnType = tableColumns.getFirst().type();
            }
        } else if (returns != null) {
            set = returns.setOf();
            String typeName = returns.type().name();
            if (typeName.equals("trigger") && returns.type().arrayDimensions() == 0) {
                trigger = true;
                if (create.language().equals("sql")) {
                    throw BasaltException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                            "SQL functions cannot return type trigger");
                }
            } else if (typeName.equals("void") && returns.type().arrayDimensions() == 0) {
                returnType = null;
            } else if (typeName.equals("record") && returns.type().arrayDimensions() == 0) {
                if (outputs.size() != 1) {
                    throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "functions returning record are not supported yet");
                }
                returnType = outputs.getFirst().type();
            } else {
                returnType = resolveType(returns.type());
            }
            if (outputs.size() > 1) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "functions with several OUT parameters are not supported yet");
            }
        } else if (!create.procedure()) {
            if (outputs.isEmpty()) {
                throw BasaltException.of(SqlState.INVALID_FUNCTION_DEFINITION, "function result type must be specified");
            }
            if (outputs.size() > 1) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "functions with several OUT parameters are not supported yet");
            }
            returnType = outputs.getFirst().type();
        }
        if (tableColumns.size() > 1) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "functions returning a table of several columns are not supported yet");
        }
        FunctionEntry entry = new FunctionEntry(schema, name, create.procedure(), parameters, returnType, trigger, set,
                tableColumns, create.language(), create.body(), create.volatility() == null ? "volatile"
                : create.volatility(), create.strict(), sql, new FunctionEntry.CompiledBody());
        FunctionEntry existing = find(schema, name, entry.inputTypes());
        if (existing != null && !create.orReplace()) {
            throw BasaltException.of(SqlState.DUPLICATE_FUNCTION, (create.procedure() ? "procedure" : "function")
                    + " \"" + name + "\" already exists with same argument types");
        }
        if (existing != null) {
            checkReplacement(existing, entry);
        }
        validate(entry);
        routines.putFunction(entry, existing);
        boolean temporary = catalog.isTempSchema(schema);
        if (!temporary) {
            log.accept(sql);
        }
        if (onRollback != null) {
            onRollback.accept(() -> {
                routines.removeFunction(entry);
                if (!temporary) {
                    log.accept("DROP " + entry.kind().toUpperCase(java.util.Locale.ROOT) + " " + loggedName(entry));
                }
                if (existing != null) {
                    routines.putFunction(existing, null);
                    if (!temporary) {
                        log.accept(existing.definition());
                    }
                }
            });
        }
        return new Outcome(create.procedure() ? "CREATE PROCEDURE" : "CREATE FUNCTION", List.of());
    }

    /** PostgreSQL's checks of CREATE OR REPLACE against the definition it replaces. */
    private static void checkReplacement(FunctionEntry existing, FunctionEntry entry) {
        String hint = "Use DROP " + existing.kind().toUpperCase(java.util.Locale.ROOT) + " " + existing.signature()
                + " first.";
        if (existing.procedure() != entry.procedure()) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "cannot change routine kind")
                    .withDetail("\"" + existing.name() + "\" is a " + existing.kind() + ".");
        }
        boolean sameReturn = existing.returnsTrigger() == entry.returnsTrigger()
                && existing.returnsSet() == entry.returnsSet()
                && java.util.Objects.equals(existing.returnType(), entry.returnType());
        if (!sameReturn) {
            throw BasaltException.of(SqlState.INVALID_FUNCTION_DEFINITION, "cannot change return type of existing function")
                    .withHint(hint);
        }
        List<FunctionEntry.Parameter> before = existing.inputs();
        List<FunctionEntry.Parameter> after = entry.inputs();
        for (int i = 0; i < before.size(); i++) {
            String was = before.get(i).name();
            if (was != null && !was.equals(after.get(i).name())) {
                throw BasaltException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                        "cannot change name of input parameter \"" + was + "\"").withHint(hint);
            }
        }
    }

    /** Compiles the body now, so that its syntax errors show at CREATE as in PostgreSQL. */
    private static void validate(FunctionEntry entry) {
        if (entry.language().equals("plpgsql")) {
            io.basalt.routine.plpgsql.PlpgsqlFunction.compile(entry);
        } else {
            SqlFunctionBody.compile(entry);
        }
    }

    private Outcome dropFunction(RoutineStatement.DropFunction drop) {
        List<String> notices = new ArrayList<>();
        List<FunctionEntry> dropped = new ArrayList<>();
        String kind = drop.procedure() ? "procedure" : "function";
        for (RoutineStatement.RoutineSignature signature : drop.routines()) {
            String name = signature.name().last();
            if (drop.ifExists() && catalog.missingSchemaNotice(signature.name()) != null) {
                notices.add(catalog.missingSchemaNotice(signature.name()));
                continue;
            }
            List<FunctionEntry> candidates = candidates(signature.name());
            FunctionEntry target;
            if (signature.arguments() == null) {
                if (candidates.isEmpty()) {
                    if (drop.ifExists()) {
                        notices.add(kind + " " + signature.name() + "() does not exist, skipping");
                        continue;
                    }
                    throw BasaltException.of(SqlState.UNDEFINED_FUNCTION,
                            "could not find a " + kind + " named \"" + name + "\"");
                }
                if (candidates.size() > 1) {
                    throw BasaltException.of(SqlState.AMBIGUOUS_FUNCTION, kind + " name \"" + name + "\" is not unique")
                            .withHint("Specify the argument list to select the " + kind + " unambiguously.");
                }
                target = candidates.getFirst();
            } else {
                List<LogicalType> types = new ArrayList<>();
                for (RoutineStatement.Parameter parameter : signature.arguments()) {
                    if (parameter.mode() != ParameterMode.OUT || drop.procedure()) {
                        types.add(resolveType(parameter.type()));
                    }
                }
                target = null;
                for (FunctionEntry candidate : candidates) {
                    if (candidate.inputTypes().equals(types)) {
                        target = candidate;
                        break;
                    }
                }
                if (target == null) {
                    String shown = FunctionEntry.signature(name, types);
                    if (drop.ifExists()) {
                        notices.add(kind + " " + FunctionEntry.signature(signature.name().toString(), types)
                                + " does not exist, skipping");
                        continue;
                    }
                    throw BasaltException.of(SqlState.UNDEFINED_FUNCTION, kind + " " + shown + " does not exist");
                }
            }
            if (drop.procedure() && !target.procedure()) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, target.name() + "(" + ") is not a procedure");
            }
            List<TriggerEntry> dependents = routines.triggersCalling(target.schema(), target.name());
            if (!dependents.isEmpty() && !drop.cascade()) {
                StringBuilder detail = new StringBuilder();
                for (TriggerEntry trigger : dependents) {
                    detail.append(detail.isEmpty() ? "" : "\n").append("trigger ").append(trigger.name())
                            .append(" on table ").append(trigger.table()).append(" depends on function ")
                            .append(target.signature());
                }
                throw BasaltException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop function "
                        + target.signature() + " because other objects depend on it").withDetail(detail.toString())
                        .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
            }
            for (TriggerEntry trigger : dependents) {
                notices.add("drop cascades to trigger " + trigger.name() + " on table " + trigger.table());
                removeTrigger(trigger);
            }
            dropped.add(target);
        }
        for (FunctionEntry target : dropped) {
            routines.removeFunction(target);
            boolean temporary = catalog.isTempSchema(target.schema());
            if (!temporary) {
                log.accept("DROP " + target.kind().toUpperCase(java.util.Locale.ROOT) + " " + loggedName(target));
            }
            if (onRollback != null) {
                onRollback.accept(() -> {
                    routines.putFunction(target, null);
                    if (!temporary) {
                        log.accept(target.definition());
                    }
                });
            }
        }
        return new Outcome(drop.procedure() ? "DROP PROCEDURE" : "DROP FUNCTION", notices);
    }

    /** {@code "schema"."name"(types)}, as a logged DROP names a function. */
    private static String loggedName(FunctionEntry entry) {
        StringBuilder text = new StringBuilder(IdentifierQuoting.quote(entry.schema())).append('.')
                .append(IdentifierQuoting.quote(entry.name())).append('(');
        List<LogicalType> types = entry.inputTypes();
        for (int i = 0; i < types.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(types.get(i).displayName());
        }
        return text.append(')').toString();
    }

    /** The functions a possibly qualified name may mean: its schema's, or those of the first schema searched. */
    private List<FunctionEntry> candidates(QualifiedName name) {
        List<String> parts = name.parts();
        if (parts.size() >= 2) {
            return routines.functions(parts.get(parts.size() - 2), name.last());
        }
        List<String> schemas = new ArrayList<>();
        if (catalog.tempSchema() != null) {
            schemas.add(catalog.tempSchema());
        }
        schemas.addAll(catalog.searchedSchemas());
        for (String schema : schemas) {
            List<FunctionEntry> found = routines.functions(schema, name.last());
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private FunctionEntry find(String schema, String name, List<LogicalType> inputTypes) {
        for (FunctionEntry candidate : routines.functions(schema, name)) {
            if (candidate.inputTypes().equals(inputTypes)) {
                return candidate;
            }
        }
        return null;
    }

    private String schemaOf(QualifiedName name) {
        return schemaOf(catalog, name);
    }

    /**
     * The schema a routine named {@code name} is created in or looked up in: the one it names (pg_temp: the session's
     * temporary schema), else the first of the search path.
     *
     * @throws BasaltException 3F000 when the named schema does not exist
     */
    static String schemaOf(Catalog catalog, QualifiedName name) {
        List<String> parts = name.parts();
        if (parts.size() < 2) {
            return catalog.creationSchema();
        }
        String schema = parts.get(parts.size() - 2);
        if (schema.equals(Catalog.TEMP_SCHEMA_ALIAS) && catalog.tempSchema() != null) {
            return catalog.tempSchema();
        }
        if (!catalog.schemaExists(schema)) {
            throw BasaltException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist");
        }
        return schema;
    }

    static LogicalType resolveType(TypeName type) {
        if (type.arrayDimensions() == 0 && (type.name().equals("anyelement") || type.name().equals("anyarray")
                || type.name().equals("anycompatible") || type.name().equals("record") || type.name().equals("void")
                || type.name().equals("trigger") || type.name().equals("anynonarray"))) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, type.position(),
                    "parameters of type " + type.name() + " are not supported yet");
        }
        if (type.name().contains(".") || type.name().endsWith("%type") || type.name().endsWith("%rowtype")) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, type.position(),
                    "type " + type.name() + " is not supported yet");
        }
        return TypeNames.resolve(type);
    }

    // ---- triggers -----------------------------------------------------------------------------------------------

    private TableEntry table(QualifiedName name) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        TableEntry table = catalog.findTable(schema, name.last()).orElse(null);
        if (table == null) {
            if (catalog.findView(schema, name.last()).isPresent()) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "triggers on views are not supported yet");
            }
            throw BasaltException.at(SqlState.UNDEFINED_TABLE, name.position(),
                    "relation \"" + name + "\" does not exist");
        }
        return table;
    }

    private Outcome createTrigger(RoutineStatement.CreateTrigger create, String sql) {
        io.basalt.catalog.ViewEntry view = ViewTriggerChecks.viewOf(catalog, create);
        String relationSchema;
        String relationName;
        if (view != null) {
            relationSchema = view.schema();
            relationName = view.name();
            if (create.oldTable() != null || create.newTable() != null) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + view.name() + "\" is a view")
                        .withDetail("Triggers on views cannot have transition tables.");
            }
        } else {
            TableEntry table = table(create.table());
            relationSchema = table.schema();
            relationName = table.name();
            if (create.timing() == RoutineStatement.TriggerTiming.INSTEAD_OF) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + table.name() + "\" is a table")
                        .withDetail("Tables cannot have INSTEAD OF triggers.");
            }
            if (create.forEachRow() && create.events().contains(RoutineStatement.TriggerEvent.TRUNCATE)) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "TRUNCATE FOR EACH ROW triggers are not supported");
            }
            for (String column : create.updateColumns()) {
                if (table.columnIndex(column) < 0) {
                    throw BasaltException.of(SqlState.UNDEFINED_COLUMN,
                            "column \"" + column + "\" of relation \"" + table.name() + "\" does not exist");
                }
            }
            GeneratedColumnTriggerWhen.check(create, table, sql);
        }
        List<FunctionEntry> functions = candidates(create.function());
        FunctionEntry function = null;
        for (FunctionEntry candidate : functions) {
            if (candidate.inputTypes().isEmpty()) {
                function = candidate;
            }
        }
        if (function == null) {
            throw BasaltException.of(SqlState.UNDEFINED_FUNCTION, "function " + create.function() + "() does not exist");
        }
        if (!function.returnsTrigger()) {
            throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION,
                    "function " + function.name() + " must return type trigger");
        }
        if (create.when() != null && !create.forEachRow()) {
            checkStatementWhen(create);
        }
        TriggerEntry existing = null;
        for (TriggerEntry trigger : routines.triggersOf(relationSchema, relationName)) {
            if (trigger.name().equals(create.name())) {
                existing = trigger;
            }
        }
        if (existing != null && !create.orReplace()) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT,
                    "trigger \"" + create.name() + "\" for relation \"" + relationName + "\" already exists");
        }
        checkTransitionTables(create);
        TriggerEntry entry = new TriggerEntry(create.name(), relationSchema, relationName, create.timing(),
                create.events(), create.updateColumns(), create.oldTable(), create.newTable(), create.forEachRow(), create.when(), create.whenText(),
                function.schema(), function.name(), create.arguments(), true, sql);
        routines.putTrigger(entry, existing);
        boolean temporary = catalog.isTempSchema(relationSchema);
        if (!temporary) {
            log.accept(sql);
        }
        TriggerEntry replaced = existing;
        if (onRollback != null) {
            onRollback.accept(() -> {
                routines.removeTrigger(entry);
                if (!temporary) {
                    log.accept(droppedTrigger(entry));
                }
                if (replaced != null) {
                    routines.putTrigger(replaced, null);
                    if (!temporary) {
                        log.accept(replaced.definition());
                    }
                }
            });
        }
        return new Outcome("CREATE TRIGGER", List.of());
    }

    /**
     * PostgreSQL's refusals of transition tables (REFERENCING OLD / NEW TABLE), in its order; and Basalt's own of
     * them in a row trigger, which it does not fill yet.
     */
    private static void checkTransitionTables(RoutineStatement.CreateTrigger create) {
        if (create.oldTable() == null && create.newTable() == null) {
            return;
        }
        if (create.timing() != RoutineStatement.TriggerTiming.AFTER) {
            throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION,
                    "transition table name can only be specified for an AFTER trigger");
        }
        if (create.events().contains(RoutineStatement.TriggerEvent.TRUNCATE)) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "TRUNCATE triggers with transition tables are not supported");
        }
        if (create.events().size() > 1) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "transition tables cannot be specified for triggers with more than one event");
        }
        if (!create.updateColumns().isEmpty()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "transition tables cannot be specified for triggers with column lists");
        }
        RoutineStatement.TriggerEvent event = create.events().getFirst();
        if (create.newTable() != null && event == RoutineStatement.TriggerEvent.DELETE) {
            throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION,
                    "NEW TABLE can only be specified for an INSERT or UPDATE trigger");
        }
        if (create.oldTable() != null && event == RoutineStatement.TriggerEvent.INSERT) {
            throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION,
                    "OLD TABLE can only be specified for a DELETE or UPDATE trigger");
        }
        if (create.forEachRow()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "transition tables of row triggers are not supported yet");
        }
    }

    /** PostgreSQL's refusal of NEW / OLD in a statement trigger's WHEN. */
    private static void checkStatementWhen(RoutineStatement.CreateTrigger create) {
        String text = create.whenText() == null ? "" : create.whenText().toLowerCase(java.util.Locale.ROOT);
        if (text.matches("(?s).*\\b(new|old)\\s*\\..*")) {
            throw BasaltException.of(SqlState.INVALID_COLUMN_REFERENCE,
                    "statement trigger's WHEN condition cannot reference column values");
        }
    }

    private static String droppedTrigger(TriggerEntry trigger) {
        return "DROP TRIGGER " + IdentifierQuoting.quote(trigger.name()) + " ON "
                + IdentifierQuoting.quote(trigger.schema()) + "." + IdentifierQuoting.quote(trigger.table());
    }

    private void removeTrigger(TriggerEntry trigger) {
        routines.removeTrigger(trigger);
        boolean temporary = catalog.isTempSchema(trigger.schema());
        if (!temporary) {
            log.accept(droppedTrigger(trigger));
        }
        if (onRollback != null) {
            onRollback.accept(() -> {
                routines.putTrigger(trigger, null);
                if (!temporary) {
                    log.accept(trigger.definition());
                }
            });
        }
    }

    private Outcome dropTrigger(RoutineStatement.DropTrigger drop) {
        List<String> parts = drop.table().parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        TableEntry table = catalog.findTable(schema, drop.table().last()).orElse(null);
        if (table == null && catalog.findView(schema, drop.table().last()).isPresent()) {
            io.basalt.catalog.ViewEntry view = catalog.findView(schema, drop.table().last()).get();
            for (TriggerEntry trigger : routines.triggersOf(view.schema(), view.name())) {
                if (trigger.name().equals(drop.name())) {
                    removeTrigger(trigger);
                    return new Outcome("DROP TRIGGER", List.of());
                }
            }
            if (drop.ifExists()) {
                return new Outcome("DROP TRIGGER", List.of("trigger \"" + drop.name() + "\" for relation \""
                        + drop.table() + "\" does not exist, skipping"));
            }
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT,
                    "trigger \"" + drop.name() + "\" for table \"" + view.name() + "\" does not exist");
        }
        if (table == null) {
            if (drop.ifExists()) {
                String missingSchema = catalog.missingSchemaNotice(drop.table());
                return new Outcome("DROP TRIGGER", List.of(missingSchema != null ? missingSchema
                        : "relation \"" + drop.table() + "\" does not exist, skipping"));
            }
            throw BasaltException.at(SqlState.UNDEFINED_TABLE, drop.table().position(),
                    "relation \"" + drop.table() + "\" does not exist");
        }
        for (TriggerEntry trigger : routines.triggersOf(table.schema(), table.name())) {
            if (trigger.name().equals(drop.name())) {
                removeTrigger(trigger);
                return new Outcome("DROP TRIGGER", List.of());
            }
        }
        if (drop.ifExists()) {
            return new Outcome("DROP TRIGGER", List.of("trigger \"" + drop.name() + "\" for relation \""
                    + drop.table() + "\" does not exist, skipping"));
        }
        throw BasaltException.of(SqlState.UNDEFINED_OBJECT,
                "trigger \"" + drop.name() + "\" for table \"" + table.name() + "\" does not exist");
    }

    private Outcome enableTrigger(RoutineStatement.EnableTrigger enable, String sql) {
        TableEntry table = table(enable.table());
        boolean found = false;
        for (TriggerEntry trigger : routines.triggersOf(table.schema(), table.name())) {
            if (enable.name() == null || trigger.name().equals(enable.name())) {
                found = true;
                TriggerEntry changed = trigger.withEnabled(enable.enable());
                routines.putTrigger(changed, trigger);
                if (onRollback != null) {
                    onRollback.accept(() -> routines.putTrigger(trigger, changed));
                }
            }
        }
        if (!found && enable.name() != null) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT,
                    "trigger \"" + enable.name() + "\" for table \"" + table.name() + "\" does not exist");
        }
        if (!catalog.isTempSchema(table.schema())) {
            log.accept(sql);
        }
        return new Outcome("ALTER TABLE", List.of());
    }
}
