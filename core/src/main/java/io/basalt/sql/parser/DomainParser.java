package io.basalt.sql.parser;

import io.basalt.sql.ast.DomainStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.TypeName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CREATE DOMAIN}, {@code ALTER DOMAIN} (SET/DROP DEFAULT, SET/DROP NOT NULL, ADD/DROP/VALIDATE/RENAME
 * CONSTRAINT, RENAME TO, OWNER TO) and {@code DROP DOMAIN}, as PostgreSQL's grammar has them. A DEFAULT or CHECK
 * keeps the source text it was written as.
 */
final class DomainParser extends ParserBase {
    DomainParser(Grammar grammar) {
        super(grammar);
    }

    /** Whether the cursor is at {@code CREATE DOMAIN}, {@code ALTER DOMAIN} or {@code DROP DOMAIN}. */
    boolean atDomainStatement() {
        Token first = tokens.peek();
        return (first.is(Keyword.CREATE) || first.is(Keyword.ALTER) || first.is(Keyword.DROP))
                && tokens.peek(1).is(Keyword.DOMAIN);
    }

    Statement statement() {
        Token first = tokens.next();
        tokens.expect(Keyword.DOMAIN);
        if (first.is(Keyword.CREATE)) {
            return create(first.position());
        }
        if (first.is(Keyword.ALTER)) {
            return alter(first.position());
        }
        boolean ifExists = acceptIfExists();
        List<QualifiedName> names = qualifiedNameList();
        boolean cascade = acceptDropBehavior();
        return new DomainStatement.Drop(names, ifExists, cascade, first.position());
    }

    private Statement create(int position) {
        QualifiedName name = grammar.names().qualifiedName();
        tokens.accept(Keyword.AS);
        TypeName baseType = grammar.types().typeName();
        Expression defaultExpression = null;
        String defaultText = null;
        boolean notNull = false;
        List<DomainStatement.Check> checks = new ArrayList<>();
        while (true) {
            if (acceptCollate()) {
                continue;
            }
            if (tokens.at(Keyword.DEFAULT)) {
                tokens.next();
                int start = current().start();
                defaultExpression = grammar.expressions().restrictedExpression();
                defaultText = textSince(start);
                continue;
            }
            String constraintName = null;
            int constraintPosition = current().position();
            if (tokens.accept(Keyword.CONSTRAINT)) {
                constraintName = grammar.names().columnId();
            }
            if (tokens.at(Keyword.NOT) && tokens.peek(1).is(Keyword.NULL)) {
                tokens.next();
                tokens.next();
                notNull = true;
            } else if (tokens.accept(Keyword.NULL)) {
                notNull = false;
            } else if (tokens.at(Keyword.CHECK)) {
                checks.add(check(constraintName, constraintPosition));
            } else if (constraintName != null) {
                throw tokens.syntaxError();
            } else {
                break;
            }
        }
        return new DomainStatement.Create(name, baseType, defaultExpression, defaultText, notNull, checks, position);
    }

    /** {@code CHECK (condition)}, CHECK at the cursor. */
    private DomainStatement.Check check(String constraintName, int position) {
        tokens.expect(Keyword.CHECK);
        Token open = tokens.expect(TokenKind.LEFT_PAREN);
        Expression condition = grammar.expressions().expression();
        Token close = tokens.expect(TokenKind.RIGHT_PAREN);
        String text = tokens.source().text().substring(open.end(), close.start()).strip();
        return new DomainStatement.Check(constraintName, condition, text, position);
    }

    private Statement alter(int position) {
        QualifiedName name = grammar.names().qualifiedName();
        if (tokens.at(Keyword.SET) && tokens.peek(1).is(Keyword.DEFAULT)) {
            tokens.next();
            tokens.next();
            int start = current().start();
            Expression expression = grammar.expressions().restrictedExpression();
            return new DomainStatement.SetDefault(name, expression, textSince(start), position);
        }
        if (tokens.at(Keyword.DROP) && tokens.peek(1).is(Keyword.DEFAULT)) {
            tokens.next();
            tokens.next();
            return new DomainStatement.SetDefault(name, null, null, position);
        }
        if ((tokens.at(Keyword.SET) || tokens.at(Keyword.DROP)) && tokens.peek(1).is(Keyword.NOT)) {
            boolean set = tokens.next().is(Keyword.SET);
            tokens.expect(Keyword.NOT);
            tokens.expect(Keyword.NULL);
            return new DomainStatement.SetNotNull(name, set, position);
        }
        if (tokens.accept(Keyword.ADD)) {
            String constraintName = null;
            int constraintPosition = current().position();
            if (tokens.accept(Keyword.CONSTRAINT)) {
                constraintName = grammar.names().columnId();
            }
            if (tokens.at(Keyword.NOT) && tokens.peek(1).is(Keyword.NULL)) {
                tokens.next();
                tokens.next();
                return new DomainStatement.SetNotNull(name, true, position);
            }
            DomainStatement.Check check = check(constraintName, constraintPosition);
            boolean notValid = false;
            if (tokens.at(Keyword.NOT) && tokens.peek(1).is(Keyword.VALID)) {
                tokens.next();
                tokens.next();
                notValid = true;
            }
            return new DomainStatement.AddConstraint(name, check, notValid, position);
        }
        if (tokens.at(Keyword.DROP) && tokens.peek(1).is(Keyword.CONSTRAINT)) {
            tokens.next();
            tokens.next();
            boolean ifExists = acceptIfExists();
            String constraint = grammar.names().columnId();
            acceptDropBehavior();
            return new DomainStatement.DropConstraint(name, constraint, ifExists, position);
        }
        if (tokens.accept(Keyword.VALIDATE)) {
            tokens.expect(Keyword.CONSTRAINT);
            return new DomainStatement.ValidateConstraint(name, grammar.names().columnId(), position);
        }
        if (tokens.at(Keyword.RENAME) && tokens.peek(1).is(Keyword.CONSTRAINT)) {
            tokens.next();
            tokens.next();
            String from = grammar.names().columnId();
            tokens.expect(Keyword.TO);
            return new DomainStatement.RenameConstraint(name, from, grammar.names().columnId(), position);
        }
        if (tokens.accept(Keyword.RENAME)) {
            tokens.expect(Keyword.TO);
            return new DomainStatement.Rename(name, grammar.names().columnId(), position);
        }
        if (tokens.accept(Keyword.OWNER)) {
            tokens.expect(Keyword.TO);
            return new DomainStatement.OwnerTo(name, tokens.next().value(), position);
        }
        throw unsupported("this form of ALTER DOMAIN");
    }

    /** The source text from {@code start} to the end of the last token read. */
    private String textSince(int start) {
        return tokens.source().text().substring(start, tokens.peek(-1).end()).strip();
    }
}
