package io.basalt.sql.parser;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.PartitionBound;
import io.basalt.sql.ast.PartitionSpec;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The partitioning clauses of CREATE TABLE and ALTER TABLE: {@code PARTITION BY strategy (key [, ...])} and a
 * partition's bound, {@code FOR VALUES FROM (...) TO (...) | IN (...) | WITH (MODULUS m, REMAINDER r)} or
 * {@code DEFAULT}. A key is a column name, a function call, or a parenthesized expression, each optionally followed
 * by COLLATE "C" or "POSIX" (how Basalt compares text anyway; other collations are not supported) and an operator
 * class name, which is ignored (Basalt has one operator class per type).
 */
final class PartitionClauseParser extends ParserBase {
    PartitionClauseParser(Grammar grammar) {
        super(grammar);
    }

    /** {@code PARTITION BY strategy (keys)}, PARTITION at the cursor. */
    PartitionSpec partitionBy() {
        Token partition = tokens.expect(Keyword.PARTITION);
        tokens.expect(Keyword.BY);
        Token strategy = current();
        String word = grammar.names().columnId();
        tokens.expect(TokenKind.LEFT_PAREN);
        List<Expression> keys = new ArrayList<>();
        List<Integer> keyPositions = new ArrayList<>();
        List<PartitionSpec.KeyOptions> options = new ArrayList<>();
        do {
            keyPositions.add(current().position());
            keys.add(key());
            options.add(keyOptions());
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        return new PartitionSpec(word, keys, strategy.position() > 0 ? strategy.position() : partition.position(),
                keyPositions, options);
    }

    private Expression key() {
        Expression key;
        if (tokens.at(TokenKind.LEFT_PAREN)) {
            tokens.next();
            key = grammar.expressions().expression();
            tokens.expect(TokenKind.RIGHT_PAREN);
        } else if (grammar.names().atColumnId() && tokens.peek(1).is(Keyword.COLLATE)) {
            // a column with a collation: the expression parser would take COLLATE as its own (unsupported) operator
            Token column = current();
            key = new Expression.ColumnRef(List.of(grammar.names().columnId()), column.position());
        } else {
            key = grammar.expressions().restrictedExpression();
        }
        return key;
    }

    /** The COLLATE clause and operator class after a key, if any. */
    private PartitionSpec.KeyOptions keyOptions() {
        String collation = null;
        if (tokens.at(Keyword.COLLATE)) {
            // Basalt compares text byte-wise, which is what the C and POSIX collations (and its default) do
            tokens.next();
            Token name = tokens.next();
            collation = name.value();
            if (!collation.equals("C") && !collation.equals("POSIX") && !collation.equals("default")) {
                throw unsupported("COLLATE");
            }
        }
        String operatorClass = null;
        int operatorClassPosition = 0;
        if (grammar.names().atColumnId()) {
            // an operator class: Basalt has only the default one of each type; the name is checked when defined
            operatorClassPosition = current().position();
            operatorClass = grammar.names().qualifiedName().last();
        }
        return new PartitionSpec.KeyOptions(collation, operatorClass, operatorClassPosition);
    }

    /** A partition's bound: {@code FOR VALUES ...} or {@code DEFAULT} at the cursor. */
    PartitionBound bound() {
        Token first = current();
        if (tokens.accept(Keyword.DEFAULT)) {
            return new PartitionBound.Default(first.position());
        }
        tokens.expect(Keyword.FOR);
        tokens.expect(Keyword.VALUES);
        // PostgreSQL's errors about a bound point at the word after FOR VALUES
        Token kind = current();
        if (tokens.accept(Keyword.IN)) {
            return new PartitionBound.In(parenthesizedList(), kind.position());
        }
        if (tokens.accept(Keyword.FROM)) {
            List<Expression> from = parenthesizedList();
            tokens.expect(Keyword.TO);
            return new PartitionBound.Range(from, parenthesizedList(), kind.position());
        }
        Token with = tokens.expect(Keyword.WITH);
        tokens.expect(TokenKind.LEFT_PAREN);
        long modulus = -1;
        long remainder = -1;
        do {
            Token option = current();
            String name = grammar.names().columnId();
            Token value = tokens.next();
            if (value.kind() != TokenKind.NUMBER || !value.value().matches("[0-9]+")) {
                throw tokens.syntaxErrorAt(value);
            }
            long number = Long.parseLong(value.value());
            switch (name) {
                case "modulus" -> modulus = number;
                case "remainder" -> remainder = number;
                default -> throw io.basalt.error.BasaltException.at(io.basalt.error.SqlState.SYNTAX_ERROR,
                        option.position(), "unrecognized hash partition bound specification \"" + name + "\"");
            }
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        if (modulus < 0) {
            throw io.basalt.error.BasaltException.at(io.basalt.error.SqlState.SYNTAX_ERROR, first.position(),
                    "modulus for hash partition must be specified");
        }
        if (remainder < 0) {
            throw io.basalt.error.BasaltException.at(io.basalt.error.SqlState.SYNTAX_ERROR, first.position(),
                    "remainder for hash partition must be specified");
        }
        return new PartitionBound.Hash(modulus, remainder, with.position());
    }

    private List<Expression> parenthesizedList() {
        tokens.expect(TokenKind.LEFT_PAREN);
        List<Expression> values = grammar.expressions().expressionList();
        tokens.expect(TokenKind.RIGHT_PAREN);
        return values;
    }
}
