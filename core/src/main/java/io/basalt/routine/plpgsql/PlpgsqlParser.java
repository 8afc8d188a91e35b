package io.basalt.routine.plpgsql;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.routine.plpgsql.PlpgsqlStatement.Target;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.lexer.Lexer;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import io.basalt.sql.parser.Parser;
import io.basalt.type.LogicalType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Reads a PL/pgSQL body into {@link PlpgsqlStatement}s with the SQL lexer's tokens. Statements are recognised by
 * their first words; what is left (SELECT, INSERT, ...) is SQL up to the next {@code ;}. Expressions end at the
 * word that follows them in the statement's grammar (THEN, LOOP, ..); words inside parentheses or a CASE
 * expression do not end them. Variables are resolved while reading ({@link Variables}), and every expression is
 * compiled into a {@link SqlFragment} at once, so that syntax errors surface when the function is created.
 */
final class PlpgsqlParser {
    private static final Set<String> BLOCK_END = Set.of("end", "exception");
    private final String text;
    private final List<Token> tokens;
    private final Variables variables;
    private int at;

    PlpgsqlParser(String text, Variables variables) {
        this.text = text;
        this.tokens = Lexer.tokenize(text);
        this.variables = variables;
    }

    /** The body: one block, optionally labelled and followed by {@code ;}. */
    PlpgsqlStatement.Block body() {
        String label = label();
        if (!isWord(peek(), "declare") && !isWord(peek(), "begin")) {
            throw syntaxError(peek());
        }
        PlpgsqlStatement.Block block = block(label);
        accept(TokenKind.SEMICOLON);
        if (!peek().is(TokenKind.END_OF_INPUT)) {
            throw syntaxError(peek());
        }
        return block;
    }

    // ---- tokens --------------------------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(Math.min(at, tokens.size() - 1));
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token token = peek();
        if (at < tokens.size() - 1) {
            at++;
        }
        return token;
    }

    private static boolean isWord(Token token, String word) {
        return token.kind() == TokenKind.IDENTIFIER && token.value().equals(word);
    }

    private boolean acceptWord(String word) {
        if (isWord(peek(), word)) {
            next();
            return true;
        }
        return false;
    }

    private void expectWord(String word) {
        if (!acceptWord(word)) {
            throw syntaxError(peek());
        }
    }

    private boolean accept(TokenKind kind) {
        if (peek().is(kind)) {
            next();
            return true;
        }
        return false;
    }

    private void expect(TokenKind kind) {
        if (!accept(kind)) {
            throw syntaxError(peek());
        }
    }

    private String identifier() {
        Token token = next();
        if (token.kind() != TokenKind.IDENTIFIER && token.kind() != TokenKind.QUOTED_IDENTIFIER) {
            throw syntaxError(token);
        }
        return token.value();
    }

    private BasaltException syntaxError(Token token) {
        if (token.is(TokenKind.END_OF_INPUT)) {
            return BasaltException.of(SqlState.SYNTAX_ERROR, "syntax error at end of input");
        }
        return BasaltException.of(SqlState.SYNTAX_ERROR,
                "syntax error at or near \"" + text.substring(token.start(), token.end()) + "\"");
    }

    /** {@code <<label>>}, or null. */
    private String label() {
        if (peek().isOperator("<<")) {
            next();
            String label = identifier();
            if (!peek().isOperator(">>")) {
                throw syntaxError(peek());
            }
            next();
            return label;
        }
        return null;
    }

    // ---- blocks and declarations ---------------------------------------------------------------------------------

    private PlpgsqlStatement.Block block(String label) {
        variables.push();
        try {
            List<PlpgsqlStatement.Declaration> declarations = new ArrayList<>();
            while (acceptWord("declare")) {
                while (!isWord(peek(), "begin") && !isWord(peek(), "declare")) {
                    PlpgsqlStatement.Declaration declaration = declaration();
                    if (declaration != null) {
                        declarations.add(declaration);
                    }
                }
            }
            expectWord("begin");
            List<PlpgsqlStatement> body = statements(BLOCK_END);
            List<PlpgsqlStatement.Handler> handlers = new ArrayList<>();
            int errorSlot = -1;
            if (acceptWord("exception")) {
                variables.push();
                errorSlot = variables.declare("sqlstate", VariableType.of(io.basalt.type.LogicalType.TEXT));
                variables.declare("sqlerrm", VariableType.of(io.basalt.type.LogicalType.TEXT));
                try {
                    while (acceptWord("when")) {
                        List<String> conditions = new ArrayList<>();
                        do {
                            if (acceptWord("sqlstate")) {
                                conditions.add("sqlstate:" + next().value());
                            } else {
                                conditions.add(identifier());
                            }
                        } while (acceptWord("or"));
                        expectWord("then");
                        handlers.add(new PlpgsqlStatement.Handler(conditions, statements(Set.of("when", "end"))));
                    }
                } finally {
                    variables.pop();
                }
            }
            expectWord("end");
            if (!peek().is(TokenKind.SEMICOLON) && !peek().is(TokenKind.END_OF_INPUT)) {
                identifier();
            }
            return new PlpgsqlStatement.Block(label, declarations, body, handlers, errorSlot);
        } finally {
            variables.pop();
        }
    }

    private PlpgsqlStatement.Declaration declaration() {
        String name = identifier();
        if (acceptWord("alias")) {
            expectWord("for");
            Token target = next();
            int slot = target.is(TokenKind.PARAMETER) ? variables.parameterSlot(Integer.parseInt(target.value()))
                    : variables.lookup(target.value());
            if (slot < 0) {
                throw syntaxError(target);
            }
            variables.alias(name, slot);
            expect(TokenKind.SEMICOLON);
            return null;
        }
        acceptWord("constant");
        if (isWord(peek(), "cursor") || isWord(peek(), "refcursor") || isWord(peek(), "no")
                || isWord(peek(), "scroll")) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "cursor variables are not supported yet");
        }
        int typeStart = at;
        while (!peek().is(TokenKind.SEMICOLON) && !peek().is(TokenKind.COLON_EQUALS) && !peek().isOperator("=")
                && !isWord(peek(), "default") && !(isWord(peek(), "not") && isWord(peek(1), "null"))
                && !isWord(peek(), "collate") && !peek().is(TokenKind.END_OF_INPUT)) {
            next();
        }
        if (at == typeStart) {
            throw syntaxError(peek());
        }
        VariableType type = variables.resolveType(text.substring(tokens.get(typeStart).start(),
                tokens.get(at - 1).end()).trim());
        if (acceptWord("collate")) {
            identifier();
        }
        boolean notNull = false;
        if (isWord(peek(), "not")) {
            next();
            expectWord("null");
            notNull = true;
        }
        SqlFragment defaultValue = null;
        if (accept(TokenKind.COLON_EQUALS) || acceptWord("default") || acceptOperator("=")) {
            defaultValue = expression(Set.of(), true);
        }
        expect(TokenKind.SEMICOLON);
        int slot = variables.declare(name, type);
        return new PlpgsqlStatement.Declaration(slot, name, type, defaultValue, notNull);
    }

    private boolean acceptOperator(String operator) {
        if (peek().isOperator(operator)) {
            next();
            return true;
        }
        return false;
    }

    // ---- statements ----------------------------------------------------------------------------------------------

    /** Statements up to (not including) one of the words of {@code stops}. */
    private List<PlpgsqlStatement> statements(Set<String> stops) {
        List<PlpgsqlStatement> statements = new ArrayList<>();
        while (true) {
            Token token = peek();
            if (token.is(TokenKind.END_OF_INPUT)) {
                throw syntaxError(token);
            }
            if (token.kind() == TokenKind.IDENTIFIER && stops.contains(token.value())) {
                return statements;
            }
            if (accept(TokenKind.SEMICOLON)) {
                continue;
            }
            statements.add(statement());
        }
    }

    private PlpgsqlStatement statement() {
        String label = label();
        Token first = peek();
        String word = first.kind() == TokenKind.IDENTIFIER ? first.value() : "";
        if (label != null && !Set.of("loop", "while", "for", "foreach", "declare", "begin").contains(word)) {
            throw syntaxError(first);
        }
        switch (word) {
            case "declare", "begin" -> {
                PlpgsqlStatement.Block block = block(label);
                expect(TokenKind.SEMICOLON);
                return block;
            }
            case "if" -> {
                return ifStatement();
            }
            case "case" -> {
                return caseStatement();
            }
            case "loop" -> {
                next();
                List<PlpgsqlStatement> body = loopBody(label);
                return new PlpgsqlStatement.Loop(label, body);
            }
            case "while" -> {
                next();
                SqlFragment condition = expression(Set.of("loop"), false);
                expectWord("loop");
                return new PlpgsqlStatement.While(label, condition, loopBody(label));
            }
            case "for" -> {
                return forStatement(label);
            }
            case "foreach" -> {
                return forEachStatement(label);
            }
            case "exit", "continue" -> {
                next();
                String target = null;
                if (!peek().is(TokenKind.SEMICOLON) && !isWord(peek(), "when")) {
                    target = identifier();
                }
                SqlFragment when = null;
                if (acceptWord("when")) {
                    when = expression(Set.of(), true);
                }
                expect(TokenKind.SEMICOLON);
                return new PlpgsqlStatement.Exit(word.equals("continue"), target, when);
            }
            case "return" -> {
                return returnStatement();
            }
            case "raise" -> {
                return raise();
            }
            case "perform" -> {
                next();
                int start = at;
                skipToSemicolon();
                SqlFragment query = compile(start, at, "SELECT ", -1, -1);
                expect(TokenKind.SEMICOLON);
                return new PlpgsqlStatement.Sql(query, null, false);
            }
            case "null" -> {
                next();
                expect(TokenKind.SEMICOLON);
                return new PlpgsqlStatement.Nothing();
            }
            case "get" -> {
                return getDiagnostics();
            }
            case "execute" -> {
                return execute();
            }
            case "assert" -> {
                next();
                SqlFragment condition = expression(Set.of(), true, true);
                SqlFragment message = null;
                if (accept(TokenKind.COMMA)) {
                    message = expression(Set.of(), true);
                }
                expect(TokenKind.SEMICOLON);
                return new PlpgsqlStatement.Assert(condition, message);
            }
            case "open", "fetch", "move", "close" -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "cursors in PL/pgSQL are not supported yet");
            case "commit", "rollback" -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "transaction control in PL/pgSQL is not supported yet");
            default -> {
                PlpgsqlStatement assignment = assignment();
                return assignment != null ? assignment : sql();
            }
        }
    }

    private List<PlpgsqlStatement> loopBody(String label) {
        List<PlpgsqlStatement> body = statements(Set.of("end"));
        expectWord("end");
        expectWord("loop");
        if (!peek().is(TokenKind.SEMICOLON)) {
            String closing = identifier();
            if (label == null || !label.equals(closing)) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "end label \"" + closing + "\" differs from block's"
                        + " label \"" + label + "\"");
            }
        }
        expect(TokenKind.SEMICOLON);
        return body;
    }

    private PlpgsqlStatement ifStatement() {
        expectWord("if");
        List<SqlFragment> conditions = new ArrayList<>();
        List<List<PlpgsqlStatement>> branches = new ArrayList<>();
        List<PlpgsqlStatement> otherwise = List.of();
        conditions.add(expression(Set.of("then"), false));
        expectWord("then");
        branches.add(statements(Set.of("elsif", "elseif", "else", "end")));
        while (true) {
            if (acceptWord("elsif") || acceptWord("elseif")) {
                conditions.add(expression(Set.of("then"), false));
                expectWord("then");
                branches.add(statements(Set.of("elsif", "elseif", "else", "end")));
            } else if (acceptWord("else")) {
                otherwise = statements(Set.of("end"));
            } else {
                break;
            }
        }
        expectWord("end");
        expectWord("if");
        expect(TokenKind.SEMICOLON);
        return new PlpgsqlStatement.If(conditions, branches, otherwise);
    }

    private PlpgsqlStatement caseStatement() {
        expectWord("case");
        int operandStart = at;
        SqlFragment operand = null;
        int operandEnd = at;
        if (!isWord(peek(), "when")) {
            operand = expression(Set.of("when"), false);
            operandEnd = at;
        }
        List<SqlFragment> conditions = new ArrayList<>();
        List<List<PlpgsqlStatement>> branches = new ArrayList<>();
        List<PlpgsqlStatement> otherwise = null;
        while (acceptWord("when")) {
            int start = at;
            skipExpression(Set.of("then"), false);
            if (operand == null) {
                conditions.add(compile(start, at, "SELECT ", -1, -1));
            } else {
                // operand IN (values): the operand's text is compiled again inside the test
                String values = text.substring(tokens.get(start).start(), tokens.get(at - 1).end());
                conditions.add(compileText("SELECT (" + text.substring(tokens.get(operandStart).start(),
                        tokens.get(operandEnd - 1).end()) + ") IN (" + values + ")"));
            }
            expectWord("then");
            branches.add(statements(Set.of("when", "else", "end")));
        }
        if (acceptWord("else")) {
            otherwise = statements(Set.of("end"));
        }
        expectWord("end");
        expectWord("case");
        expect(TokenKind.SEMICOLON);
        return new PlpgsqlStatement.Case(conditions, branches, otherwise);
    }

    private PlpgsqlStatement forStatement(String label) {
        expectWord("for");
        List<String> names = new ArrayList<>();
        names.add(identifier());
        while (accept(TokenKind.COMMA)) {
            names.add(identifier());
        }
        expectWord("in");
        if (acceptWord("execute")) {
            SqlFragment query = expression(Set.of("loop", "using"), false);
            List<SqlFragment> using = using(Set.of("loop"));
            expectWord("loop");
            List<Target> targets = loopTargets(names);
            return new PlpgsqlStatement.ForQuery(label, targets, query, true, using, loopBody(label));
        }
        boolean reverse = names.size() == 1 && acceptWord("reverse");
        int start = at;
        int rangeDots = findRange();
        if (rangeDots >= 0 && names.size() == 1) {
            SqlFragment lower = compile(start, rangeDots, "SELECT ", -1, -1);
            at = rangeDots + 1;
            SqlFragment upper = expression(Set.of("loop", "by"), false);
            SqlFragment step = null;
            if (acceptWord("by")) {
                step = expression(Set.of("loop"), false);
            }
            expectWord("loop");
            variables.push();
            try {
                int slot = variables.declare(names.getFirst(), VariableType.of(io.basalt.type.LogicalType.INTEGER));
                return new PlpgsqlStatement.ForRange(label, slot, reverse, lower, upper, step, loopBody(label));
            } finally {
                variables.pop();
            }
        }
        at = start;
        skipExpression(Set.of("loop"), false);
        SqlFragment query = compile(start, at, "", -1, -1);
        expectWord("loop");
        List<Target> targets = loopTargets(names);
        return new PlpgsqlStatement.ForQuery(label, targets, query, false, List.of(), loopBody(label));
    }

    /** A query loop's targets; an undeclared single name becomes a record variable of the loop. */
    private List<Target> loopTargets(List<String> names) {
        List<Target> targets = new ArrayList<>();
        for (String name : names) {
            int slot = variables.lookup(name);
            if (slot < 0) {
                if (names.size() > 1) {
                    throw BasaltException.of(SqlState.SYNTAX_ERROR, "\"" + name + "\" is not a known variable");
                }
                slot = variables.declare(name, VariableType.RECORD);
            }
            targets.add(new Target(slot, null));
        }
        return targets;
    }

    /** Where {@code ..} of an integer FOR range is, scanning to LOOP at depth 0; -1 when there is none. */
    private int findRange() {
        int depth = 0;
        for (int i = at; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.is(TokenKind.LEFT_PAREN) || token.is(TokenKind.LEFT_BRACKET)) {
                depth++;
            } else if (token.is(TokenKind.RIGHT_PAREN) || token.is(TokenKind.RIGHT_BRACKET)) {
                depth--;
            } else if (depth == 0 && token.is(TokenKind.DOT_DOT)) {
                return i;
            } else if (depth == 0 && (isWord(token, "loop") || token.is(TokenKind.SEMICOLON)
                    || token.is(TokenKind.END_OF_INPUT))) {
                return -1;
            }
        }
        return -1;
    }

    private PlpgsqlStatement forEachStatement(String label) {
        expectWord("foreach");
        String name = identifier();
        if (acceptWord("slice")) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "FOREACH ... SLICE is not supported yet");
        }
        expectWord("in");
        expectWord("array");
        SqlFragment array = expression(Set.of("loop"), false);
        expectWord("loop");
        int slot = variables.lookup(name);
        if (slot < 0) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, "\"" + name + "\" is not a known variable");
        }
        return new PlpgsqlStatement.ForEach(label, slot, array, loopBody(label));
    }

    private PlpgsqlStatement returnStatement() {
        expectWord("return");
        if (acceptWord("next")) {
            if (accept(TokenKind.SEMICOLON)) {
                return new PlpgsqlStatement.ReturnNext(null, -1);
            }
            int record = recordAlone();
            SqlFragment value = record >= 0 ? null : expression(Set.of(), true);
            expect(TokenKind.SEMICOLON);
            return new PlpgsqlStatement.ReturnNext(value, record);
        }
        if (acceptWord("query")) {
            if (acceptWord("execute")) {
                SqlFragment query = expression(Set.of("using"), true);
                List<SqlFragment> using = using(Set.of());
                expect(TokenKind.SEMICOLON);
                return new PlpgsqlStatement.ReturnQuery(query, true, using);
            }
            int start = at;
            skipToSemicolon();
            SqlFragment query = compile(start, at, "", -1, -1);
            expect(TokenKind.SEMICOLON);
            return new PlpgsqlStatement.ReturnQuery(query, false, List.of());
        }
        if (accept(TokenKind.SEMICOLON)) {
            return new PlpgsqlStatement.Return(null, -1);
        }
        int record = recordAlone();
        SqlFragment value = record >= 0 ? null : expression(Set.of(), true);
        expect(TokenKind.SEMICOLON);
        return new PlpgsqlStatement.Return(value, record);
    }

    /** The slot of a record variable written alone before {@code ;} (consumed), or -1. */
    private int recordAlone() {
        Token token = peek();
        if ((token.kind() == TokenKind.IDENTIFIER || token.kind() == TokenKind.QUOTED_IDENTIFIER)
                && peek(1).is(TokenKind.SEMICOLON)) {
            int slot = variables.lookup(token.value());
            if (slot >= 0 && variables.type(slot).record()) {
                next();
                return slot;
            }
        }
        return -1;
    }

    private List<SqlFragment> using(Set<String> stops) {
        List<SqlFragment> using = new ArrayList<>();
        if (acceptWord("using")) {
            do {
                using.add(expression(stops, true, true));
            } while (accept(TokenKind.COMMA));
        }
        return using;
    }

    private PlpgsqlStatement raise() {
        expectWord("raise");
        if (accept(TokenKind.SEMICOLON)) {
            return new PlpgsqlStatement.Raise(null, null, null, List.of(), List.of(), List.of());
        }
        String level = "exception";
        Token token = peek();
        if (token.kind() == TokenKind.IDENTIFIER && Set.of("debug", "log", "info", "notice", "warning", "exception")
                .contains(token.value())) {
            level = next().value();
        }
        String format = null;
        String condition = null;
        List<SqlFragment> arguments = new ArrayList<>();
        if (peek().is(TokenKind.STRING)) {
            format = next().value();
            while (accept(TokenKind.COMMA)) {
                arguments.add(expression(Set.of("using"), true, true));
            }
        } else if (acceptWord("sqlstate")) {
            condition = "sqlstate:" + next().value();
        } else if (!isWord(peek(), "using") && !peek().is(TokenKind.SEMICOLON)) {
            condition = identifier();
        }
        List<String> names = new ArrayList<>();
        List<SqlFragment> values = new ArrayList<>();
        if (acceptWord("using")) {
            do {
                names.add(identifier());
                if (!accept(TokenKind.COLON_EQUALS) && !acceptOperator("=")) {
                    throw syntaxError(peek());
                }
                values.add(expression(Set.of(), true, true));
            } while (accept(TokenKind.COMMA));
        }
        expect(TokenKind.SEMICOLON);
        return new PlpgsqlStatement.Raise(level, condition, format, arguments, names, values);
    }

    private PlpgsqlStatement getDiagnostics() {
        expectWord("get");
        if (acceptWord("stacked")) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "GET STACKED DIAGNOSTICS is not supported yet");
        }
        acceptWord("current");
        expectWord("diagnostics");
        List<Integer> slots = new ArrayList<>();
        List<String> items = new ArrayList<>();
        do {
            String name = identifier();
            int slot = variables.lookup(name);
            if (slot < 0) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "\"" + name + "\" is not a scalar variable");
            }
            if (!accept(TokenKind.COLON_EQUALS) && !acceptOperator("=")) {
                throw syntaxError(peek());
            }
            String item = identifier();
            if (!item.equals("row_count")) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "GET DIAGNOSTICS " + item + " is not supported yet");
            }
            slots.add(slot);
            items.add(item);
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.SEMICOLON);
        return new PlpgsqlStatement.GetDiagnostics(slots, items);
    }

    private PlpgsqlStatement execute() {
        expectWord("execute");
        SqlFragment command = expression(Set.of("into", "using"), true);
        List<Target> into = List.of();
        boolean strict = false;
        List<SqlFragment> using = List.of();
        for (int clause = 0; clause < 2; clause++) {
            if (acceptWord("into")) {
                strict = acceptWord("strict");
                into = targets();
            } else if (isWord(peek(), "using")) {
                using = using(Set.of("into"));
            }
        }
        expect(TokenKind.SEMICOLON);
        return new PlpgsqlStatement.Execute(command, into, strict, using);
    }

    /** {@code target [, target ...]}: variables or record fields. */
    private List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        do {
            String name = identifier();
            int slot = variables.lookup(name);
            if (slot < 0) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "\"" + name + "\" is not a known variable");
            }
            String field = null;
            if (peek().is(TokenKind.DOT) && variables.type(slot).record()) {
                next();
                field = identifier();
            }
            targets.add(new Target(slot, field));
        } while (accept(TokenKind.COMMA));
        return targets;
    }

    /** {@code name [. field] := expression ;} when the cursor is at one; else null (cursor unmoved). */
    private PlpgsqlStatement assignment() {
        Token first = peek();
        if (first.kind() != TokenKind.IDENTIFIER && first.kind() != TokenKind.QUOTED_IDENTIFIER) {
            return null;
        }
        int slot = variables.lookup(first.value());
        if (slot < 0) {
            if (peek(1).is(TokenKind.COLON_EQUALS)) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "\"" + first.value() + "\" is not a known variable");
            }
            return null;
        }
        String field = null;
        int operator = 1;
        if (peek(1).is(TokenKind.DOT) && (peek(2).kind() == TokenKind.IDENTIFIER
                || peek(2).kind() == TokenKind.QUOTED_IDENTIFIER)) {
            field = peek(2).value();
            operator = 3;
        } else if (peek(1).is(TokenKind.LEFT_BRACKET)) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "assigning to array elements is not supported yet");
        }
        Token assign = peek(operator);
        if (!assign.is(TokenKind.COLON_EQUALS) && !assign.isOperator("=")) {
            return null;
        }
        at += operator + 1;
        SqlFragment value = expression(Set.of(), true);
        expect(TokenKind.SEMICOLON);
        return new PlpgsqlStatement.Assign(slot, field, value, 0);
    }

    /** An SQL statement up to {@code ;}, with its INTO clause taken out. */
    private PlpgsqlStatement sql() {
        int start = at;
        skipToSemicolon();
        int end = at;
        expect(TokenKind.SEMICOLON);
        String first = tokens.get(start).kind() == TokenKind.IDENTIFIER ? tokens.get(start).value() : "";
        int into = -1;
        int depth = 0;
        boolean returning = false;
        for (int i = start; i < end; i++) {
            Token token = tokens.get(i);
            if (token.is(TokenKind.LEFT_PAREN)) {
                depth++;
            } else if (token.is(TokenKind.RIGHT_PAREN)) {
                depth--;
            } else if (depth == 0 && isWord(token, "returning")) {
                returning = true;
            } else if (depth == 0 && isWord(token, "into")) {
                boolean selectInto = (first.equals("select") || first.equals("with")) && !returning
                        && !(i > start && isWord(tokens.get(i - 1), "insert"));
                if (selectInto || returning) {
                    into = i;
                    break;
                }
            }
        }
        if (into < 0) {
            return new PlpgsqlStatement.Sql(compile(start, end, "", -1, -1), List.of(), false);
        }
        int saved = at;
        at = into + 1;
        boolean strict = acceptWord("strict");
        List<Target> targets = targets();
        int intoEnd = at;
        at = saved;
        return new PlpgsqlStatement.Sql(compile(start, end, "", into, intoEnd), targets, strict);
    }

    // ---- expressions ---------------------------------------------------------------------------------------------

    private void skipToSemicolon() {
        int depth = 0;
        while (!peek().is(TokenKind.END_OF_INPUT)) {
            Token token = peek();
            if (token.is(TokenKind.LEFT_PAREN)) {
                depth++;
            } else if (token.is(TokenKind.RIGHT_PAREN)) {
                depth--;
            } else if (depth <= 0 && token.is(TokenKind.SEMICOLON)) {
                return;
            }
            next();
        }
        throw syntaxError(peek());
    }

    /**
     * Moves past an expression: to the first of {@code stops} (or {@code ;} when {@code toSemicolon}) outside
     * parentheses, brackets and CASE ... END.
     */
    private void skipExpression(Set<String> stops, boolean toSemicolon) {
        skipExpression(stops, toSemicolon, false);
    }

    private void skipExpression(Set<String> stops, boolean toSemicolon, boolean stopAtComma) {
        int depth = 0;
        int cases = 0;
        int start = at;
        while (true) {
            Token token = peek();
            if (token.is(TokenKind.END_OF_INPUT)) {
                throw syntaxError(token);
            }
            if (token.is(TokenKind.LEFT_PAREN) || token.is(TokenKind.LEFT_BRACKET)) {
                depth++;
            } else if (token.is(TokenKind.RIGHT_PAREN) || token.is(TokenKind.RIGHT_BRACKET)) {
                depth--;
            } else if (depth == 0 && isWord(token, "case")) {
                cases++;
            } else if (depth == 0 && cases > 0 && isWord(token, "end")) {
                cases--;
            } else if (depth == 0 && cases == 0) {
                if (token.kind() == TokenKind.IDENTIFIER && stops.contains(token.value())
                        || token.is(TokenKind.SEMICOLON) && (toSemicolon || stops.isEmpty())
                        || stopAtComma && token.is(TokenKind.COMMA)) {
                    if (at == start) {
                        throw syntaxError(token);
                    }
                    return;
                }
            }
            next();
        }
    }

    private SqlFragment expression(Set<String> stops, boolean toSemicolon) {
        return expression(stops, toSemicolon, false);
    }

    /** An expression up to the next stop, compiled as {@code SELECT expression}. */
    private SqlFragment expression(Set<String> stops, boolean toSemicolon, boolean stopAtComma) {
        int start = at;
        skipExpression(stops, toSemicolon, stopAtComma);
        return compile(start, at, "SELECT ", -1, -1);
    }

    private SqlFragment compileText(String sql) {
        return new PlpgsqlParser(sql, variables).compile(0, new PlpgsqlParser(sql, variables).tokens.size() - 1, "",
                -1, -1);
    }

    /**
     * Compiles tokens {@code [from, to)} (without those of {@code [skipFrom, skipTo)}) behind {@code prefix}:
     * variable references become parameters; the result is parsed at once.
     */
    /**
     * Whether the word at {@code i} is the OLD or NEW a RETURNING WITH (OLD AS o, NEW AS n) renames, not a value:
     * followed by AS, right after the list's opening parenthesis or its first item.
     */
    private boolean returningAlias(int i, int from) {
        if (i + 1 >= tokens.size() || !isWord(tokens.get(i + 1), "as")) {
            return false;
        }
        int open = i - 1 >= from && tokens.get(i - 1).is(TokenKind.LEFT_PAREN) ? i - 1
                : i - 4 >= from && tokens.get(i - 1).is(TokenKind.COMMA) && tokens.get(i - 4).is(TokenKind.LEFT_PAREN)
                ? i - 4 : -1;
        return open - 1 >= from && isWord(tokens.get(open - 1), "with");
    }

    private SqlFragment compile(int from, int to, String prefix, int skipFrom, int skipTo) {
        StringBuilder sql = new StringBuilder(prefix);
        List<SqlFragment.Reference> references = new ArrayList<>();
        int copied = tokens.get(from).start();
        boolean insertColumns = false;
        boolean updating = from < to && isWord(tokens.get(from), "update");
        int parenthesis = 0;
        // for each open parenthesis, whether it holds a query (so a FROM in it begins a clause, not EXTRACT's FROM)
        Deque<Boolean> queries = new ArrayDeque<>();
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.is(TokenKind.LEFT_PAREN)) {
                queries.push(i + 1 < to && (isWord(tokens.get(i + 1), "select") || isWord(tokens.get(i + 1), "with")
                        || isWord(tokens.get(i + 1), "values")));
            } else if (token.is(TokenKind.RIGHT_PAREN) && !queries.isEmpty()) {
                queries.pop();
            }
            if (i == skipFrom) {
                sql.append(text, copied, token.start()).append(' ');
                i = skipTo - 1;
                copied = tokens.get(skipTo).start();
                continue;
            }
            if (token.is(TokenKind.LEFT_PAREN)) {
                parenthesis++;
                // INSERT INTO name ( columns ): the column names are never variables
                if (i >= from + 3 && isWord(tokens.get(from), "insert") && parenthesis == 1 && !insertColumns
                        && precededByTableName(i, from)) {
                    insertColumns = true;
                    int close = i;
                    while (close < to && !tokens.get(close).is(TokenKind.RIGHT_PAREN)) {
                        close++;
                    }
                    sql.append(text, copied, tokens.get(close).start());
                    copied = tokens.get(close).start();
                    i = close - 1;
                    parenthesis--;
                    continue;
                }
            } else if (token.is(TokenKind.RIGHT_PAREN)) {
                parenthesis--;
            }
            if (token.kind() == TokenKind.PARAMETER) {
                int slot = variables.parameterSlot(Integer.parseInt(token.value()));
                if (slot >= 0) {
                    sql.append(text, copied, token.start()).append('$')
                            .append(reference(references, new SqlFragment.VariableReference(slot)));
                    copied = token.end();
                }
                continue;
            }
            if (token.kind() != TokenKind.IDENTIFIER && token.kind() != TokenKind.QUOTED_IDENTIFIER) {
                continue;
            }
            Token previous = i > from ? tokens.get(i - 1) : null;
            Token following = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (previous != null && (previous.is(TokenKind.DOT) || isWord(previous, "as"))) {
                continue;
            }
            if (previous != null && (isWord(previous, "join")
                    || isWord(previous, "from") && (queries.isEmpty() || queries.peek())
                    && !(i - 2 >= from && isWord(tokens.get(i - 2), "distinct")))) {
                // a table name (a transition table may be called old or new), never a variable; not IS DISTINCT FROM
                continue;
            }
            if (following != null && following.is(TokenKind.LEFT_PAREN)) {
                continue;
            }
            if (updating && following != null && following.isOperator("=") && previous != null
                    && (isWord(previous, "set") || previous.is(TokenKind.COMMA))) {
                continue;
            }
            int slot = variables.lookup(token.value());
            if (slot < 0) {
                continue;
            }
            if (variables.type(slot).record()) {
                if (following != null && following.is(TokenKind.DOT) && i + 2 < to
                        && (tokens.get(i + 2).kind() == TokenKind.IDENTIFIER
                        || tokens.get(i + 2).kind() == TokenKind.QUOTED_IDENTIFIER)) {
                    Token field = tokens.get(i + 2);
                    sql.append(text, copied, token.start()).append('$').append(reference(references,
                            new SqlFragment.FieldReference(slot, field.value())));
                    copied = field.end();
                    i += 2;
                } else if ((following == null || !following.is(TokenKind.DOT)) && !returningAlias(i, from)) {
                    // the whole row, as a composite value
                    sql.append(text, copied, token.start()).append('$').append(reference(references,
                            new SqlFragment.RecordReference(slot)));
                    copied = token.end();
                }
                continue;
            }
            if (following != null && following.is(TokenKind.DOT)) {
                LogicalType scalar = variables.type(slot).scalar();
                if (scalar != null && scalar.isRecord() && i + 2 < to
                        && scalar.record().indexOf(tokens.get(i + 2).value()) >= 0) {
                    // v.f of a composite-typed variable: the field of the variable's value
                    sql.append(text, copied, token.start()).append("($")
                            .append(reference(references, new SqlFragment.VariableReference(slot))).append(')');
                    copied = token.end();
                }
                continue;
            }
            sql.append(text, copied, token.start()).append('$')
                    .append(reference(references, new SqlFragment.VariableReference(slot)));
            copied = token.end();
            if (token.value().equals("tg_argv") && following != null && following.is(TokenKind.LEFT_BRACKET)) {
                // TG_ARGV counts from 0; the array passed for it from 1
                sql.append(text, copied, following.end()).append("1 + ");
                copied = following.end();
                i++;
            }
        }
        int end = to > from ? tokens.get(to - 1).end() : copied;
        if (copied < end) {
            sql.append(text, copied, end);
        }
        String written = to > from ? text.substring(tokens.get(from).start(), end) : "";
        String compiled = sql.toString();
        Statement statement;
        try {
            statement = Parser.parseStatement(compiled);
        } catch (BasaltException syntax) {
            throw BasaltException.of(syntax.sqlState(), syntax.getMessage())
                    .withContext("SQL statement \"" + compiled + "\"");
        }
        return new SqlFragment(written, compiled, statement, references);
    }

    /** Whether {@code paren} opens the column list of {@code INSERT INTO name (} or {@code INSERT INTO s.name (}. */
    private boolean precededByTableName(int paren, int from) {
        int i = from + 1;
        if (!isWord(tokens.get(i), "into")) {
            return false;
        }
        i++;
        if (!isName(tokens.get(i))) {
            return false;
        }
        i++;
        if (tokens.get(i).is(TokenKind.DOT) && isName(tokens.get(i + 1))) {
            i += 2;
        }
        return i == paren;
    }

    private static boolean isName(Token token) {
        return token.kind() == TokenKind.QUOTED_IDENTIFIER
                || token.kind() == TokenKind.IDENTIFIER && token.keyword() == null;
    }

    private static int reference(List<SqlFragment.Reference> references, SqlFragment.Reference reference) {
        int index = references.indexOf(reference);
        if (index < 0) {
            references.add(reference);
            index = references.size() - 1;
        }
        return index + 1;
    }
}
