package io.basalt.cli.conformance;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The outcome of one scored block: passed when Basalt printed exactly what PostgreSQL printed, skipped
 * (neither passed nor failed) when the corpus's {@link SkipList} excludes it.
 *
 * @param cause     why it failed (see {@link FailureCause}), null when it passed
 * @param rootCause the cause of the earlier failure this one follows from, such as the failed
 *                  CREATE TABLE behind a "relation does not exist" (see {@link RootCauses}); the
 *                  cause itself when it follows from nothing earlier; null when it passed
 * @param diff      the compact diff of PostgreSQL's lines against Basalt's (see {@link LineDiff}),
 *                  empty when it passed or was skipped
 * @param skipReason why the block is not scored, null when it is
 */
public record StatementVerdict(StatementBlock block, boolean passed, String cause, String rootCause, List<String> diff,
                               String skipReason) {
    public StatementVerdict {
        requireNonNull(block, "block is null");
        diff = List.copyOf(diff);
        boolean failed = !passed && skipReason == null;
        if (failed != (cause != null) || failed != (rootCause != null)) {
            throw new IllegalArgumentException("causes are given exactly when the block failed");
        }
    }

    static StatementVerdict pass(StatementBlock block) {
        return new StatementVerdict(block, true, null, null, List.of(), null);
    }

    /** A failure that follows from nothing earlier (until {@link RootCauses} finds otherwise). */
    static StatementVerdict fail(StatementBlock block, String cause, List<String> diff) {
        return new StatementVerdict(block, false, cause, cause, diff, null);
    }

    static StatementVerdict skip(StatementBlock block, String reason) {
        return new StatementVerdict(block, false, null, null, List.of(), requireNonNull(reason, "reason is null"));
    }

    /** Whether the block failed: not passed and not skipped. */
    public boolean failed() {
        return !passed && skipReason == null;
    }

    public boolean skipped() {
        return skipReason != null;
    }

    StatementVerdict withRootCause(String newRootCause) {
        return new StatementVerdict(block, passed, cause, requireNonNull(newRootCause, "newRootCause is null"), diff, null);
    }
}
