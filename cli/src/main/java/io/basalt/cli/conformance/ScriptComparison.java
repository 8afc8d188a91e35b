package io.basalt.cli.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares the shell's output for a script with PostgreSQL's, block by block: both are aligned on
 * the script's echoed lines ({@link OutputAlignment}) and a scored block passes when the lines
 * printed for it are exactly equal. Nothing is normalised: not whitespace, not message wording,
 * not the order of rows. Blocks the corpus's {@link SkipList} names are played but not scored.
 */
public final class ScriptComparison {
    /** Diff lines kept per failed block. */
    public static final int DIFF_LINES = 16;

    private ScriptComparison() {
    }

    /**
     * @param script         the script's text, which both outputs echo
     * @param expectedOutput what PostgreSQL's psql printed for it
     * @param actual         what Basalt's shell printed, with the SQLSTATEs of its errors
     */
    public static FileResult compare(String name, String script, String expectedOutput, PlayedScript actual) {
        return compare(name, script, expectedOutput, actual, SkipList.NONE);
    }

    /** As {@link #compare(String, String, String, PlayedScript)}, not scoring the blocks {@code skips} names. */
    public static FileResult compare(String name, String script, String expectedOutput, PlayedScript actual,
                                     SkipList skips) {
        List<StatementBlock> blocks = ScriptBlocks.of(script);
        List<BlockOutput> expected = OutputAlignment.align(blocks, TextLines.split(expectedOutput));
        List<BlockOutput> printed = OutputAlignment.align(blocks, TextLines.split(actual.output()));
        List<StatementVerdict> verdicts = new ArrayList<>();
        RootCauses roots = new RootCauses();
        for (int i = 0; i < blocks.size(); i++) {
            StatementBlock block = blocks.get(i);
            String skipReason = skips.reasonFor(name, block);
            if (skipReason != null) {
                verdicts.add(StatementVerdict.skip(block, skipReason));
            } else if (block.scored()) {
                StatementVerdict verdict = verdict(block, expected.get(i), printed.get(i), actual.sqlStates());
                verdicts.add(roots.trace(verdict, printed.get(i).lines()));
            }
        }
        return new FileResult(name, verdicts, actual.notes(), actual.elapsedMillis());
    }

    static StatementVerdict verdict(StatementBlock block, BlockOutput expected, BlockOutput actual,
                                    Map<String, String> sqlStates) {
        if (expected.aligned() && actual.aligned() && expected.lines().equals(actual.lines())) {
            return StatementVerdict.pass(block);
        }
        List<String> diff = actual.aligned() ? LineDiff.compact(expected.lines(), actual.lines(), DIFF_LINES) : List.of();
        return StatementVerdict.fail(block, FailureCause.of(block, expected, actual, sqlStates), diff);
    }
}
