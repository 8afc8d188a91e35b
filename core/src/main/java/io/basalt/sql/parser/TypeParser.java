package io.basalt.sql.parser;

import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.TypeStatement;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CREATE TYPE name AS ENUM ('label', ...)}, {@code ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'label'
 * [BEFORE | AFTER 'label']}, {@code ALTER TYPE name RENAME VALUE 'a' TO 'b'}, {@code ALTER TYPE name RENAME TO new},
 * the attribute actions of a composite type ({@code ADD / DROP / ALTER / RENAME ATTRIBUTE}) and {@code DROP TYPE
 * [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. The other forms of CREATE TYPE (base types, shells) and ALTER TYPE
 * (owner, schema) end the statement as unsupported.
 */
final class TypeParser extends ParserBase {
    TypeParser(Grammar grammar) {
        super(grammar);
    }

    /** Whether the cursor is at {@code CREATE TYPE}, {@code ALTER TYPE} or {@code DROP TYPE}. */
    boolean atTypeStatement() {
        Token first = tokens.peek();
        return (first.is(Keyword.CREATE) || first.is(Keyword.ALTER) || first.is(Keyword.DROP))
                && tokens.peek(1).is(Keyword.TYPE);
    }

    Statement statement() {
        Token first = tokens.next();
        tokens.expect(Keyword.TYPE);
        if (first.is(Keyword.CREATE)) {
            return create(first.position());
        }
        if (first.is(Keyword.ALTER)) {
            return alter(first.position());
        }
        boolean ifExists = acceptIfExists();
        List<QualifiedName> names = qualifiedNameList();
        boolean cascade = acceptDropBehavior();
        return new TypeStatement.Drop(names, ifExists, cascade, first.position());
    }

    private Statement create(int position) {
        QualifiedName name = grammar.names().qualifiedName();
        if (!tokens.accept(Keyword.AS)) {
            throw unsupported(tokens.at(TokenKind.LEFT_PAREN) ? "CREATE TYPE for base types" : "CREATE TYPE (shell type)");
        }
        if (tokens.accept(Keyword.RANGE)) {
            return range(name, position);
        }
        if (tokens.at(TokenKind.LEFT_PAREN)) {
            return composite(name, position);
        }
        if (!tokens.at(Keyword.ENUM)) {
            throw tokens.syntaxError();
        }
        tokens.next();
        tokens.expect(TokenKind.LEFT_PAREN);
        List<String> labels = new ArrayList<>();
        if (!tokens.at(TokenKind.RIGHT_PAREN)) {
            do {
                labels.add(tokens.expect(TokenKind.STRING).value());
            } while (tokens.accept(TokenKind.COMMA));
        }
        tokens.expect(TokenKind.RIGHT_PAREN);
        return new TypeStatement.CreateEnum(name, labels, position);
    }

    /** The attribute list of {@code CREATE TYPE name AS (a int, b text COLLATE "C", ...)}, at its parenthesis. */
    private Statement composite(QualifiedName name, int position) {
        tokens.expect(TokenKind.LEFT_PAREN);
        List<String> fieldNames = new ArrayList<>();
        List<io.basalt.sql.ast.TypeName> fieldTypes = new ArrayList<>();
        if (!tokens.at(TokenKind.RIGHT_PAREN)) {
            do {
                fieldNames.add(grammar.names().columnId());
                fieldTypes.add(grammar.types().typeName());
                if (tokens.accept(Keyword.COLLATE)) {
                    grammar.names().qualifiedName();
                }
            } while (tokens.accept(TokenKind.COMMA));
        }
        tokens.expect(TokenKind.RIGHT_PAREN);
        return new TypeStatement.CreateComposite(name, fieldNames, fieldTypes, position);
    }

    /**
     * The definition list of {@code CREATE TYPE name AS RANGE (subtype = type, ...)}, after RANGE: each attribute
     * is {@code label = value}, the value a type or function name, a string or a number; only subtype is used.
     */
    private Statement range(QualifiedName name, int position) {
        tokens.expect(TokenKind.LEFT_PAREN);
        List<String> attributes = new ArrayList<>();
        io.basalt.sql.ast.TypeName subtype = null;
        do {
            Token label = tokens.next();
            String attribute = label.value().toLowerCase(java.util.Locale.ROOT);
            if (attributes.contains(attribute)) {
                throw io.basalt.error.BasaltException.at(io.basalt.error.SqlState.SYNTAX_ERROR, label.position(),
                        "conflicting or redundant options");
            }
            attributes.add(attribute);
            if (tokens.acceptOperator("=")) {
                if (attribute.equals("subtype")) {
                    subtype = grammar.types().typeName();
                } else if (!tokens.accept(TokenKind.STRING) && !tokens.accept(TokenKind.NUMBER)) {
                    grammar.types().typeName();
                }
            }
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        return new TypeStatement.CreateRange(name, subtype, attributes, position);
    }

    private Statement alter(int position) {
        QualifiedName name = grammar.names().qualifiedName();
        if (atAttributeAction()) {
            return attributes(name, position);
        }
        if (tokens.accept(Keyword.ADD)) {
            tokens.expect(Keyword.VALUE);
            boolean ifNotExists = false;
            if (tokens.at(Keyword.IF) && tokens.peek(1).is(Keyword.NOT)) {
                tokens.next();
                tokens.next();
                tokens.expect(Keyword.EXISTS);
                ifNotExists = true;
            }
            String label = tokens.expect(TokenKind.STRING).value();
            String neighbor = null;
            boolean before = false;
            if (tokens.accept(Keyword.BEFORE)) {
                before = true;
                neighbor = tokens.expect(TokenKind.STRING).value();
            } else if (tokens.accept(Keyword.AFTER)) {
                neighbor = tokens.expect(TokenKind.STRING).value();
            }
            return new TypeStatement.AddEnumValue(name, label, ifNotExists, neighbor, before, position);
        }
        if (tokens.at(Keyword.RENAME) && tokens.peek(1).is(Keyword.VALUE)) {
            tokens.next();
            tokens.next();
            String from = tokens.expect(TokenKind.STRING).value();
            tokens.expect(Keyword.TO);
            String to = tokens.expect(TokenKind.STRING).value();
            return new TypeStatement.RenameEnumValue(name, from, to, position);
        }
        if (tokens.at(Keyword.RENAME) && tokens.peek(1).is(Keyword.TO)) {
            tokens.next();
            tokens.next();
            return new TypeStatement.Rename(name, grammar.names().columnId(), position);
        }
        throw unsupported("this form of ALTER TYPE");
    }

    private boolean atAttributeAction() {
        return (tokens.at(Keyword.ADD) || tokens.at(Keyword.DROP) || tokens.at(Keyword.ALTER)
                || tokens.at(Keyword.RENAME)) && tokens.peek(1).is(Keyword.ATTRIBUTE);
    }

    /** The attribute actions of {@code ALTER TYPE name}, at the first one. */
    private Statement attributes(QualifiedName name, int position) {
        List<TypeStatement.AttributeAction> actions = new ArrayList<>();
        if (tokens.accept(Keyword.RENAME)) {
            tokens.expect(Keyword.ATTRIBUTE);
            String from = grammar.names().columnId();
            tokens.expect(Keyword.TO);
            String to = grammar.names().columnId();
            actions.add(new TypeStatement.RenameAttribute(from, to, acceptDropBehavior()));
            return new TypeStatement.AlterAttributes(name, actions, position);
        }
        do {
            if (tokens.accept(Keyword.ADD)) {
                tokens.expect(Keyword.ATTRIBUTE);
                String attribute = grammar.names().columnId();
                io.basalt.sql.ast.TypeName type = grammar.types().typeName();
                acceptCollate();
                actions.add(new TypeStatement.AddAttribute(attribute, type, acceptDropBehavior()));
            } else if (tokens.accept(Keyword.DROP)) {
                tokens.expect(Keyword.ATTRIBUTE);
                boolean ifExists = acceptIfExists();
                String attribute = grammar.names().columnId();
                actions.add(new TypeStatement.DropAttribute(attribute, ifExists, acceptDropBehavior()));
            } else {
                tokens.expect(Keyword.ALTER);
                tokens.expect(Keyword.ATTRIBUTE);
                String attribute = grammar.names().columnId();
                if (tokens.accept(Keyword.SET)) {
                    tokens.expect(Keyword.DATA);
                }
                tokens.expect(Keyword.TYPE);
                io.basalt.sql.ast.TypeName type = grammar.types().typeName();
                acceptCollate();
                actions.add(new TypeStatement.AlterAttributeType(attribute, type, acceptDropBehavior()));
            }
        } while (tokens.accept(TokenKind.COMMA));
        return new TypeStatement.AlterAttributes(name, actions, position);
    }
}
