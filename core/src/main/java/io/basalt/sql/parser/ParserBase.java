package io.basalt.sql.parser;

import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What every area parser shares: the token cursor and the {@link Grammar} through which it reaches the other
 * areas (expressions hold subqueries, queries hold expressions, and so on).
 */
abstract class ParserBase {
    protected final Grammar grammar;
    protected final TokenStream tokens;

    protected ParserBase(Grammar grammar) {
        this.grammar = grammar;
        this.tokens = grammar.tokens();
    }

    /** Stops the current statement: valid syntax that Basalt's syntax tree does not express yet. */
    protected static UnsupportedSyntax unsupported(String description) {
        return new UnsupportedSyntax(description);
    }

    protected int position() {
        return tokens.peek().position();
    }

    protected Token current() {
        return tokens.peek();
    }

    /**
     * Whether the cursor (at CREATE) is at {@code CREATE [GLOBAL | LOCAL] [TEMP | TEMPORARY | UNLOGGED] object}, the
     * persistence prefix tables and sequences share.
     */
    protected boolean atCreateWithPersistence(Keyword object) {
        int ahead = 1;
        if (tokens.peek(ahead).is(Keyword.GLOBAL) || tokens.peek(ahead).is(Keyword.LOCAL)) {
            ahead++;
        }
        Token modifier = tokens.peek(ahead);
        if (modifier.is(Keyword.TEMP) || modifier.is(Keyword.TEMPORARY) || modifier.is(Keyword.UNLOGGED)) {
            ahead++;
        }
        return tokens.peek(ahead).is(object);
    }

    /**
     * {@code COLLATE name}, when the cursor is at it. Basalt compares text by code point, which is what the
     * collations {@code "C"} and {@code "POSIX"} mean (and {@code "default"} and {@code ucs_basic}, as Basalt's
     * database collation is C), so those are accepted and change nothing; any other name is 42704 as PostgreSQL
     * reports a collation it lacks.
     */
    protected boolean acceptCollate() {
        if (!tokens.at(Keyword.COLLATE)) {
            return false;
        }
        tokens.next();
        io.basalt.sql.ast.QualifiedName name = grammar.names().qualifiedName();
        List<String> parts = name.parts();
        boolean known = switch (name.last()) {
            case "C", "POSIX", "default", "ucs_basic" -> true;
            default -> false;
        };
        if (!known || parts.size() > 2 || parts.size() == 2 && !parts.getFirst().equals("pg_catalog")) {
            throw io.basalt.error.BasaltException.at(io.basalt.error.SqlState.UNDEFINED_OBJECT, name.position(),
                    "collation \"" + String.join(".", parts) + "\" for encoding \"UTF8\" does not exist");
        }
        return true;
    }

    /** {@code IF EXISTS}, when the cursor is at it (IF alone may be a name: it is an unreserved keyword). */
    protected boolean acceptIfExists() {
        if (tokens.at(Keyword.IF) && tokens.peek(1).is(Keyword.EXISTS)) {
            tokens.next();
            tokens.next();
            return true;
        }
        return false;
    }

    /** The optional {@code CASCADE | RESTRICT} of DROP and TRUNCATE: whether CASCADE was written. */
    protected boolean acceptDropBehavior() {
        if (tokens.accept(Keyword.CASCADE)) {
            return true;
        }
        tokens.accept(Keyword.RESTRICT);
        return false;
    }

    /** One or more possibly qualified names, separated by commas (what DROP lists). */
    protected List<QualifiedName> qualifiedNameList() {
        List<QualifiedName> names = new ArrayList<>();
        do {
            names.add(grammar.names().qualifiedName());
        } while (tokens.accept(TokenKind.COMMA));
        return names;
    }
}
