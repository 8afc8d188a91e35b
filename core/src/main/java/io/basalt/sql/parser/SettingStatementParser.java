package io.basalt.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.ResetStatement;
import io.basalt.sql.ast.SetConstraintsStatement;
import io.basalt.sql.ast.SetStatement;
import io.basalt.sql.ast.SettingValue;
import io.basalt.sql.ast.ShowStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.KeywordCategory;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SET}, {@code SHOW} and {@code RESET} of configuration parameters, with PostgreSQL's grammar for
 * their values: words that are not reserved keywords, strings, and signed numbers, in a comma-separated list
 * (whether a parameter takes a list is the engine's business). The special spellings {@code SET TIME ZONE},
 * {@code SET NAMES}, {@code SET SCHEMA}, {@code SHOW TIME ZONE}, {@code SHOW TRANSACTION ISOLATION LEVEL} and
 * {@code RESET TIME ZONE} become the generic form of the parameter they set. Forms about roles, transactions and
 * XML end the statement as unsupported. A keyword such as {@code TIME} or {@code LOCAL} followed by {@code =} or
 * {@code TO} is a parameter name, as in PostgreSQL ({@code SET local = 1} names a parameter "local").
 */
final class SettingStatementParser extends ParserBase {
    SettingStatementParser(Grammar grammar) {
        super(grammar);
    }

    /** {@code SET ...} at the cursor. */
    Statement set() {
        Token set = tokens.expect(Keyword.SET);
        boolean local = false;
        if ((tokens.at(Keyword.LOCAL) || tokens.at(Keyword.SESSION)) && !namesParameter(1)
                && !tokens.peek(1).is(Keyword.AUTHORIZATION) && !tokens.peek(1).is(Keyword.CHARACTERISTICS)) {
            local = tokens.next().is(Keyword.LOCAL);
        }
        Token first = current();
        if (first.is(Keyword.TRANSACTION) && !namesParameter(1)) {
            return grammar.transactions().setTransaction(set.position());
        }
        if (first.is(Keyword.SESSION) && !namesParameter(1)) {
            if (tokens.peek(1).is(Keyword.CHARACTERISTICS)) {
                return grammar.transactions().setTransaction(set.position());
            }
            tokens.next();
            tokens.expect(Keyword.AUTHORIZATION);
            throw unsupported("SET SESSION AUTHORIZATION");
        }
        if (first.is(Keyword.TIME) && tokens.peek(1).is(Keyword.ZONE)) {
            tokens.next();
            tokens.next();
            return timeZone(local, set.position());
        }
        if (first.is(Keyword.CATALOG) && !namesParameter(1)) {
            tokens.next();
            Token database = tokens.expect(TokenKind.STRING);
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, database.position(),
                    "current database cannot be changed");
        }
        if (first.is(Keyword.SCHEMA) && !namesParameter(1)) {
            tokens.next();
            Token schema = tokens.expect(TokenKind.STRING);
            return new SetStatement("search_path", SetStatement.Mode.VALUES,
                    List.of(SettingValue.string(schema.value(), schema.position())), local, set.position());
        }
        if (first.is(Keyword.NAMES) && !namesParameter(1)) {
            tokens.next();
            if (tokens.at(TokenKind.STRING)) {
                Token encoding = tokens.next();
                return new SetStatement("client_encoding", SetStatement.Mode.VALUES,
                        List.of(SettingValue.string(encoding.value(), encoding.position())), local, set.position());
            }
            tokens.accept(Keyword.DEFAULT);
            return new SetStatement("client_encoding", SetStatement.Mode.DEFAULT, List.of(), local, set.position());
        }
        if ((first.is(Keyword.ROLE) || first.is(Keyword.XML)) && !namesParameter(1)) {
            throw unsupported(first.is(Keyword.ROLE) ? "SET ROLE" : "SET XML OPTION");
        }
        if (first.is(Keyword.CONSTRAINTS) && !namesParameter(1)) {
            tokens.next();
            List<QualifiedName> names = null;
            if (!tokens.accept(Keyword.ALL)) {
                names = new ArrayList<>();
                do {
                    names.add(grammar.names().qualifiedName());
                } while (tokens.accept(TokenKind.COMMA));
            }
            boolean deferred = tokens.accept(Keyword.DEFERRED);
            if (!deferred) {
                tokens.expect(Keyword.IMMEDIATE);
            }
            return new SetConstraintsStatement(names, deferred, set.position());
        }
        String name = parameterName();
        if (tokens.accept(Keyword.FROM)) {
            tokens.expect(Keyword.CURRENT);
            return new SetStatement(name, SetStatement.Mode.FROM_CURRENT, List.of(), local, set.position());
        }
        if (!tokens.accept(Keyword.TO) && !tokens.acceptOperator("=")) {
            throw tokens.syntaxError();
        }
        if (tokens.accept(Keyword.DEFAULT)) {
            return new SetStatement(name, SetStatement.Mode.DEFAULT, List.of(), local, set.position());
        }
        List<SettingValue> values = new ArrayList<>();
        do {
            values.add(value());
        } while (tokens.accept(TokenKind.COMMA));
        return new SetStatement(name, SetStatement.Mode.VALUES, values, local, set.position());
    }

    /** {@code SHOW ...} at the cursor. */
    ShowStatement show() {
        Token show = tokens.expect(Keyword.SHOW);
        if (tokens.accept(Keyword.ALL)) {
            return new ShowStatement("all", show.position());
        }
        if (tokens.at(Keyword.TIME) && tokens.peek(1).is(Keyword.ZONE)) {
            tokens.next();
            tokens.next();
            return new ShowStatement("timezone", show.position());
        }
        if (tokens.at(Keyword.TRANSACTION) && tokens.peek(1).is(Keyword.ISOLATION)) {
            transactionIsolationLevel();
            return new ShowStatement("transaction_isolation", show.position());
        }
        if (tokens.at(Keyword.SESSION) && tokens.peek(1).is(Keyword.AUTHORIZATION)) {
            throw unsupported("SHOW SESSION AUTHORIZATION");
        }
        return new ShowStatement(parameterName(), show.position());
    }

    /** {@code RESET ...} at the cursor. */
    ResetStatement reset() {
        Token reset = tokens.expect(Keyword.RESET);
        if (tokens.accept(Keyword.ALL)) {
            return new ResetStatement(null, reset.position());
        }
        if (tokens.at(Keyword.TIME) && tokens.peek(1).is(Keyword.ZONE)) {
            tokens.next();
            tokens.next();
            return new ResetStatement("timezone", reset.position());
        }
        if (tokens.at(Keyword.TRANSACTION) && tokens.peek(1).is(Keyword.ISOLATION)) {
            transactionIsolationLevel();
            return new ResetStatement("transaction_isolation", reset.position());
        }
        if (tokens.at(Keyword.SESSION) && tokens.peek(1).is(Keyword.AUTHORIZATION)) {
            throw unsupported("RESET SESSION AUTHORIZATION");
        }
        if (tokens.at(Keyword.ROLE) && !tokens.peek(1).is(TokenKind.DOT)) {
            throw unsupported("RESET ROLE");
        }
        return new ResetStatement(parameterName(), reset.position());
    }

    private void transactionIsolationLevel() {
        tokens.expect(Keyword.TRANSACTION);
        tokens.expect(Keyword.ISOLATION);
        tokens.expect(Keyword.LEVEL);
    }

    /** Whether the token {@code ahead} places on is {@code =} or {@code TO}, making the word before it a name. */
    private boolean namesParameter(int ahead) {
        Token next = tokens.peek(ahead);
        return next.isOperator("=") || next.is(Keyword.TO);
    }

    /** PostgreSQL's {@code var_name}: {@code ColId [. ColId ...]}, joined with dots. */
    private String parameterName() {
        StringBuilder name = new StringBuilder(grammar.names().columnId());
        while (tokens.accept(TokenKind.DOT)) {
            name.append('.').append(grammar.names().columnId());
        }
        return name.toString();
    }

    /** PostgreSQL's {@code var_value}: {@code TRUE}, {@code FALSE}, {@code ON}, a non-reserved word, a string or a number. */
    private SettingValue value() {
        Token token = current();
        if (token.is(TokenKind.STRING) || isNonReservedWord(token)) {
            tokens.next();
            return SettingValue.string(token.value(), token.position());
        }
        if (token.is(Keyword.TRUE) || token.is(Keyword.FALSE) || token.is(Keyword.ON)) {
            tokens.next();
            return SettingValue.string(token.keyword().text(), token.position());
        }
        return number();
    }

    /**
     * PostgreSQL's {@code NumericOnly}: an optionally signed number. Integers that fit in 32 bits are written
     * back in canonical form, as PostgreSQL keeps them as integers ({@code -007} is "-7"); other numbers keep
     * their spelling, with a minus sign when negated and without a plus.
     */
    private SettingValue number() {
        Token start = current();
        boolean negative = false;
        if (tokens.atOperator("-") || tokens.atOperator("+")) {
            negative = tokens.next().isOperator("-");
        }
        Token number = tokens.expect(TokenKind.NUMBER);
        String text = number.value();
        if (isDigits(text)) {
            try {
                long value = Long.parseLong(text);
                long signed = negative ? -value : value;
                if (signed == (int) signed) {
                    return SettingValue.number(Long.toString(signed), start.position());
                }
            } catch (NumberFormatException tooLong) {
                // beyond 64 bits: kept as written, as PostgreSQL keeps a float constant
            }
        }
        return SettingValue.number(negative ? "-" + text : text, start.position());
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** PostgreSQL's {@code NonReservedWord}: an identifier or any keyword that is not reserved. */
    private static boolean isNonReservedWord(Token token) {
        if (token.is(TokenKind.QUOTED_IDENTIFIER)) {
            return true;
        }
        if (!token.is(TokenKind.IDENTIFIER)) {
            return false;
        }
        return token.keyword() == null || token.keyword().category() != KeywordCategory.RESERVED;
    }

    /**
     * PostgreSQL's {@code zone_value}: a string, a plain identifier, a number, {@code DEFAULT} or {@code LOCAL}
     * (both meaning the default), or {@code INTERVAL ['(' precision ')'] 'text' [qualifier]}.
     */
    private SetStatement timeZone(boolean local, int position) {
        Token token = current();
        if (token.is(Keyword.DEFAULT) || token.is(Keyword.LOCAL)) {
            tokens.next();
            return new SetStatement("timezone", SetStatement.Mode.DEFAULT, List.of(), local, position);
        }
        SettingValue value;
        if (token.is(TokenKind.STRING) || NameParser.isPlainName(token)) {
            tokens.next();
            value = SettingValue.string(token.value(), token.position());
        } else if (token.is(Keyword.INTERVAL)) {
            value = interval();
        } else {
            value = number();
        }
        return new SetStatement("timezone", SetStatement.Mode.VALUES, List.of(value), local, position);
    }

    private SettingValue interval() {
        Token interval = tokens.expect(Keyword.INTERVAL);
        String precision = null;
        if (tokens.accept(TokenKind.LEFT_PAREN)) {
            precision = tokens.expect(TokenKind.NUMBER).value();
            tokens.expect(TokenKind.RIGHT_PAREN);
        }
        Token text = tokens.expect(TokenKind.STRING);
        String qualifier = precision == null ? intervalQualifier() : null;
        return new SettingValue(SettingValue.Kind.INTERVAL, text.value(), qualifier, interval.position());
    }

    /** {@code YEAR}, {@code DAY TO SECOND(3)} and the other interval field qualifiers, as lower-case text, or null. */
    private String intervalQualifier() {
        Keyword first = current().keyword();
        if (first == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        switch (first) {
            case YEAR, DAY, HOUR, MINUTE -> {
                text.append(tokens.next().value());
                if (tokens.accept(Keyword.TO)) {
                    Token last = current();
                    boolean allowed = switch (first) {
                        case YEAR -> last.is(Keyword.MONTH);
                        case DAY -> last.is(Keyword.HOUR) || last.is(Keyword.MINUTE) || last.is(Keyword.SECOND);
                        case HOUR -> last.is(Keyword.MINUTE) || last.is(Keyword.SECOND);
                        default -> last.is(Keyword.SECOND);
                    };
                    if (!allowed) {
                        throw tokens.syntaxError();
                    }
                    text.append(" to ").append(secondOrField());
                }
            }
            case MONTH -> text.append(tokens.next().value());
            case SECOND -> text.append(secondOrField());
            default -> {
                return null;
            }
        }
        return text.toString();
    }

    private String secondOrField() {
        Token field = tokens.next();
        if (field.is(Keyword.SECOND) && tokens.accept(TokenKind.LEFT_PAREN)) {
            String precision = tokens.expect(TokenKind.NUMBER).value();
            tokens.expect(TokenKind.RIGHT_PAREN);
            return "second(" + precision + ")";
        }
        return field.value();
    }
}
