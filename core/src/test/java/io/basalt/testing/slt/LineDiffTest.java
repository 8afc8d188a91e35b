package io.basalt.testing.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a developer sees when rows differ. */
class LineDiffTest {

    @Test
    void changedLineIsShownAsRemovedAndAdded() {
        assertThat(LineDiff.of(List.of("a", "b", "c"), List.of("a", "B", "c"))).isEqualTo("""
                  a
                - b
                + B
                  c
                """);
    }

    @Test
    void insertedAndMissingLinesAreAligned() {
        assertThat(LineDiff.marked(List.of("1", "2", "3", "5"), List.of("1", "3", "4", "5")))
                .containsExactly("  1", "- 2", "  3", "+ 4", "  5");
    }

    @Test
    void longEqualStretchesAreShortened() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(Integer.toString(i));
        }
        List<String> actual = new ArrayList<>(expected);
        actual.set(50, "fifty");

        assertThat(LineDiff.of(expected, actual)).isEqualTo("""
                  ... 48 equal lines
                  48
                  49
                - 50
                + fifty
                  51
                  52
                  ... 47 equal lines
                """);
    }

    @Test
    void veryLongDiffsAreCut() {
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add("e" + i);
            actual.add("a" + i);
        }

        String diff = LineDiff.of(expected, actual);

        assertThat(diff.lines().count()).isEqualTo(61);
        assertThat(diff).endsWith("  ... (diff cut at 60 lines)\n");
    }
}
