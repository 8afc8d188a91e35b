package io.basalt.sql.parser;

import io.basalt.sql.ast.UnsupportedStatement;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.List;
import java.util.Locale;

/**
 * Every PostgreSQL statement that the syntax tree does not express yet (transaction control, UPDATE, DELETE,
 * ALTER, CREATE INDEX, GRANT, ...). Each is recognised by its leading keywords and named as
 * PostgreSQL's command tags name it ("BEGIN", "UPDATE", "ALTER TABLE", "CREATE INDEX", "ROLLBACK TO SAVEPOINT",
 * ...), then skipped to its end: the next {@code ;} outside parentheses and outside a
 * {@code BEGIN ATOMIC ... END} function body (dollar-quoted bodies are single tokens already). A leading
 * word that starts no statement is a syntax error at that word.
 */
final class UtilityStatementParser extends ParserBase {
    /** Objects of CREATE / ALTER / DROP, multi-word ones first so that the longest spelling wins. */
    private static final List<List<String>> OBJECT_KINDS = List.of(
            List.of("materialized", "view"), List.of("foreign", "data", "wrapper"), List.of("foreign", "table"),
            List.of("text", "search", "configuration"), List.of("text", "search", "dictionary"),
            List.of("text", "search", "parser"), List.of("text", "search", "template"), List.of("event", "trigger"),
            List.of("user", "mapping"), List.of("access", "method"), List.of("default", "privileges"),
            List.of("large", "object"), List.of("operator", "class"), List.of("operator", "family"),
            List.of("table"), List.of("index"), List.of("sequence"), List.of("view"), List.of("schema"),
            List.of("function"), List.of("procedure"), List.of("routine"), List.of("aggregate"), List.of("role"),
            List.of("user"), List.of("group"), List.of("database"), List.of("type"), List.of("domain"),
            List.of("system"), List.of("trigger"), List.of("extension"), List.of("collation"),
            List.of("conversion"), List.of("language"), List.of("operator"), List.of("policy"),
            List.of("publication"), List.of("subscription"), List.of("rule"), List.of("server"),
            List.of("statistics"), List.of("tablespace"), List.of("cast"), List.of("transform"), List.of("owned"));

    UtilityStatementParser(Grammar grammar) {
        super(grammar);
    }

    /** The statement at the cursor as an {@link UnsupportedStatement}, skipped to its end. */
    UnsupportedStatement statement() {
        Token first = current();
        int mark = tokens.mark();
        String description = describe(first);
        skipStatement(mark, description.equals("CREATE RULE"));
        return new UnsupportedStatement(description, first.position());
    }

    private String describe(Token first) {
        Keyword keyword = first.keyword();
        if (keyword == null) {
            throw tokens.syntaxError();
        }
        Token second = tokens.peek(1);
        return switch (keyword) {
            case ABORT -> "ROLLBACK";
            case BEGIN -> "BEGIN";
            case START -> {
                tokens.next();
                tokens.expect(Keyword.TRANSACTION);
                yield "START TRANSACTION";
            }
            case COMMIT -> second.is(Keyword.PREPARED) ? "COMMIT PREPARED" : "COMMIT";
            case END -> "COMMIT";
            case ROLLBACK -> rollback(second);
            case SAVEPOINT -> "SAVEPOINT";
            case RELEASE -> "RELEASE";
            case PREPARE -> {
                tokens.next();
                tokens.expect(Keyword.TRANSACTION);
                yield "PREPARE TRANSACTION";
            }
            case UPDATE -> "UPDATE";
            case DELETE -> "DELETE";
            case MERGE -> "MERGE";
            case CLUSTER -> "CLUSTER";
            case REINDEX -> "REINDEX";
            case CHECKPOINT -> "CHECKPOINT";
            case GRANT -> "GRANT";
            case REVOKE -> "REVOKE";
            case COMMENT -> "COMMENT";
            case SECURITY -> "SECURITY LABEL";
            case DO -> "DO";
            case CALL -> "CALL";
            case LOCK -> "LOCK TABLE";
            case LISTEN -> "LISTEN";
            case NOTIFY -> "NOTIFY";
            case UNLISTEN -> "UNLISTEN";
            case LOAD -> "LOAD";
            case DISCARD -> "DISCARD";
            case REFRESH -> "REFRESH MATERIALIZED VIEW";
            case REASSIGN -> "REASSIGN OWNED";
            case IMPORT -> "IMPORT FOREIGN SCHEMA";
            case CREATE, ALTER, DROP -> keyword.name() + " " + objectKind(keyword == Keyword.CREATE);
            default -> throw tokens.syntaxError();
        };
    }

    private String rollback(Token second) {
        if (second.is(Keyword.PREPARED)) {
            return "ROLLBACK PREPARED";
        }
        int ahead = second.is(Keyword.WORK) || second.is(Keyword.TRANSACTION) ? 2 : 1;
        return tokens.peek(ahead).is(Keyword.TO) ? "ROLLBACK TO SAVEPOINT" : "ROLLBACK";
    }

    /**
     * The kind of object after CREATE, ALTER or DROP (the keyword at the cursor), upper case. After CREATE,
     * {@code OR REPLACE} and the modifiers PostgreSQL allows are skipped: {@code CREATE UNIQUE INDEX} is a
     * "CREATE INDEX", {@code CREATE OR REPLACE TEMP VIEW} a "CREATE VIEW".
     */
    private String objectKind(boolean create) {
        tokens.next();
        if (create) {
            if (tokens.at(Keyword.OR)) {
                tokens.next();
                tokens.expect(Keyword.REPLACE);
            }
            while (isCreateModifier(current())
                    || (tokens.at(Keyword.DEFAULT) && tokens.peek(1).is(Keyword.CONVERSION))) {
                tokens.next();
            }
        }
        for (List<String> kind : OBJECT_KINDS) {
            if (matches(kind)) {
                return String.join(" ", kind).toUpperCase(Locale.ROOT);
            }
        }
        throw tokens.syntaxError();
    }

    private static boolean isCreateModifier(Token token) {
        Keyword keyword = token.keyword();
        return keyword == Keyword.GLOBAL || keyword == Keyword.LOCAL || keyword == Keyword.TEMP
                || keyword == Keyword.TEMPORARY || keyword == Keyword.UNLOGGED || keyword == Keyword.UNIQUE
                || keyword == Keyword.RECURSIVE || keyword == Keyword.TRUSTED || keyword == Keyword.PROCEDURAL
                || keyword == Keyword.CONSTRAINT;
    }

    private boolean matches(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            Token token = tokens.peek(i);
            if (token.kind() != TokenKind.IDENTIFIER || !token.value().equals(words.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Moves the cursor from {@code mark} to the end of the statement starting there: the {@code ;} (left
     * unread) or end of input that closes it at parenthesis depth zero. An unbalanced parenthesis is a syntax
     * error where PostgreSQL would report it, except that a rule's parenthesised list of actions holds
     * {@code ;} ({@code semicolonsInParentheses}).
     */
    void skipStatement(int mark, boolean semicolonsInParentheses) {
        tokens.reset(mark);
        int depth = 0;
        int atomicBodies = 0;
        int openCases = 0;
        while (true) {
            Token token = current();
            switch (token.kind()) {
                case END_OF_INPUT -> {
                    if (depth > 0 || atomicBodies > 0) {
                        throw tokens.syntaxError();
                    }
                    return;
                }
                case SEMICOLON -> {
                    if (atomicBodies == 0 && !(semicolonsInParentheses && depth > 0)) {
                        if (depth > 0) {
                            throw tokens.syntaxError();
                        }
                        return;
                    }
                }
                case LEFT_PAREN -> depth++;
                case RIGHT_PAREN -> {
                    if (depth == 0) {
                        throw tokens.syntaxError();
                    }
                    depth--;
                }
                default -> {
                    if (token.is(Keyword.BEGIN) && tokens.peek(1).is(Keyword.ATOMIC)) {
                        atomicBodies++;
                    } else if (atomicBodies > 0 && token.is(Keyword.CASE)) {
                        openCases++;
                    } else if (atomicBodies > 0 && token.is(Keyword.END)) {
                        if (openCases > 0) {
                            openCases--;
                        } else {
                            atomicBodies--;
                        }
                    }
                }
            }
            tokens.next();
        }
    }
}
