package io.basalt.cli.script;

import io.basalt.cli.script.ScannedPiece.MetaCommand;
import io.basalt.cli.script.ScannedPiece.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Splits input into SQL statements and backslash commands on the client side, line by line, the
 * way psql's lexer does. It keeps its state between lines: a statement may span lines and a line
 * may hold several statements.
 *
 * <p>A statement ends at a semicolon outside parentheses, quotes and comments. The scanner knows
 * standard strings {@code '...'} (with {@code ''}), escape strings {@code E'...'} (with backslash
 * escapes), quoted identifiers {@code "..."}, dollar quotes {@code $tag$...$tag$}, {@code --}
 * comments and nested {@code /* *}{@code /} comments. Blanks and {@code --} comments before a
 * statement are dropped, as psql drops them; lines of one statement are joined with a newline.
 * An unquoted backslash starts a backslash command that runs to the end of the line (or to the next
 * unquoted backslash; {@code \\} returns to SQL for the rest of the line); the statement being
 * typed stays buffered across it. {@code \;} puts a semicolon into the statement without ending it, so that
 * several statements are sent as one query string (and {@code \:} a colon that names no variable). Outside
 * quotes, {@code :name} references to psql variables are replaced (see {@link VariableReference}).
 */
public final class StatementScanner {
    private enum Mode { NORMAL, STANDARD_STRING, ESCAPE_STRING, QUOTED_IDENTIFIER, DOLLAR_QUOTE, BLOCK_COMMENT }

    private final boolean backslashCommands;
    private final Function<String, String> variables;
    private final StringBuilder buffer = new StringBuilder();
    private Mode mode = Mode.NORMAL;
    private int parenthesisDepth;
    private int commentDepth;
    private String dollarTag;
    /** Whether the buffer holds anything besides comments and semicolons (else it is not sent). */
    private boolean hasContent;
    private int statementStart;
    private int lineStart;
    private boolean firstLine = true;
    /** The line being scanned, with plain variable references replaced by their values as they are reached. */
    private String scanning;
    /** Index in {@link #scanning} before which text comes from a variable's value: no reference there expands. */
    private int expandedUntil;
    /** Buffer length right after the newline joining this line to the previous one, or -1. */
    private int newlineAddedAt = -1;

    /**
     * @param backslashCommands whether backslashes start commands (psql's script and interactive
     *                          input); false for text sent as SQL only, such as a {@code -c} string
     */
    public StatementScanner(boolean backslashCommands) {
        this(backslashCommands, null);
    }

    /**
     * @param variables looks up psql variables for {@code :name}, {@code :'name'} and
     *                  {@code :"name"} outside quotes (null value: not set); null for no interpolation
     */
    public StatementScanner(boolean backslashCommands, Function<String, String> variables) {
        this.backslashCommands = backslashCommands;
        this.variables = variables;
    }

    /** Splits a whole text of SQL (no backslash commands) into statements, with their offsets in it. */
    public static List<SqlStatement> splitSql(String text) {
        StatementScanner scanner = new StatementScanner(false);
        List<SqlStatement> statements = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            for (ScannedPiece piece : scanner.scanLine(line)) {
                statements.add((SqlStatement) piece);
            }
        }
        SqlStatement last = scanner.finish();
        if (last != null) {
            statements.add(last);
        }
        return statements;
    }

    /**
     * Scans one input line (without its line terminator) and returns the statements and commands it
     * completes, in order.
     */
    public List<ScannedPiece> scanLine(String line) {
        if (!firstLine) {
            lineStart++;
        }
        firstLine = false;
        if (line.isEmpty() && mode == Mode.NORMAL) {
            // psql skips empty lines outside quotes and comments without adding a newline.
            return List.of();
        }
        newlineAddedAt = -1;
        if (!buffer.isEmpty()) {
            buffer.append('\n');
            newlineAddedAt = buffer.length();
        }
        List<ScannedPiece> pieces = new ArrayList<>();
        int i = 0;
        scanning = line;
        expandedUntil = 0;
        while (i < scanning.length()) {
            i = switch (mode) {
                case NORMAL -> scanNormal(scanning, i, pieces);
                case STANDARD_STRING -> scanString(scanning, i, false);
                case ESCAPE_STRING -> scanString(scanning, i, true);
                case QUOTED_IDENTIFIER -> scanQuotedIdentifier(scanning, i);
                case DOLLAR_QUOTE -> scanDollarQuote(scanning, i);
                case BLOCK_COMMENT -> scanBlockComment(scanning, i);
            };
        }
        lineStart += line.length();
        return pieces;
    }

    /**
     * Ends the input: returns the statement still buffered (psql sends an unterminated last
     * statement at the end of a script), or null when nothing but blanks and comments is left.
     */
    public SqlStatement finish() {
        SqlStatement last = hasContent ? new SqlStatement(buffer.toString(), statementStart) : null;
        reset();
        return last;
    }

    /** Discards the statement being typed (psql's {@code \r}, or Ctrl-C at the prompt). */
    public void reset() {
        buffer.setLength(0);
        mode = Mode.NORMAL;
        parenthesisDepth = 0;
        commentDepth = 0;
        dollarTag = null;
        hasContent = false;
    }

    /** Whether a statement is being typed: something other than blanks is buffered. */
    public boolean hasPendingInput() {
        return !buffer.isEmpty();
    }

    /** Whether the scanner is inside a quote or a comment (where empty lines still count). */
    public boolean insideQuoteOrComment() {
        return mode != Mode.NORMAL;
    }

    /** The text buffered so far (psql's query buffer). */
    public String pendingText() {
        return buffer.toString();
    }

    /**
     * The character psql shows in its prompt for the current state ({@code %R}): {@code =} when
     * waiting for a new statement, {@code -} inside one, {@code (} inside parentheses, {@code '}
     * {@code "} or {@code $} inside a quote, {@code *} inside a comment.
     */
    public char promptIndicator() {
        return switch (mode) {
            case STANDARD_STRING, ESCAPE_STRING -> '\'';
            case QUOTED_IDENTIFIER -> '"';
            case DOLLAR_QUOTE -> '$';
            case BLOCK_COMMENT -> '*';
            case NORMAL -> parenthesisDepth > 0 ? '(' : buffer.isEmpty() ? '=' : '-';
        };
    }

    private int scanNormal(String line, int i, List<ScannedPiece> pieces) {
        char ch = line.charAt(i);
        char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
        if (Character.isWhitespace(ch)) {
            if (!buffer.isEmpty()) {
                buffer.append(ch);
            }
            return i + 1;
        }
        if (ch == '-' && next == '-') {
            // A comment runs to the end of the line; before a statement it is dropped like a blank.
            if (!buffer.isEmpty()) {
                buffer.append(line, i, line.length());
            }
            return line.length();
        }
        if (ch == '\\' && backslashCommands && (next == ';' || next == ':')) {
            // psql's \; and \: put a semicolon or colon into the statement: \; joins statements into one query string
            if (buffer.isEmpty()) {
                statementStart = lineStart + i;
            }
            buffer.append(next);
            return i + 2;
        }
        if (ch == '\\' && backslashCommands) {
            return scanBackslashCommands(line, i, pieces);
        }
        if (buffer.isEmpty()) {
            statementStart = lineStart + i;
        }
        if (ch == '/' && next == '*') {
            buffer.append("/*");
            mode = Mode.BLOCK_COMMENT;
            commentDepth = 1;
            return i + 2;
        }
        if (ch == ';') {
            buffer.append(ch);
            if (parenthesisDepth == 0 && !insideAtomicBody()) {
                if (hasContent) {
                    pieces.add(new SqlStatement(buffer.toString(), statementStart));
                }
                reset();
            }
            return i + 1;
        }
        hasContent = true;
        if (ch == ':') {
            if (next == ':') {
                buffer.append("::");
                return i + 2;
            }
            if (i >= expandedUntil) {
                VariableReference.Plain plain = VariableReference.plain(line, i, variables);
                if (plain != null) {
                    // The value is read again as input (its semicolons end statements), but not expanded again.
                    scanning = line.substring(0, i) + plain.value() + line.substring(plain.end());
                    expandedUntil = i + plain.value().length();
                    return i;
                }
                int end = VariableReference.expand(line, i, variables, buffer);
                if (end >= 0) {
                    return end;
                }
            }
        }
        switch (ch) {
            case '\'' -> mode = followsEscapePrefix() ? Mode.ESCAPE_STRING : Mode.STANDARD_STRING;
            case '"' -> mode = Mode.QUOTED_IDENTIFIER;
            case '(' -> parenthesisDepth++;
            case ')' -> parenthesisDepth = Math.max(0, parenthesisDepth - 1);
            case '$' -> {
                String tag = dollarTagAt(line, i);
                if (tag != null) {
                    buffer.append(tag);
                    dollarTag = tag;
                    mode = Mode.DOLLAR_QUOTE;
                    return i + tag.length();
                }
            }
            default -> {
            }
        }
        buffer.append(ch);
        return i + 1;
    }

    private static final java.util.regex.Pattern ATOMIC_ROUTINE = java.util.regex.Pattern.compile(
            "(?is)\\s*create\\s+(or\\s+replace\\s+)?(function|procedure)\\b.*?\\bbegin\\s+atomic\\b(.*)");
    private static final java.util.regex.Pattern CASE_OR_END = java.util.regex.Pattern.compile("(?i)\\b(case|end)\\b");

    /**
     * Whether the buffer is inside the {@code BEGIN ATOMIC ... END} body of CREATE FUNCTION / PROCEDURE, where a
     * semicolon ends a statement of the body, not the CREATE (psql counts BEGIN, CASE and END the same way).
     */
    private boolean insideAtomicBody() {
        java.util.regex.Matcher routine = ATOMIC_ROUTINE.matcher(buffer);
        if (!routine.matches()) {
            return false;
        }
        int depth = 1;
        java.util.regex.Matcher word = CASE_OR_END.matcher(routine.group(3));
        while (word.find()) {
            depth += word.group(1).equalsIgnoreCase("case") ? 1 : -1;
        }
        return depth > 0;
    }

    private int scanString(String line, int i, boolean backslashEscapes) {
        char ch = line.charAt(i);
        buffer.append(ch);
        if (backslashEscapes && ch == '\\') {
            if (i + 1 < line.length()) {
                buffer.append(line.charAt(i + 1));
                return i + 2;
            }
            return i + 1;
        }
        if (ch == '\'') {
            if (i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                buffer.append('\'');
                return i + 2;
            }
            mode = Mode.NORMAL;
        }
        return i + 1;
    }

    private int scanQuotedIdentifier(String line, int i) {
        char ch = line.charAt(i);
        buffer.append(ch);
        if (ch == '"') {
            mode = Mode.NORMAL;
        }
        return i + 1;
    }

    private int scanDollarQuote(String line, int i) {
        if (line.startsWith(dollarTag, i)) {
            buffer.append(dollarTag);
            mode = Mode.NORMAL;
            int end = i + dollarTag.length();
            dollarTag = null;
            return end;
        }
        buffer.append(line.charAt(i));
        return i + 1;
    }

    private int scanBlockComment(String line, int i) {
        char ch = line.charAt(i);
        char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
        if (ch == '/' && next == '*') {
            commentDepth++;
            buffer.append("/*");
            return i + 2;
        }
        if (ch == '*' && next == '/') {
            commentDepth--;
            buffer.append("*/");
            if (commentDepth == 0) {
                mode = Mode.NORMAL;
            }
            return i + 2;
        }
        buffer.append(ch);
        return i + 1;
    }

    /**
     * Reads the backslash commands starting at {@code i}: each runs to the next unquoted backslash or
     * the end of the line. A {@code \\} ends them and hands the rest of the line back to SQL.
     */
    private int scanBackslashCommands(String line, int i, List<ScannedPiece> pieces) {
        if (newlineAddedAt >= 0 && buffer.length() == newlineAddedAt) {
            // A line that starts with a command adds nothing to the statement, not even its newline (as in psql).
            buffer.setLength(newlineAddedAt - 1);
            newlineAddedAt = -1;
        }
        int at = i;
        while (at < line.length() && line.charAt(at) == '\\') {
            if (at + 1 < line.length() && line.charAt(at + 1) == '\\') {
                return at + 2;
            }
            int nameStart = at + 1;
            int nameEnd = nameStart;
            // The first character after the backslash always belongs to the name (\? and \! are commands).
            if (nameEnd < line.length()) {
                nameEnd++;
            }
            while (nameEnd < line.length() && !Character.isWhitespace(line.charAt(nameEnd)) && line.charAt(nameEnd) != '\\') {
                nameEnd++;
            }
            int[] end = new int[1];
            List<String> arguments = MetaArguments.split(line, nameEnd, end, variables);
            pieces.add(new MetaCommand(line.substring(nameStart, nameEnd), arguments));
            at = end[0];
        }
        return at;
    }

    /** Whether the quote just reached is preceded by a lone E, making it an escape string. */
    private boolean followsEscapePrefix() {
        int length = buffer.length();
        if (length == 0) {
            return false;
        }
        char last = buffer.charAt(length - 1);
        if (last != 'E' && last != 'e') {
            return false;
        }
        return length == 1 || !isIdentifierPart(buffer.charAt(length - 2));
    }

    /**
     * The dollar-quote opening tag ({@code $$} or {@code $name$}) at {@code i}, or null when the
     * {@code $} is part of an identifier or a parameter such as {@code $1}.
     */
    private String dollarTagAt(String line, int i) {
        if (!buffer.isEmpty() && isIdentifierPart(buffer.charAt(buffer.length() - 1))) {
            return null;
        }
        int j = i + 1;
        if (j < line.length() && line.charAt(j) != '$' && !isIdentifierStart(line.charAt(j))) {
            return null;
        }
        while (j < line.length() && line.charAt(j) != '$') {
            char ch = line.charAt(j);
            if (!isIdentifierStart(ch) && !Character.isDigit(ch)) {
                return null;
            }
            j++;
        }
        return j < line.length() ? line.substring(i, j + 1) : null;
    }

    private static boolean isIdentifierStart(char ch) {
        return Character.isLetter(ch) || ch == '_' || ch >= 0x80;
    }

    private static boolean isIdentifierPart(char ch) {
        return isIdentifierStart(ch) || Character.isDigit(ch) || ch == '$';
    }
}
