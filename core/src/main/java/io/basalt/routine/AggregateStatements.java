package io.basalt.routine;

import io.basalt.binder.AggregateDefinitionChecks;
import io.basalt.catalog.Catalog;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.RoutineStatement;
import io.basalt.sql.ast.TypeName;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.sql.lexer.Lexer;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import io.basalt.sql.parser.Parser;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs CREATE [OR REPLACE] AGGREGATE and DROP AGGREGATE against the {@link RoutineCatalog}, with PostgreSQL's
 * checks and messages (DefineAggregate's: the options it requires, the support functions it looks up, the initial
 * condition it reads). Each change is logged as its statement text (replayed on open like other DDL) unless the
 * aggregate lives in the temporary schema; inside a transaction block it is undone, and the undoing logged, when
 * the block rolls back. The moving-aggregate, serialization and combine options are checked and kept but not used:
 * an aggregate is always computed by its plain transition function.
 */
final class AggregateStatements {
    private final Catalog catalog;
    private final RoutineCatalog routines;
    private final Consumer<String> log;
    private final Consumer<Runnable> onRollback;

    AggregateStatements(Catalog catalog, RoutineCatalog routines, Consumer<String> log, Consumer<Runnable> onRollback) {
        this.catalog = catalog;
        this.routines = routines;
        this.log = log;
        this.onRollback = onRollback;
    }

    RoutineStatements.Outcome create(RoutineStatement.CreateAggregate create, String sql) {
        String schema = schemaOf(create.name());
        String name = create.name().last();
        Map<String, String> options = new LinkedHashMap<>();
        for (RoutineStatement.AggregateOption option : create.options()) {
            String key = switch (option.name()) {
                case "sfunc1" -> "sfunc";
                case "stype1" -> "stype";
                case "initcond1" -> "initcond";
                default -> option.name();
            };
            options.put(key, option.value());
        }
        String parallel = options.get("parallel");
        if (parallel != null && !parallel.equalsIgnoreCase("safe") && !parallel.equalsIgnoreCase("restricted")
                && !parallel.equalsIgnoreCase("unsafe")) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR,
                    "parameter \"parallel\" must be SAFE, RESTRICTED, or UNSAFE");
        }
        if (options.get("stype") == null) {
            throw BasaltException.of(SqlState.INVALID_FUNCTION_DEFINITION, "aggregate stype must be specified");
        }
        if (options.get("sfunc") == null) {
            throw BasaltException.of(SqlState.INVALID_FUNCTION_DEFINITION, "aggregate sfunc must be specified");
        }
        if ((options.get("serialfunc") == null) != (options.get("deserialfunc") == null)) {
            throw BasaltException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                    "must specify both or neither of serialization and deserialization functions");
        }
        List<LogicalType> arguments = new ArrayList<>();
        boolean variadic = false;
        if (create.arguments() == null) {
            String base = options.get("basetype");
            if (base == null) {
                throw BasaltException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                        "aggregate input type must be specified");
            }
            if (!base.equalsIgnoreCase("any")) {
                arguments.add(typeOf(base));
            }
        } else {
            if (options.containsKey("basetype")) {
                throw BasaltException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                        "basetype is redundant with aggregate input type specification");
            }
            if (!create.orderedArguments().isEmpty()) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "ordered-set aggregates defined by CREATE AGGREGATE are not supported yet");
            }
            for (RoutineStatement.Parameter parameter : create.arguments()) {
                variadic |= parameter.mode() == RoutineStatement.ParameterMode.VARIADIC;
                arguments.add(typeOf(parameter.type()));
            }
        }
        if (variadic) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "variadic aggregates defined by CREATE AGGREGATE are not supported yet");
        }
        LogicalType stateType = typeOf(options.get("stype"));
        if (stateType == null) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "aggregate state type \"any\" is not supported");
        }
        List<String> searched = new ArrayList<>(catalog.searchedSchemas());
        List<String> transition = functionName(options.get("sfunc"));
        List<LogicalType> transitionInputs = new ArrayList<>();
        transitionInputs.add(stateType);
        transitionInputs.addAll(arguments);
        AggregateDefinitionChecks.checkFunction(routines, searched, transition, transitionInputs, stateType,
                "transition function");
        List<String> finish = options.get("finalfunc") == null ? null : functionName(options.get("finalfunc"));
        if (finish != null) {
            AggregateDefinitionChecks.checkFunction(routines, searched, finish, List.of(stateType), null,
                    "final function");
        }
        List<String> combine = options.get("combinefunc") == null ? null : functionName(options.get("combinefunc"));
        if (combine != null) {
            AggregateDefinitionChecks.checkFunction(routines, searched, combine, List.of(stateType, stateType),
                    stateType, "combine function");
        }
        String initial = options.get("initcond");
        if (initial != null) {
            AggregateDefinitionChecks.initialValue(initial, stateType);
        }
        AggregateEntry entry = new AggregateEntry(schema, name, arguments, false, transition, stateType, finish,
                initial, combine, sql);
        AggregateEntry existing = find(schema, name, arguments);
        if (existing != null && !create.orReplace()) {
            throw BasaltException.of(SqlState.DUPLICATE_FUNCTION,
                    "function \"" + name + "\" already exists with same argument types");
        }
        if (existing != null && !resultType(existing).equals(resultType(entry))) {
            throw BasaltException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                    "cannot change return type of existing function");
        }
        if (existing == null && sameSignatureFunction(schema, name, arguments)) {
            if (create.orReplace()) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "cannot change routine kind")
                        .withDetail("\"" + name + "\" is a function.");
            }
            throw BasaltException.of(SqlState.DUPLICATE_FUNCTION,
                    "function \"" + name + "\" already exists with same argument types");
        }
        routines.putAggregate(entry, existing);
        boolean temporary = catalog.isTempSchema(schema);
        if (!temporary) {
            log.accept(sql);
        }
        if (onRollback != null) {
            onRollback.accept(() -> {
                routines.removeAggregate(entry);
                if (!temporary) {
                    log.accept("DROP AGGREGATE " + loggedName(entry));
                }
                if (existing != null) {
                    routines.putAggregate(existing, null);
                    if (!temporary) {
                        log.accept(existing.definition());
                    }
                }
            });
        }
        return new RoutineStatements.Outcome("CREATE AGGREGATE", List.of());
    }

    RoutineStatements.Outcome drop(RoutineStatement.DropAggregate drop) {
        List<String> notices = new ArrayList<>();
        List<AggregateEntry> dropped = new ArrayList<>();
        for (RoutineStatement.RoutineSignature signature : drop.aggregates()) {
            List<LogicalType> types = new ArrayList<>();
            for (RoutineStatement.Parameter parameter : signature.arguments()) {
                types.add(typeOf(parameter.type()));
            }
            AggregateEntry target = null;
            for (String schema : schemasOf(signature.name())) {
                target = find(schema, signature.name().last(), types);
                if (target != null) {
                    break;
                }
            }
            if (target == null) {
                String shown = signature.name() + "(" + writtenTypes(signature.arguments()) + ")";
                if (drop.ifExists()) {
                    String missingSchema = catalog.missingSchemaNotice(signature.name());
                    notices.add(missingSchema != null ? missingSchema
                            : "aggregate " + shown + " does not exist, skipping");
                    continue;
                }
                throw BasaltException.of(SqlState.UNDEFINED_FUNCTION, "aggregate "
                        + AggregateEntry.signature(signature.name().toString(), types) + " does not exist");
            }
            dropped.add(target);
        }
        for (AggregateEntry target : dropped) {
            routines.removeAggregate(target);
            boolean temporary = catalog.isTempSchema(target.schema());
            if (!temporary) {
                log.accept("DROP AGGREGATE " + loggedName(target));
            }
            if (onRollback != null) {
                onRollback.accept(() -> {
                    routines.putAggregate(target, null);
                    if (!temporary) {
                        log.accept(target.definition());
                    }
                });
            }
        }
        return new RoutineStatements.Outcome("DROP AGGREGATE", notices);
    }

    /** The result type: the final function's, else the state's (as far as CREATE can tell without binding). */
    private static String resultType(AggregateEntry entry) {
        return entry.finalFunction() == null ? entry.stateType().displayName() : String.join(".", entry.finalFunction());
    }

    private boolean sameSignatureFunction(String schema, String name, List<LogicalType> arguments) {
        for (FunctionEntry function : routines.functions(schema, name)) {
            if (function.inputTypes().equals(arguments)) {
                return true;
            }
        }
        return false;
    }

    private AggregateEntry find(String schema, String name, List<LogicalType> arguments) {
        for (AggregateEntry candidate : routines.aggregates(schema, name)) {
            if (candidate.argumentTypes().equals(arguments)) {
                return candidate;
            }
        }
        return null;
    }

    /** The types as written in a DROP's message ({@code int4}, {@code "any"}), PostgreSQL's way. */
    private static String writtenTypes(List<RoutineStatement.Parameter> parameters) {
        if (parameters.isEmpty()) {
            return "*";
        }
        StringBuilder text = new StringBuilder();
        for (RoutineStatement.Parameter parameter : parameters) {
            text.append(text.isEmpty() ? "" : ",").append(parameter.type().name())
                    .append("[]".repeat(parameter.type().arrayDimensions()));
        }
        return text.toString();
    }

    /** {@code "schema"."name"(types)}, as a logged DROP names an aggregate. */
    private static String loggedName(AggregateEntry entry) {
        StringBuilder text = new StringBuilder(IdentifierQuoting.quote(entry.schema())).append('.')
                .append(IdentifierQuoting.quote(entry.name())).append('(');
        if (entry.argumentTypes().isEmpty()) {
            text.append('*');
        }
        for (int i = 0; i < entry.argumentTypes().size(); i++) {
            LogicalType type = entry.argumentTypes().get(i);
            text.append(i == 0 ? "" : ", ").append(type == null ? "\"any\"" : type.displayName());
        }
        return text.append(')').toString();
    }

    /** A type written as an option's value ({@code int4}, {@code _int8}, {@code aggtype[]}); null for "any". */
    private static LogicalType typeOf(String text) {
        if (text.equalsIgnoreCase("any") || text.equals("\"any\"")) {
            return null;
        }
        TypeName type = Parser.parseTypeName(text);
        if (type.name().startsWith("_") && type.arrayDimensions() == 0) {
            // PostgreSQL's internal name of an array type: _int8 is bigint[]
            type = new TypeName(type.name().substring(1), type.modifiers(), 1, type.position());
        }
        return typeOf(type);
    }

    private static LogicalType typeOf(TypeName type) {
        if (type.name().equals("any") && type.arrayDimensions() == 0) {
            return null;
        }
        return RoutineStatements.resolveType(type);
    }

    /** A function named as an option's value: its name's parts, any argument types written after it left out. */
    private static List<String> functionName(String text) {
        List<String> parts = new ArrayList<>();
        for (Token token : Lexer.tokenize(text)) {
            if (token.is(TokenKind.LEFT_PAREN)) {
                break;
            }
            if (token.is(TokenKind.IDENTIFIER) || token.is(TokenKind.QUOTED_IDENTIFIER)) {
                parts.add(token.is(TokenKind.IDENTIFIER) ? token.value().toLowerCase(Locale.ROOT) : token.value());
            }
        }
        return parts;
    }

    private String schemaOf(QualifiedName name) {
        return RoutineStatements.schemaOf(catalog, name);
    }

    private List<String> schemasOf(QualifiedName name) {
        List<String> parts = name.parts();
        if (parts.size() >= 2) {
            return List.of(parts.get(parts.size() - 2));
        }
        List<String> schemas = new ArrayList<>();
        if (catalog.tempSchema() != null) {
            schemas.add(catalog.tempSchema());
        }
        schemas.addAll(catalog.searchedSchemas());
        return schemas;
    }
}
