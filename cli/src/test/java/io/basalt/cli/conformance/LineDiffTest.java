package io.basalt.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact diff shown for a failed unit. */
class LineDiffTest {
    private static final List<String> TABLE = List.of(" a | b ", "---+---", " 1 | x", " 2 | y", " 3 | z", "(3 rows)", "");

    @Test
    void equalOutputsHaveNoDiff() {
        assertThat(LineDiff.compact(TABLE, TABLE, 10)).isEmpty();
        assertThat(LineDiff.compact(List.of(), List.of(), 10)).isEmpty();
    }

    @Test
    void oneWrongValueShowsAsOnePairWithOneLineOfContext() {
        List<String> actual = new ArrayList<>(TABLE);
        actual.set(3, " 2 | Y");
        assertThat(LineDiff.compact(TABLE, actual, 10)).containsExactly("  1 | x", "- 2 | y", "+ 2 | Y", "  3 | z");
    }

    @Test
    void anErrorInPlaceOfRowsShowsBoth() {
        List<String> actual = List.of("ERROR:  relation \"t\" does not exist", "LINE 1: SELECT * FROM t;",
                "                      ^");
        assertThat(LineDiff.compact(TABLE, actual, 20)).containsExactly(
                "- a | b ", "----+---", "- 1 | x", "- 2 | y", "- 3 | z", "-(3 rows)", "-",
                "+ERROR:  relation \"t\" does not exist", "+LINE 1: SELECT * FROM t;", "+                      ^");
    }

    @Test
    void aMisplacedCaretIsOneChangedLine() {
        List<String> expected = List.of("ERROR:  column \"x\" does not exist", "LINE 1: SELECT x FROM t;", "               ^");
        List<String> actual = List.of("ERROR:  column \"x\" does not exist", "LINE 1: SELECT x FROM t;", "        ^");
        assertThat(LineDiff.compact(expected, actual, 10))
                .containsExactly(" LINE 1: SELECT x FROM t;", "-               ^", "+        ^");
    }

    @Test
    void aMissingNoticeIsOneRemovedLine() {
        List<String> expected = List.of("NOTICE:  table \"gone\" does not exist, skipping");
        assertThat(LineDiff.compact(expected, List.of(), 10)).containsExactly("-NOTICE:  table \"gone\" does not exist, skipping");
    }

    @Test
    void aLongDiffIsCutWithANote() {
        List<String> actual = List.of("a", "b", "c", "d", "e");
        assertThat(LineDiff.compact(List.of(), actual, 3)).containsExactly("+a", "+b", "+c", "... 2 more diff lines");
    }

    @Test
    void regionsTooLargeForTheTableAreShownAsRemovedThenAdded() {
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            expected.add("e" + i);
            actual.add("a" + i);
        }
        List<String> diff = LineDiff.compact(expected, actual, 5000);
        assertThat(diff).hasSize(3000);
        assertThat(diff.get(1499)).isEqualTo("-e1499");
        assertThat(diff.get(1500)).isEqualTo("+a0");
    }
}
