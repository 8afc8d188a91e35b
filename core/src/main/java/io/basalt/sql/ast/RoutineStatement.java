package io.basalt.sql.ast;

import java.util.List;

/**
 * The statements about user-defined routines and triggers: CREATE / DROP FUNCTION and PROCEDURE, CALL, and
 * CREATE / DROP TRIGGER. They are one family so that the statement dispatch handles them in one place
 * ({@code io.basalt.routine.RoutineStatements}).
 */
public sealed interface RoutineStatement extends Statement {

    /** How an argument is passed. */
    enum ParameterMode {
        IN, OUT, INOUT, VARIADIC
    }

    /** One declared argument: {@code name} null when unnamed, {@code defaultValue} null when it has none. */
    record Parameter(ParameterMode mode, String name, TypeName type, Expression defaultValue, int position)
            implements Node {
    }

    /**
     * What a function returns: {@code type} (null for a procedure), as a set when {@code setOf}; {@code table}
     * holds the columns of {@code RETURNS TABLE (...)} (then {@code setOf} is true and {@code type} null).
     */
    record Returns(TypeName type, boolean setOf, List<Parameter> table) {
        public Returns {
            table = table == null ? List.of() : List.copyOf(table);
        }
    }

    /** {@code CREATE [OR REPLACE] FUNCTION | PROCEDURE name (parameters) [RETURNS ...] options AS body}. */
    record CreateFunction(QualifiedName name, boolean orReplace, boolean procedure, List<Parameter> parameters,
                          Returns returns, String language, String body, String volatility, boolean strict,
                          int position) implements RoutineStatement {
        public CreateFunction {
            parameters = List.copyOf(parameters);
        }
    }

    /** One routine a DROP names: its argument types, or null when written without parentheses. */
    record RoutineSignature(QualifiedName name, List<Parameter> arguments) {
        public RoutineSignature {
            arguments = arguments == null ? null : List.copyOf(arguments);
        }
    }

    /** {@code DROP FUNCTION | PROCEDURE [IF EXISTS] signature, ... [CASCADE | RESTRICT]}. */
    record DropFunction(List<RoutineSignature> routines, boolean procedure, boolean ifExists, boolean cascade,
                        int position) implements RoutineStatement {
        public DropFunction {
            routines = List.copyOf(routines);
        }
    }

    /** {@code CALL name(arguments)}. */
    record Call(QualifiedName name, List<Expression> arguments, int position) implements RoutineStatement {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** When a trigger fires. */
    enum TriggerTiming {
        BEFORE, AFTER, INSTEAD_OF
    }

    /** What fires a trigger. */
    enum TriggerEvent {
        INSERT, UPDATE, DELETE, TRUNCATE
    }

    /**
     * {@code CREATE [OR REPLACE] TRIGGER name timing event [OR ...] ON table [REFERENCING {OLD | NEW} TABLE [AS]
     * name ...] [FOR [EACH] ROW | STATEMENT] [WHEN (condition)] EXECUTE FUNCTION | PROCEDURE function(arguments)};
     * {@code updateColumns} are those of {@code UPDATE OF}, {@code oldTable} / {@code newTable} the transition
     * tables' names (null: none), {@code arguments} the trigger arguments as text.
     */
    record CreateTrigger(String name, boolean orReplace, TriggerTiming timing, List<TriggerEvent> events,
                         List<String> updateColumns, QualifiedName table, String oldTable, String newTable,
                         boolean forEachRow, Expression when, String whenText, QualifiedName function,
                         List<String> arguments, int position)
            implements RoutineStatement {
        public CreateTrigger {
            events = List.copyOf(events);
            updateColumns = List.copyOf(updateColumns);
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code DROP TRIGGER [IF EXISTS] name ON table [CASCADE | RESTRICT]}. */
    record DropTrigger(String name, QualifiedName table, boolean ifExists, int position) implements RoutineStatement {
    }

    /** {@code ALTER TABLE table ENABLE | DISABLE TRIGGER name | ALL | USER}; {@code name} null for ALL / USER. */
    record EnableTrigger(QualifiedName table, String name, boolean enable, int position) implements RoutineStatement {
    }

    /** {@code DO [LANGUAGE name] 'code'}: an anonymous code block, run once. */
    record Do(String body, String language, int position) implements RoutineStatement {
    }
    /**
     * One {@code name = value} of CREATE AGGREGATE's definition list: {@code value} is the text of a string or
     * number, or of a name ({@code int4pl}, {@code aggtype[]}, {@code balkifnull(int8, int4)}), with {@code name}
     * lower-cased; null for an option written without a value.
     */
    record AggregateOption(String name, String value, int position) implements Node {
    }

    /**
     * {@code CREATE [OR REPLACE] AGGREGATE name ( arguments [ORDER BY arguments] ) ( options )}; the old form
     * {@code CREATE AGGREGATE name ( options )} (with BASETYPE among the options) has {@code arguments} null.
     * {@code (*)} is an empty argument list.
     */
    record CreateAggregate(QualifiedName name, boolean orReplace, List<Parameter> arguments,
                           List<Parameter> orderedArguments, List<AggregateOption> options, int position)
            implements RoutineStatement {
        public CreateAggregate {
            arguments = arguments == null ? null : List.copyOf(arguments);
            orderedArguments = List.copyOf(orderedArguments);
            options = List.copyOf(options);
        }
    }

    /** {@code DROP AGGREGATE [IF EXISTS] name ( arguments | * ), ... [CASCADE | RESTRICT]}. */
    record DropAggregate(List<RoutineSignature> aggregates, boolean ifExists, boolean cascade, int position)
            implements RoutineStatement {
        public DropAggregate {
            aggregates = List.copyOf(aggregates);
        }
    }
}
