package io.basalt.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting scripts into the units psql's echoed output is aligned on. */
class ScriptBlocksTest {
    @Test
    void commentsBeforeAStatementBelongToItsUnitAndEmptyLinesAreNotEchoed() {
        List<StatementBlock> blocks = ScriptBlocks.of("""
                -- first
                SELECT 1;

                -- second
                --
                SELECT
                  2;
                """);
        assertThat(blocks).containsExactly(
                new StatementBlock(1, 2, List.of("-- first", "SELECT 1;"), 1, "SELECT 1;"),
                new StatementBlock(2, 6, List.of("-- second", "--", "SELECT", "  2;"), 1, "SELECT 2;"));
    }

    @Test
    void aLineEndingSeveralStatementsIsOneUnit() {
        List<StatementBlock> blocks = ScriptBlocks.of("BEGIN; SELECT 1; COMMIT;\nSELECT 2;\n");
        assertThat(blocks).extracting(StatementBlock::echo, StatementBlock::statements).containsExactly(
                tuple(List.of("BEGIN; SELECT 1; COMMIT;"), 3),
                tuple(List.of("SELECT 2;"), 1));
    }

    @Test
    void aStatementStartedAfterAnotherOnTheSameLineEndsInTheNextUnit() {
        List<StatementBlock> blocks = ScriptBlocks.of("SELECT 1; SELECT\n2;\n");
        assertThat(blocks).extracting(StatementBlock::echo).containsExactly(List.of("SELECT 1; SELECT"), List.of("2;"));
        assertThat(blocks.get(1).line()).isEqualTo(1);
        assertThat(blocks.get(1).title()).isEqualTo("SELECT 2;");
    }

    @Test
    void emptyLinesInsideAStringAreEchoed() {
        List<StatementBlock> blocks = ScriptBlocks.of("SELECT 'a\n\nb';\n\nSELECT 3;\n");
        assertThat(blocks.getFirst().echo()).containsExactly("SELECT 'a", "", "b';");
        assertThat(blocks.get(1).echo()).containsExactly("SELECT 3;");
    }

    @Test
    void backslashCommandsAreUnitsOfTheirOwn() {
        List<StatementBlock> blocks = ScriptBlocks.of("\\pset null '(null)'\nSELECT NULL;\n");
        assertThat(blocks).extracting(StatementBlock::title).containsExactly("\\pset null '(null)'", "SELECT NULL;");
    }

    @Test
    void whatRunsWhileTheEchoIsOffJoinsTheUnitThatTurnedItOff() {
        List<StatementBlock> blocks = ScriptBlocks.of("""
                \\set ECHO none
                SELECT 'hidden'
                \\gexec
                \\set ECHO all
                SELECT 1;
                """);
        assertThat(blocks).hasSize(2);
        assertThat(blocks.getFirst()).isEqualTo(new StatementBlock(1, 1, List.of("\\set ECHO none"), 3, "\\set ECHO none"));
        assertThat(blocks.get(1).echo()).containsExactly("SELECT 1;");
    }

    @Test
    void copyDataIsNeitherEchoedNorScanned() {
        List<StatementBlock> blocks = ScriptBlocks.of("""
                COPY t FROM stdin;
                1\tit's; not SQL
                \\.
                copy t from stdout;
                \\.
                SELECT * FROM t;
                """);
        assertThat(blocks).extracting(StatementBlock::echo).containsExactly(
                List.of("COPY t FROM stdin;"), List.of("copy t from stdout;"), List.of("SELECT * FROM t;"));
        assertThat(blocks.get(2).line()).isEqualTo(6);
    }

    @Test
    void anUnterminatedLastStatementIsAUnitAndTrailingCommentsAreUnscored() {
        assertThat(ScriptBlocks.of("SELECT 1;\n-- the end\n")).extracting(StatementBlock::scored, StatementBlock::echo)
                .containsExactly(tuple(true, List.of("SELECT 1;")),
                        tuple(false, List.of("-- the end")));
        List<StatementBlock> unterminated = ScriptBlocks.of("SELECT 1;\nSELECT\n  2\n");
        assertThat(unterminated.get(1)).isEqualTo(new StatementBlock(2, 2, List.of("SELECT", "  2"), 1, "SELECT 2"));
    }

    @Test
    void longStatementsAreShortenedInTitles() {
        String select = "SELECT " + "x, ".repeat(60) + "y FROM t;";
        StatementBlock block = ScriptBlocks.of(select + "\n").getFirst();
        assertThat(block.title()).hasSize(100).endsWith("...").startsWith("SELECT x, x,");
    }
}
