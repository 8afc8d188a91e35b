package io.basalt.cli.conformance;

import io.basalt.cli.script.MetaArguments;
import io.basalt.cli.script.ScannedPiece;
import io.basalt.cli.script.ScannedPiece.MetaCommand;
import io.basalt.cli.script.ScannedPiece.SqlStatement;
import io.basalt.cli.script.StatementScanner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a script into the {@link StatementBlock}s that psql's output under {@code -a} is aligned on.
 *
 * <p>psql echoes every line it reads except an empty line outside quotes and comments, and prints
 * the outcome of a statement (or backslash command) right after the echo of the line on which it
 * ends. So the echoed lines up to and including such a line, followed by everything printed until
 * the next echoed line, make one unit. Statement ends are found with the shell's own scanner,
 * which splits input as psql's lexer does; variables are not interpolated, which cannot move a
 * statement's end.
 *
 * <p>{@code \set ECHO none} (or any value but {@code all}) stops the echo until {@code \set ECHO all};
 * the line holding the command is still echoed, since psql echoes a line before running it. What
 * runs while the echo is off cannot be told apart from the unit before it, so it joins that unit.
 *
 * <p>After {@code COPY ... FROM STDIN} (or {@code FROM STDOUT}, which means the same) psql reads the lines up to {@code \.} as the COPY's data:
 * they are neither echoed nor statements (also when the COPY fails, as psql then discards them).
 */
public final class ScriptBlocks {
    private static final int TITLE_LENGTH = 100;
    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)copy\\b.*\\bfrom\\s+std(in|out)\\b.*");
    private static final String END_OF_COPY_DATA = "\\.";

    private ScriptBlocks() {
    }

    /**
     * The units of {@code script} in order. A statement left unterminated at the end is sent by
     * psql when the input ends and forms the last unit; trailing lines that end nothing form an
     * unscored unit of their own.
     */
    public static List<StatementBlock> of(String script) {
        StatementScanner scanner = new StatementScanner(true);
        List<StatementBlock> blocks = new ArrayList<>();
        List<String> echo = new ArrayList<>();
        // Where each line the scanner saw starts in its text (those lines joined by newlines), and
        // that line's number in the script, to turn a statement's offset into its line number.
        ScannedLines scanned = new ScannedLines();
        int lineNumber = 0;
        boolean echoing = true;
        boolean copyData = false;
        for (String line : TextLines.split(script)) {
            lineNumber++;
            if (copyData) {
                copyData = !line.equals(END_OF_COPY_DATA);
                continue;
            }
            scanned.add(line, lineNumber);
            if (echoing && (!line.isEmpty() || scanner.insideQuoteOrComment())) {
                echo.add(line);
            }
            List<ScannedPiece> pieces = scanner.scanLine(line);
            if (pieces.isEmpty()) {
                continue;
            }
            ScannedPiece first = pieces.getFirst();
            int startLine = first instanceof SqlStatement statement ? scanned.lineOf(statement) : lineNumber;
            close(blocks, echo, startLine, pieces.size(), titleOf(first));
            copyData = pieces.getLast() instanceof SqlStatement statement && COPY_FROM_STDIN.matcher(statement.text()).matches();
            for (ScannedPiece piece : pieces) {
                if (piece instanceof MetaCommand command && command.name().equals("set") && command.arguments().size() >= 2
                        && MetaArguments.value(command.arguments().getFirst()).equals("ECHO")) {
                    echoing = MetaArguments.value(command.arguments().get(1)).equals("all");
                }
            }
        }
        SqlStatement last = scanner.finish();
        if (last != null) {
            close(blocks, echo, scanned.lineOf(last), 1, titleOf(last));
        } else if (!echo.isEmpty()) {
            close(blocks, echo, lineNumber, 0, "(end of script)");
        }
        return blocks;
    }

    /** Ends the unit whose echo is {@code echo} (then cleared), or adds its statements to the previous one when nothing of it was echoed. */
    private static void close(List<StatementBlock> blocks, List<String> echo, int line, int statements, String title) {
        if (echo.isEmpty() && !blocks.isEmpty()) {
            StatementBlock previous = blocks.removeLast();
            blocks.add(new StatementBlock(previous.number(), previous.line(), previous.echo(),
                    previous.statements() + statements, previous.title()));
            return;
        }
        blocks.add(new StatementBlock(blocks.size() + 1, line, echo, statements, title));
        echo.clear();
    }

    /** The lines fed to the scanner: where each starts in the scanner's text, and its number in the script. */
    private static final class ScannedLines {
        private final List<Integer> offsets = new ArrayList<>();
        private final List<Integer> numbers = new ArrayList<>();
        private int next;

        void add(String line, int number) {
            offsets.add(next);
            numbers.add(number);
            next += line.length() + 1;
        }

        /** The script line on which {@code statement} begins. */
        int lineOf(SqlStatement statement) {
            int index = Collections.binarySearch(offsets, statement.startOffset());
            return numbers.get(index >= 0 ? index : -index - 2);
        }
    }

    /** A statement or command on one line, shortened, as reports show it. */
    static String titleOf(ScannedPiece piece) {
        String text = switch (piece) {
            case SqlStatement statement -> statement.text();
            case MetaCommand command -> command.arguments().isEmpty() ? "\\" + command.name()
                    : "\\" + command.name() + " " + String.join(" ", command.arguments());
        };
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= TITLE_LENGTH ? flat : flat.substring(0, TITLE_LENGTH - 3) + "...";
    }
}
