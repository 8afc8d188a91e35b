package io.basalt.cli.conformance;

import java.util.List;

/**
 * What a shell printed for one {@link StatementBlock}: the lines after the block's echo up to the
 * next block's echo.
 *
 * @param aligned whether the block's echo was found in the output; when not, {@code lines} is empty
 * @param lines   the printed lines, results and messages interleaved as they appeared
 */
public record BlockOutput(boolean aligned, List<String> lines) {
    public BlockOutput {
        lines = List.copyOf(lines);
    }

    static BlockOutput missing() {
        return new BlockOutput(false, List.of());
    }
}
