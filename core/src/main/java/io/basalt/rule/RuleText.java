package io.basalt.rule;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.lexer.Lexer;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.List;

/**
 * The text of a rule's condition or action with its NEW and OLD references replaced: {@code new.col} and
 * {@code old.col} become columns of the relation that carries the rows a statement fires the rule for
 * ({@link #ROWS}, whose columns are {@code "*new*i"} and {@code "*old*i"} by the index i of the rule relation's
 * column), {@code new.*} and {@code old.*} the list of all of them.
 */
public final class RuleText {
    /** The alias of the relation of the firing rows that rewritten rule text reads. */
    public static final String ROWS = "*rule*";

    private RuleText() {
    }

    /** The name of the column of {@link #ROWS} that holds column {@code index} of NEW ({@code isNew}) or OLD. */
    public static String rowColumn(boolean isNew, int index) {
        return (isNew ? "*new*" : "*old*") + index;
    }

    /** Whether {@code text} refers to NEW ({@code isNew}) or OLD. */
    public static boolean refersTo(String text, boolean isNew) {
        List<Token> tokens = Lexer.tokenize(text);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (isReference(tokens, i) && tokens.get(i).value().equals(isNew ? "new" : "old")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isReference(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        if (token.kind() != TokenKind.IDENTIFIER || !(token.value().equals("new") || token.value().equals("old"))) {
            return false;
        }
        if (i > 0 && tokens.get(i - 1).is(TokenKind.DOT)) {
            return false;
        }
        return tokens.get(i + 1).is(TokenKind.DOT);
    }

    /**
     * {@code text} with {@code new.col}, {@code old.col}, {@code new.*} and {@code old.*} replaced by the columns of
     * {@link #ROWS}; {@code columns} are the rule relation's column names.
     *
     * @throws BasaltException 42703 for a column the relation does not have
     */
    public static String substitute(String text, List<String> columns) {
        List<Token> tokens = Lexer.tokenize(text);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (!isReference(tokens, i)) {
                continue;
            }
            Token reference = tokens.get(i);
            boolean isNew = reference.value().equals("new");
            Token field = tokens.get(i + 2);
            String replacement;
            if (field.isOperator("*")) {
                StringBuilder all = new StringBuilder();
                for (int c = 0; c < columns.size(); c++) {
                    all.append(c == 0 ? "" : ", ").append(qualified(isNew, c));
                }
                replacement = all.toString();
            } else if (field.kind() == TokenKind.IDENTIFIER || field.kind() == TokenKind.QUOTED_IDENTIFIER) {
                int index = columns.indexOf(field.value());
                if (index < 0) {
                    throw BasaltException.of(SqlState.UNDEFINED_COLUMN,
                            "column " + reference.value() + "." + field.value() + " does not exist");
                }
                replacement = qualified(isNew, index);
            } else {
                continue;
            }
            out.append(text, copied, reference.start()).append(replacement);
            copied = field.end();
            i += 2;
        }
        return out.append(text.substring(copied)).toString();
    }

    private static String qualified(boolean isNew, int index) {
        return "\"" + ROWS + "\".\"" + rowColumn(isNew, index) + "\"";
    }
}
