package io.basalt.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.AlterSequenceStatement;
import io.basalt.sql.ast.CreateSequenceStatement;
import io.basalt.sql.ast.DropSequenceStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.SequenceOption;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CREATE [UNLOGGED] SEQUENCE [IF NOT EXISTS] name [options]}, {@code ALTER SEQUENCE [IF EXISTS] name
 * options}, {@code DROP SEQUENCE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}, and the option list that an
 * identity column shares with them (PostgreSQL's {@code SeqOptElem}), and {@code ALTER SEQUENCE name RENAME TO
 * new | SET SCHEMA schema | SET {LOGGED | UNLOGGED}} ({@code OWNER TO} is a privilege statement). {@code UNLOGGED}
 * only affects crash safety in PostgreSQL and is accepted as an ordinary sequence.
 */
final class SequenceParser extends ParserBase {
    private static final BigInteger MIN_BIGINT = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_BIGINT = BigInteger.valueOf(Long.MAX_VALUE);

    SequenceParser(Grammar grammar) {
        super(grammar);
    }

    /** Whether the cursor is at {@code CREATE [GLOBAL | LOCAL] [TEMP | TEMPORARY | UNLOGGED] SEQUENCE}. */
    boolean atCreateSequence() {
        return atCreateWithPersistence(Keyword.SEQUENCE);
    }

    CreateSequenceStatement createSequence() {
        Token create = tokens.expect(Keyword.CREATE);
        boolean temporary = false;
        if (tokens.at(Keyword.GLOBAL) || tokens.at(Keyword.LOCAL)) {
            tokens.next();
        }
        if (tokens.at(Keyword.TEMP) || tokens.at(Keyword.TEMPORARY)) {
            tokens.next();
            temporary = true;
        }
        tokens.accept(Keyword.UNLOGGED);
        tokens.expect(Keyword.SEQUENCE);
        boolean ifNotExists = false;
        if (tokens.accept(Keyword.IF)) {
            tokens.expect(Keyword.NOT);
            tokens.expect(Keyword.EXISTS);
            ifNotExists = true;
        }
        QualifiedName name = grammar.names().qualifiedName();
        if (temporary) {
            name = temporaryName(name);
        }
        List<SequenceOption> options = new ArrayList<>();
        SequenceOption option;
        while ((option = option()) != null) {
            options.add(option);
        }
        return new CreateSequenceStatement(name, ifNotExists, options, create.position());
    }

    /**
     * The name of a TEMP sequence: in the session's temporary schema ({@code pg_temp}), which is the only schema a
     * temporary relation may be named in (42P16 otherwise, as PostgreSQL reports).
     */
    private static QualifiedName temporaryName(QualifiedName name) {
        List<String> parts = name.parts();
        if (parts.size() >= 2) {
            if (!parts.get(parts.size() - 2).equals(io.basalt.catalog.Catalog.TEMP_SCHEMA_ALIAS)) {
                throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.INVALID_TABLE_DEFINITION,
                        "cannot create temporary relation in non-temporary schema");
            }
            return name;
        }
        return new QualifiedName(List.of(io.basalt.catalog.Catalog.TEMP_SCHEMA_ALIAS, name.last()), name.position());
    }

    AlterSequenceStatement alterSequence() {
        Token alter = tokens.expect(Keyword.ALTER);
        tokens.expect(Keyword.SEQUENCE);
        boolean ifExists = false;
        if (tokens.accept(Keyword.IF)) {
            tokens.expect(Keyword.EXISTS);
            ifExists = true;
        }
        QualifiedName name = grammar.names().qualifiedName();
        if (tokens.accept(Keyword.RENAME)) {
            tokens.expect(Keyword.TO);
            return new AlterSequenceStatement(name, ifExists, List.of(),
                    new AlterSequenceStatement.RenameTo(grammar.names().columnId()), alter.position());
        }
        if (tokens.at(Keyword.SET) && tokens.peek(1).is(Keyword.SCHEMA)) {
            tokens.next();
            tokens.next();
            return new AlterSequenceStatement(name, ifExists, List.of(),
                    new AlterSequenceStatement.SetSchema(grammar.names().columnId()), alter.position());
        }
        if (tokens.at(Keyword.SET) && (tokens.peek(1).is(Keyword.LOGGED) || tokens.peek(1).is(Keyword.UNLOGGED))) {
            tokens.next();
            boolean logged = tokens.next().is(Keyword.LOGGED);
            return new AlterSequenceStatement(name, ifExists, List.of(),
                    new AlterSequenceStatement.SetLogged(logged), alter.position());
        }
        if (tokens.at(Keyword.OWNER) || tokens.at(Keyword.SET)) {
            throw unsupported("ALTER SEQUENCE " + current().keyword().name());
        }
        List<SequenceOption> options = new ArrayList<>();
        SequenceOption option;
        while ((option = option()) != null) {
            options.add(option);
        }
        if (options.isEmpty()) {
            throw tokens.syntaxError();
        }
        return new AlterSequenceStatement(name, ifExists, options, alter.position());
    }

    DropSequenceStatement dropSequence() {
        Token drop = tokens.expect(Keyword.DROP);
        tokens.expect(Keyword.SEQUENCE);
        boolean ifExists = acceptIfExists();
        List<QualifiedName> names = qualifiedNameList();
        boolean cascade = acceptDropBehavior();
        return new DropSequenceStatement(names, ifExists, cascade, drop.position());
    }

    /** {@code ( option [...] )} after {@code AS IDENTITY}, the parenthesis at the cursor. */
    List<SequenceOption> parenthesizedOptions() {
        tokens.expect(TokenKind.LEFT_PAREN);
        List<SequenceOption> options = new ArrayList<>();
        SequenceOption option;
        while ((option = option()) != null) {
            options.add(option);
        }
        if (options.isEmpty()) {
            throw tokens.syntaxError();
        }
        tokens.expect(TokenKind.RIGHT_PAREN);
        return options;
    }

    /** One sequence option at the cursor, or null when none starts here. */
    SequenceOption option() {
        Token start = current();
        int position = start.position();
        if (start.keyword() == null) {
            return null;
        }
        switch (start.keyword()) {
            case AS -> {
                tokens.next();
                return new SequenceOption.AsType(grammar.types().typeName(), position);
            }
            case CACHE -> {
                tokens.next();
                return new SequenceOption.Cache(number(), position);
            }
            case CYCLE -> {
                tokens.next();
                return new SequenceOption.Cycle(true, position);
            }
            case INCREMENT -> {
                tokens.next();
                tokens.accept(Keyword.BY);
                return new SequenceOption.Increment(number(), position);
            }
            case MAXVALUE -> {
                tokens.next();
                return new SequenceOption.MaxValue(number(), position);
            }
            case MINVALUE -> {
                tokens.next();
                return new SequenceOption.MinValue(number(), position);
            }
            case NO -> {
                Token next = tokens.peek(1);
                if (!next.is(Keyword.CYCLE) && !next.is(Keyword.MAXVALUE) && !next.is(Keyword.MINVALUE)) {
                    tokens.next();
                    throw tokens.syntaxError();
                }
                tokens.next();
                tokens.next();
                return next.is(Keyword.CYCLE) ? new SequenceOption.Cycle(false, position)
                        : next.is(Keyword.MAXVALUE) ? new SequenceOption.MaxValue(null, position)
                        : new SequenceOption.MinValue(null, position);
            }
            case OWNED -> {
                tokens.next();
                tokens.expect(Keyword.BY);
                QualifiedName column = grammar.names().qualifiedName();
                boolean none = column.parts().size() == 1 && column.last().equals("none");
                return new SequenceOption.OwnedBy(none ? null : column, position);
            }
            case SEQUENCE -> {
                tokens.next();
                tokens.expect(Keyword.NAME);
                return new SequenceOption.SequenceName(grammar.names().qualifiedName(), position);
            }
            case START -> {
                tokens.next();
                tokens.accept(Keyword.WITH);
                return new SequenceOption.Start(number(), position);
            }
            case RESTART -> {
                tokens.next();
                boolean with = tokens.accept(Keyword.WITH);
                Long value = with || atNumber() ? number() : null;
                return new SequenceOption.Restart(value, position);
            }
            default -> {
                return null;
            }
        }
    }

    private boolean atNumber() {
        return tokens.at(TokenKind.NUMBER) || tokens.atOperator("-") || tokens.atOperator("+");
    }

    /**
     * PostgreSQL's {@code NumericOnly} read as a bigint, with the errors its conversion raises: a number with a
     * fraction or exponent is "invalid input syntax for type bigint", one beyond 64 bits "out of range".
     */
    private long number() {
        boolean negative = false;
        if (tokens.atOperator("-") || tokens.atOperator("+")) {
            negative = tokens.next().isOperator("-");
        }
        String text = tokens.expect(TokenKind.NUMBER).value();
        String signed = negative ? "-" + text : text;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                        "invalid input syntax for type bigint: \"" + signed + "\"");
            }
        }
        BigInteger value = new BigInteger(signed);
        if (value.compareTo(MIN_BIGINT) < 0 || value.compareTo(MAX_BIGINT) > 0) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value \"" + signed + "\" is out of range for type bigint");
        }
        return value.longValue();
    }
}
