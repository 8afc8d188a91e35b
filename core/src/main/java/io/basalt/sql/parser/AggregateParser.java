package io.basalt.sql.parser;

import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.RoutineStatement;
import io.basalt.sql.ast.RoutineStatement.AggregateOption;
import io.basalt.sql.ast.RoutineStatement.Parameter;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CREATE [OR REPLACE] AGGREGATE (the current form with an argument list, and the old one whose definition list
 * names BASETYPE) and DROP AGGREGATE, as PostgreSQL 15's grammar writes them. A definition's values are kept as
 * the text written (a string's or number's value, or the words of a name or type), for the statement to read as
 * a function name, a type or a constant.
 */
final class AggregateParser extends ParserBase {
    AggregateParser(Grammar grammar) {
        super(grammar);
    }

    /** Whether the cursor (at CREATE) starts CREATE [OR REPLACE] AGGREGATE. */
    boolean atCreate() {
        int ahead = 1;
        if (tokens.peek(1).is(Keyword.OR) && tokens.peek(2).is(Keyword.REPLACE)) {
            ahead = 3;
        }
        return tokens.peek(ahead).is(Keyword.AGGREGATE);
    }

    RoutineStatement.CreateAggregate create() {
        int position = tokens.expect(Keyword.CREATE).position();
        boolean orReplace = false;
        if (tokens.accept(Keyword.OR)) {
            tokens.expect(Keyword.REPLACE);
            orReplace = true;
        }
        tokens.expect(Keyword.AGGREGATE);
        QualifiedName name = grammar.names().qualifiedName();
        if (atDefinitionList()) {
            return new RoutineStatement.CreateAggregate(name, orReplace, null, List.of(), definitionList(), position);
        }
        List<Parameter> arguments = new ArrayList<>();
        List<Parameter> ordered = new ArrayList<>();
        arguments(arguments, ordered);
        return new RoutineStatement.CreateAggregate(name, orReplace, arguments, ordered, definitionList(), position);
    }

    /** {@code DROP AGGREGATE [IF EXISTS] name ( arguments ), ... [CASCADE | RESTRICT]}. */
    RoutineStatement.DropAggregate drop() {
        int position = tokens.expect(Keyword.DROP).position();
        tokens.expect(Keyword.AGGREGATE);
        boolean ifExists = acceptIfExists();
        List<RoutineStatement.RoutineSignature> aggregates = new ArrayList<>();
        do {
            QualifiedName name = grammar.names().qualifiedName();
            List<Parameter> arguments = new ArrayList<>();
            List<Parameter> ordered = new ArrayList<>();
            arguments(arguments, ordered);
            arguments.addAll(ordered);
            aggregates.add(new RoutineStatement.RoutineSignature(name, arguments));
        } while (tokens.accept(TokenKind.COMMA));
        boolean cascade = acceptDropBehavior();
        return new RoutineStatement.DropAggregate(aggregates, ifExists, cascade, position);
    }

    /** Whether the cursor is at {@code ( label = ...}: the old form's definition list right after the name. */
    private boolean atDefinitionList() {
        return tokens.at(TokenKind.LEFT_PAREN) && NameParser.isColumnLabel(tokens.peek(1))
                && tokens.peek(2).is(TokenKind.OPERATOR) && tokens.peek(2).value().equals("=");
    }

    /** {@code ( * | [args] [ORDER BY args] )} into {@code arguments} and {@code ordered}. */
    private void arguments(List<Parameter> arguments, List<Parameter> ordered) {
        tokens.expect(TokenKind.LEFT_PAREN);
        if (tokens.acceptOperator("*")) {
            tokens.expect(TokenKind.RIGHT_PAREN);
            return;
        }
        if (!tokens.at(Keyword.ORDER)) {
            do {
                arguments.add(new RoutineParser(grammar).aggregateArgument());
            } while (tokens.accept(TokenKind.COMMA));
        }
        if (tokens.accept(Keyword.ORDER)) {
            tokens.expect(Keyword.BY);
            do {
                ordered.add(new RoutineParser(grammar).aggregateArgument());
            } while (tokens.accept(TokenKind.COMMA));
        }
        tokens.expect(TokenKind.RIGHT_PAREN);
    }

    /** {@code ( label [= value] [, ...] )}. */
    private List<AggregateOption> definitionList() {
        tokens.expect(TokenKind.LEFT_PAREN);
        List<AggregateOption> options = new ArrayList<>();
        do {
            Token label = tokens.peek();
            if (!NameParser.isColumnLabel(label)) {
                throw tokens.syntaxError();
            }
            tokens.next();
            String value = null;
            if (tokens.acceptOperator("=")) {
                value = value();
            }
            options.add(new AggregateOption(label.value().toLowerCase(Locale.ROOT), value, label.position()));
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        return options;
    }

    /** A definition's value up to the {@code ,} or {@code )} that ends it, as its text. */
    private String value() {
        Token first = tokens.peek();
        if (first.is(TokenKind.STRING) && endsValue(tokens.peek(1))) {
            return tokens.next().value();
        }
        if (first.is(TokenKind.NUMBER) && endsValue(tokens.peek(1))) {
            return tokens.next().value();
        }
        if (first.is(TokenKind.OPERATOR) && (first.value().equals("-") || first.value().equals("+"))
                && tokens.peek(1).is(TokenKind.NUMBER) && endsValue(tokens.peek(2))) {
            tokens.next();
            return (first.value().equals("-") ? "-" : "") + tokens.next().value();
        }
        int depth = 0;
        Token last = null;
        while (true) {
            Token token = tokens.peek();
            if (token.is(TokenKind.END_OF_INPUT) || token.is(TokenKind.SEMICOLON)
                    || depth == 0 && endsValue(token)) {
                break;
            }
            if (token.is(TokenKind.LEFT_PAREN)) {
                depth++;
            } else if (token.is(TokenKind.RIGHT_PAREN)) {
                depth--;
            }
            last = tokens.next();
        }
        if (last == null) {
            throw tokens.syntaxError();
        }
        return tokens.source().text().substring(first.start(), last.end());
    }

    private static boolean endsValue(Token token) {
        return token.is(TokenKind.COMMA) || token.is(TokenKind.RIGHT_PAREN);
    }
}
