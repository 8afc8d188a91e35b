package io.basalt.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting a shell's output into the outputs of the script's units. */
class OutputAlignmentTest {
    private static final String SCRIPT = """
            -- a comment
            SELECT 1 AS one;
            SELECT nocol FROM t;
            DROP TABLE IF EXISTS gone;
            SELECT 2; SELECT 3;
            """;

    /** What psql 15 printed for SCRIPT with {@code -X -a -q 2>&1} (table t exists, gone does not). */
    private static final List<String> PSQL = List.of(
            "-- a comment",
            "SELECT 1 AS one;",
            " one ",
            "-----",
            "   1",
            "(1 row)",
            "",
            "SELECT nocol FROM t;",
            "ERROR:  column \"nocol\" does not exist",
            "LINE 1: SELECT nocol FROM t;",
            "               ^",
            "DROP TABLE IF EXISTS gone;",
            "NOTICE:  table \"gone\" does not exist, skipping",
            "SELECT 2; SELECT 3;",
            " ?column? ",
            "----------",
            "        2",
            "(1 row)",
            "",
            " ?column? ",
            "----------",
            "        3",
            "(1 row)",
            "");

    @Test
    void eachUnitGetsTheLinesBetweenItsEchoAndTheNext() {
        List<BlockOutput> outputs = OutputAlignment.align(ScriptBlocks.of(SCRIPT), PSQL);
        assertThat(outputs).containsExactly(
                new BlockOutput(true, List.of(" one ", "-----", "   1", "(1 row)", "")),
                new BlockOutput(true, List.of("ERROR:  column \"nocol\" does not exist", "LINE 1: SELECT nocol FROM t;",
                        "               ^")),
                new BlockOutput(true, List.of("NOTICE:  table \"gone\" does not exist, skipping")),
                new BlockOutput(true, PSQL.subList(14, 24)));
    }

    @Test
    void aUnitWhoseEchoIsMissingIsUnalignedAndTheRestStillAlign() {
        List<String> output = List.of(
                "-- a comment", "SELECT 1 AS one;", "boom",
                "DROP TABLE IF EXISTS gone;",
                "SELECT 2; SELECT 3;", "x");
        List<BlockOutput> outputs = OutputAlignment.align(ScriptBlocks.of(SCRIPT), output);
        assertThat(outputs).containsExactly(
                new BlockOutput(true, List.of("boom")),
                new BlockOutput(false, List.of()),
                new BlockOutput(true, List.of()),
                new BlockOutput(true, List.of("x")));
    }

    @Test
    void outputThatStopsLeavesTheRemainingUnitsUnaligned() {
        List<BlockOutput> outputs = OutputAlignment.align(ScriptBlocks.of(SCRIPT), PSQL.subList(0, 9));
        assertThat(outputs).extracting(BlockOutput::aligned).containsExactly(true, true, false, false);
        assertThat(outputs.get(1).lines()).containsExactly("ERROR:  column \"nocol\" does not exist");
    }

    @Test
    void linesBeforeTheFirstEchoCountAgainstTheFirstUnit() {
        List<String> output = new java.util.ArrayList<>(List.of("WARNING: stray"));
        output.addAll(PSQL);
        assertThat(OutputAlignment.align(ScriptBlocks.of(SCRIPT), output).getFirst().lines())
                .containsExactly("WARNING: stray", " one ", "-----", "   1", "(1 row)", "");
    }

    @Test
    void anOutputLineEqualToTheNextStatementDoesNotEndTheUnitEarlyWhenTheWholeEchoDiffers() {
        String script = "\\echo SELECT 2;\n-- two\nSELECT 2;\n";
        List<String> output = List.of("\\echo SELECT 2;", "SELECT 2;", "-- two", "SELECT 2;", " ?column? ");
        List<BlockOutput> outputs = OutputAlignment.align(ScriptBlocks.of(script), output);
        assertThat(outputs).containsExactly(
                new BlockOutput(true, List.of("SELECT 2;")),
                new BlockOutput(true, List.of(" ?column? ")));
    }
}
