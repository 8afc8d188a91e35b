package io.basalt.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.RoutineStatement;
import io.basalt.sql.ast.RoutineStatement.Parameter;
import io.basalt.sql.ast.RoutineStatement.ParameterMode;
import io.basalt.sql.ast.RoutineStatement.TriggerEvent;
import io.basalt.sql.ast.RoutineStatement.TriggerTiming;
import io.basalt.sql.ast.TypeName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CREATE [OR REPLACE] FUNCTION / PROCEDURE, DROP FUNCTION / PROCEDURE, CALL, CREATE [OR REPLACE] TRIGGER,
 * DROP TRIGGER and ALTER TABLE ... ENABLE / DISABLE TRIGGER, as PostgreSQL 15's grammar writes them. A function's
 * body stays text (a string or dollar-quoted constant); the routine's language reads it when it runs. A
 * SQL-standard body ({@code BEGIN ATOMIC ... END} or {@code RETURN expr}) is not expressed yet.
 */
final class RoutineParser extends ParserBase {
    RoutineParser(Grammar grammar) {
        super(grammar);
    }

    /** Whether the cursor (at CREATE) starts CREATE [OR REPLACE] FUNCTION | PROCEDURE | [CONSTRAINT] TRIGGER. */
    boolean atCreate() {
        int ahead = 1;
        if (tokens.peek(1).is(Keyword.OR) && tokens.peek(2).is(Keyword.REPLACE)) {
            ahead = 3;
        }
        Token object = tokens.peek(ahead);
        return object.is(Keyword.FUNCTION) || object.is(Keyword.PROCEDURE) || object.is(Keyword.TRIGGER)
                || object.is(Keyword.CONSTRAINT) && tokens.peek(ahead + 1).is(Keyword.TRIGGER);
    }

    /** Whether the cursor (at ALTER) starts ALTER TABLE ... ENABLE | DISABLE TRIGGER. */
    boolean atEnableTrigger() {
        if (!tokens.peek(1).is(Keyword.TABLE)) {
            return false;
        }
        for (int ahead = 2; ahead < 8; ahead++) {
            Token token = tokens.peek(ahead);
            if ((token.is(Keyword.ENABLE) || token.is(Keyword.DISABLE)) && tokens.peek(ahead + 1).is(Keyword.TRIGGER)) {
                Token after = tokens.peek(ahead + 3);
                return after.is(TokenKind.SEMICOLON) || after.is(TokenKind.END_OF_INPUT);
            }
            if (token.is(TokenKind.SEMICOLON) || token.is(TokenKind.END_OF_INPUT)) {
                return false;
            }
        }
        return false;
    }

    RoutineStatement create() {
        int position = tokens.expect(Keyword.CREATE).position();
        boolean orReplace = false;
        if (tokens.accept(Keyword.OR)) {
            tokens.expect(Keyword.REPLACE);
            orReplace = true;
        }
        if (tokens.at(Keyword.CONSTRAINT)) {
            throw unsupported("CREATE CONSTRAINT TRIGGER");
        }
        if (tokens.accept(Keyword.TRIGGER)) {
            return trigger(orReplace, position);
        }
        boolean procedure = tokens.accept(Keyword.PROCEDURE);
        if (!procedure) {
            tokens.expect(Keyword.FUNCTION);
        }
        return function(orReplace, procedure, position);
    }

    private RoutineStatement.CreateFunction function(boolean orReplace, boolean procedure, int position) {
        QualifiedName name = grammar.names().qualifiedName();
        List<Parameter> parameters = parameters(true);
        RoutineStatement.Returns returns = null;
        if (!procedure && tokens.accept(Keyword.RETURNS)) {
            returns = returns();
        }
        String language = null;
        String body = null;
        String volatility = null;
        boolean strict = false;
        while (!tokens.at(TokenKind.SEMICOLON) && !tokens.at(TokenKind.END_OF_INPUT)) {
            Token token = tokens.peek();
            if (tokens.accept(Keyword.LANGUAGE)) {
                Token lang = tokens.next();
                if (lang.kind() != TokenKind.IDENTIFIER && lang.kind() != TokenKind.QUOTED_IDENTIFIER
                        && lang.kind() != TokenKind.STRING) {
                    throw tokens.syntaxErrorAt(lang);
                }
                language = lang.value().toLowerCase(Locale.ROOT);
            } else if (tokens.accept(Keyword.AS)) {
                body = tokens.expect(TokenKind.STRING).value();
                if (tokens.accept(TokenKind.COMMA)) {
                    tokens.expect(TokenKind.STRING);
                    throw unsupported("functions in C object files");
                }
            } else if (token.is(Keyword.IMMUTABLE) || token.is(Keyword.STABLE) || token.is(Keyword.VOLATILE)) {
                volatility = tokens.next().value().toLowerCase(Locale.ROOT);
            } else if (tokens.accept(Keyword.STRICT)) {
                strict = true;
            } else if (tokens.accept(Keyword.CALLED)) {
                tokens.expect(Keyword.ON);
                tokens.expect(Keyword.NULL);
                tokens.expect(Keyword.INPUT);
            } else if (token.is(Keyword.RETURNS) && tokens.peek(1).is(Keyword.NULL)) {
                tokens.next();
                tokens.next();
                tokens.expect(Keyword.ON);
                tokens.expect(Keyword.NULL);
                tokens.expect(Keyword.INPUT);
                strict = true;
            } else if (tokens.accept(Keyword.NOT)) {
                tokens.expect(Keyword.LEAKPROOF);
            } else if (tokens.accept(Keyword.LEAKPROOF) || tokens.accept(Keyword.WINDOW)) {
                if (token.is(Keyword.WINDOW)) {
                    throw unsupported("window functions in C");
                }
            } else if (tokens.accept(Keyword.EXTERNAL) || token.is(Keyword.SECURITY)) {
                tokens.expect(Keyword.SECURITY);
                if (!tokens.accept(Keyword.INVOKER) && !tokens.accept(Keyword.DEFINER)) {
                    throw tokens.syntaxError();
                }
            } else if (tokens.accept(Keyword.PARALLEL)) {
                tokens.next();
            } else if (tokens.accept(Keyword.COST) || tokens.accept(Keyword.ROWS)) {
                tokens.expect(TokenKind.NUMBER);
            } else if (tokens.accept(Keyword.SUPPORT)) {
                grammar.names().qualifiedName();
            } else if (token.is(Keyword.SET)) {
                throw unsupported("SET clauses of functions");
            } else if (token.is(Keyword.RETURN)) {
                tokens.next();
                int start = tokens.peek().start();
                grammar.expressions().expression();
                body = "SELECT " + tokens.source().text().substring(start, tokens.peek().start()).trim();
                language = language == null ? "sql" : language;
            } else if (token.is(Keyword.BEGIN) && tokens.peek(1).is(Keyword.ATOMIC)) {
                tokens.next();
                int start = tokens.next().end();
                body = atomicBody(start);
                language = language == null ? "sql" : language;
            } else if (tokens.accept(Keyword.TRANSFORM)) {
                throw unsupported("TRANSFORM");
            } else {
                throw tokens.syntaxError();
            }
        }
        return new RoutineStatement.CreateFunction(name, orReplace, procedure, parameters, returns, language, body,
                volatility, strict, position);
    }

    /** The statements of {@code BEGIN ATOMIC ... END} as text, the cursor left after END. */
    private String atomicBody(int start) {
        int depth = 0;
        int cases = 0;
        while (!tokens.at(TokenKind.END_OF_INPUT)) {
            Token token = tokens.peek();
            if (token.is(TokenKind.LEFT_PAREN)) {
                depth++;
            } else if (token.is(TokenKind.RIGHT_PAREN)) {
                depth--;
            } else if (depth == 0 && token.is(Keyword.CASE)) {
                cases++;
            } else if (depth == 0 && token.is(Keyword.END)) {
                if (cases == 0) {
                    String body = tokens.source().text().substring(start, token.start());
                    tokens.next();
                    return body;
                }
                cases--;
            }
            tokens.next();
        }
        throw tokens.syntaxError();
    }

    private RoutineStatement.Returns returns() {
        if (tokens.accept(Keyword.TABLE)) {
            tokens.expect(TokenKind.LEFT_PAREN);
            List<Parameter> columns = new ArrayList<>();
            do {
                Token first = tokens.peek();
                String column = grammar.names().columnId();
                columns.add(new Parameter(ParameterMode.OUT, column, grammar.types().typeName(), null,
                        first.position()));
            } while (tokens.accept(TokenKind.COMMA));
            tokens.expect(TokenKind.RIGHT_PAREN);
            return new RoutineStatement.Returns(null, true, columns);
        }
        boolean setOf = tokens.accept(Keyword.SETOF);
        return new RoutineStatement.Returns(grammar.types().typeName(), setOf, List.of());
    }

    /** {@code ( [parameter [, ...]] )}; with {@code defaults}, a parameter may have a DEFAULT. */
    private List<Parameter> parameters(boolean defaults) {
        tokens.expect(TokenKind.LEFT_PAREN);
        List<Parameter> parameters = new ArrayList<>();
        if (tokens.accept(TokenKind.RIGHT_PAREN)) {
            return parameters;
        }
        do {
            parameters.add(parameter(defaults));
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        return parameters;
    }

    /** One argument of CREATE / DROP AGGREGATE: {@code [mode] [name] type}, no default. */
    Parameter aggregateArgument() {
        return parameter(false);
    }

    private Parameter parameter(boolean defaults) {
        int position = position();
        ParameterMode mode = ParameterMode.IN;
        if (tokens.at(Keyword.IN) || tokens.at(Keyword.OUT) || tokens.at(Keyword.INOUT)
                || tokens.at(Keyword.VARIADIC)) {
            Token token = tokens.next();
            mode = switch (token.keyword()) {
                case IN -> tokens.accept(Keyword.OUT) ? ParameterMode.INOUT : ParameterMode.IN;
                case OUT -> ParameterMode.OUT;
                case INOUT -> ParameterMode.INOUT;
                default -> ParameterMode.VARIADIC;
            };
        }
        String name = null;
        Token first = tokens.peek();
        Token second = tokens.peek(1);
        boolean named = (first.kind() == TokenKind.IDENTIFIER || first.kind() == TokenKind.QUOTED_IDENTIFIER)
                && !TypeNameParser.isStandardTypeKeyword(first)
                && (second.kind() == TokenKind.IDENTIFIER || second.kind() == TokenKind.QUOTED_IDENTIFIER)
                && !second.is(Keyword.DEFAULT);
        if (named) {
            name = tokens.next().value();
        }
        TypeName type = grammar.types().typeName();
        if (tokens.atOperator("%")) {
            throw unsupported("%TYPE in argument types");
        }
        Expression defaultValue = null;
        if (defaults && (tokens.accept(Keyword.DEFAULT) || tokens.acceptOperator("="))) {
            defaultValue = grammar.expressions().expression();
        }
        return new Parameter(mode, name, type, defaultValue, position);
    }

    /** {@code DROP FUNCTION | PROCEDURE | ROUTINE [IF EXISTS] name[(args)], ... [CASCADE | RESTRICT]}. */
    RoutineStatement.DropFunction drop() {
        int position = tokens.expect(Keyword.DROP).position();
        boolean procedure = tokens.accept(Keyword.PROCEDURE);
        if (!procedure && !tokens.accept(Keyword.ROUTINE)) {
            tokens.expect(Keyword.FUNCTION);
        }
        boolean ifExists = acceptIfExists();
        List<RoutineStatement.RoutineSignature> routines = new ArrayList<>();
        do {
            QualifiedName name = grammar.names().qualifiedName();
            List<Parameter> arguments = tokens.at(TokenKind.LEFT_PAREN) ? parameters(false) : null;
            routines.add(new RoutineStatement.RoutineSignature(name, arguments));
        } while (tokens.accept(TokenKind.COMMA));
        boolean cascade = acceptDropBehavior();
        return new RoutineStatement.DropFunction(routines, procedure, ifExists, cascade, position);
    }

    RoutineStatement.Call call() {
        int position = tokens.expect(Keyword.CALL).position();
        QualifiedName name = grammar.names().qualifiedName();
        tokens.expect(TokenKind.LEFT_PAREN);
        List<Expression> arguments = new ArrayList<>();
        if (!tokens.accept(TokenKind.RIGHT_PAREN)) {
            do {
                if (tokens.peek(1).is(TokenKind.EQUALS_GREATER)) {
                    throw unsupported("named arguments in CALL");
                }
                arguments.add(grammar.expressions().expression());
            } while (tokens.accept(TokenKind.COMMA));
            tokens.expect(TokenKind.RIGHT_PAREN);
        }
        return new RoutineStatement.Call(name, arguments, position);
    }

    private RoutineStatement.CreateTrigger trigger(boolean orReplace, int position) {
        String name = grammar.names().columnId();
        TriggerTiming timing;
        if (tokens.accept(Keyword.BEFORE)) {
            timing = TriggerTiming.BEFORE;
        } else if (tokens.accept(Keyword.AFTER)) {
            timing = TriggerTiming.AFTER;
        } else {
            tokens.expect(Keyword.INSTEAD);
            tokens.expect(Keyword.OF);
            timing = TriggerTiming.INSTEAD_OF;
        }
        List<TriggerEvent> events = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        do {
            Token event = tokens.next();
            if (event.is(Keyword.INSERT)) {
                events.add(TriggerEvent.INSERT);
            } else if (event.is(Keyword.DELETE)) {
                events.add(TriggerEvent.DELETE);
            } else if (event.is(Keyword.TRUNCATE)) {
                events.add(TriggerEvent.TRUNCATE);
            } else if (event.is(Keyword.UPDATE)) {
                events.add(TriggerEvent.UPDATE);
                if (tokens.accept(Keyword.OF)) {
                    columns.addAll(grammar.names().columnIdList());
                }
            } else {
                throw tokens.syntaxErrorAt(event);
            }
        } while (tokens.accept(Keyword.OR));
        tokens.expect(Keyword.ON);
        QualifiedName table = grammar.names().qualifiedName();
        String oldTable = null;
        String newTable = null;
        if (tokens.accept(Keyword.REFERENCING)) {
            do {
                Token which = tokens.next();
                boolean old = which.is(Keyword.OLD);
                if (!old && !which.is(Keyword.NEW)) {
                    throw tokens.syntaxErrorAt(which);
                }
                if (tokens.accept(Keyword.ROW)) {
                    throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "ROW variable naming in the REFERENCING clause is not supported")
                            .withHint("Use OLD TABLE or NEW TABLE for naming transition tables.");
                }
                tokens.expect(Keyword.TABLE);
                tokens.accept(Keyword.AS);
                String transition = grammar.names().columnId();
                if ((old ? oldTable : newTable) != null) {
                    throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION,
                            (old ? "OLD" : "NEW") + " TABLE cannot be specified multiple times");
                }
                if (old) {
                    oldTable = transition;
                } else {
                    newTable = transition;
                }
            } while (tokens.at(Keyword.OLD) || tokens.at(Keyword.NEW));
            if (oldTable != null && oldTable.equals(newTable)) {
                throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION,
                        "OLD TABLE name and NEW TABLE name cannot be the same");
            }
        }
        if (tokens.at(Keyword.FROM) || tokens.at(Keyword.DEFERRABLE) || tokens.at(Keyword.INITIALLY)
                || tokens.at(Keyword.NOT) && tokens.peek(1).is(Keyword.DEFERRABLE)) {
            throw unsupported("constraint trigger options");
        }
        boolean forEachRow = false;
        if (tokens.accept(Keyword.FOR)) {
            tokens.accept(Keyword.EACH);
            if (tokens.accept(Keyword.ROW)) {
                forEachRow = true;
            } else {
                tokens.expect(Keyword.STATEMENT);
            }
        }
        Expression when = null;
        String whenText = null;
        if (tokens.accept(Keyword.WHEN)) {
            Token open = tokens.expect(TokenKind.LEFT_PAREN);
            when = grammar.expressions().expression();
            Token close = tokens.expect(TokenKind.RIGHT_PAREN);
            whenText = tokens.source().text().substring(open.end(), close.start());
        }
        tokens.expect(Keyword.EXECUTE);
        if (!tokens.accept(Keyword.PROCEDURE)) {
            tokens.expect(Keyword.FUNCTION);
        }
        QualifiedName function = grammar.names().qualifiedName();
        tokens.expect(TokenKind.LEFT_PAREN);
        List<String> arguments = new ArrayList<>();
        if (!tokens.accept(TokenKind.RIGHT_PAREN)) {
            do {
                Token argument = tokens.next();
                switch (argument.kind()) {
                    case STRING, NUMBER, IDENTIFIER, QUOTED_IDENTIFIER -> arguments.add(argument.value());
                    default -> throw tokens.syntaxErrorAt(argument);
                }
            } while (tokens.accept(TokenKind.COMMA));
            tokens.expect(TokenKind.RIGHT_PAREN);
        }
        return new RoutineStatement.CreateTrigger(name, orReplace, timing, events, columns, table, oldTable, newTable,
                forEachRow, when, whenText, function, arguments, position);
    }

    /** {@code DROP TRIGGER [IF EXISTS] name ON table [CASCADE | RESTRICT]}. */
    RoutineStatement.DropTrigger dropTrigger() {
        int position = tokens.expect(Keyword.DROP).position();
        tokens.expect(Keyword.TRIGGER);
        boolean ifExists = acceptIfExists();
        String name = grammar.names().columnId();
        tokens.expect(Keyword.ON);
        QualifiedName table = grammar.names().qualifiedName();
        acceptDropBehavior();
        return new RoutineStatement.DropTrigger(name, table, ifExists, position);
    }

    /** {@code ALTER TABLE name ENABLE | DISABLE TRIGGER name | ALL | USER}. */
    RoutineStatement.EnableTrigger enableTrigger() {
        int position = tokens.expect(Keyword.ALTER).position();
        tokens.expect(Keyword.TABLE);
        tokens.accept(Keyword.ONLY);
        QualifiedName table = grammar.names().qualifiedName();
        boolean enable = tokens.accept(Keyword.ENABLE);
        if (!enable) {
            tokens.expect(Keyword.DISABLE);
        }
        tokens.expect(Keyword.TRIGGER);
        String name = null;
        if (!tokens.accept(Keyword.ALL) && !tokens.accept(Keyword.USER)) {
            name = grammar.names().columnId();
        }
        return new RoutineStatement.EnableTrigger(table, name, enable, position);
    }

    /** {@code DO [LANGUAGE name] 'code' [LANGUAGE name]}. */
    RoutineStatement.Do doBlock() {
        int position = tokens.expect(Keyword.DO).position();
        String language = "plpgsql";
        String body = null;
        while (!tokens.at(TokenKind.SEMICOLON) && !tokens.at(TokenKind.END_OF_INPUT)) {
            if (tokens.accept(Keyword.LANGUAGE)) {
                language = tokens.next().value().toLowerCase(Locale.ROOT);
            } else if (body == null) {
                body = tokens.expect(TokenKind.STRING).value();
            } else {
                throw tokens.syntaxError();
            }
        }
        if (body == null) {
            throw tokens.syntaxError();
        }
        return new RoutineStatement.Do(body, language, position);
    }
}
