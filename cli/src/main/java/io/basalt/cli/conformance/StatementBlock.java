package io.basalt.cli.conformance;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One unit of a script that the conformance runner scores: the input lines psql echoes under
 * {@code -a} from the end of the previous unit through the line on which one or more statements or
 * backslash commands end, in the order they appear. A line that ends several statements
 * ({@code SELECT 1; SELECT 2;}) is one unit, since the outputs of its statements follow its echo
 * together and cannot be told apart by position. The unit after the last statement holds only
 * trailing comments and has no statements; it is aligned but not scored.
 *
 * @param number     1-based position among the units of the script
 * @param line       1-based script line on which the first statement or command ending here begins
 * @param echo       the echoed lines, verbatim
 * @param statements how many statements and backslash commands end in this unit (0 for the trailer)
 * @param title      the first statement or command ending here, on one line, for reports
 */
public record StatementBlock(int number, int line, List<String> echo, int statements, String title) {
    public StatementBlock {
        requireNonNull(title, "title is null");
        echo = List.copyOf(echo);
    }

    /** Whether this unit counts towards the score (it ends at least one statement or command). */
    public boolean scored() {
        return statements > 0;
    }
}
