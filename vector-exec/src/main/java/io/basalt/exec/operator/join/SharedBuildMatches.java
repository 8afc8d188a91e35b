package io.basalt.exec.operator.join;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The matched flags of a finished build that several workers probe at once (a RIGHT, FULL, RIGHT_SEMI or
 * RIGHT_ANTI join in a parallel pipeline). Each probe sets the flags of the build rows it matched; a flag only ever
 * turns true, so concurrent writes (of a {@code boolean[]}, which has no word tearing) need no lock. The build rows
 * the join keeps are known only once every probe has seen its last row: each probe reports the end of its input
 * once ({@link #probeEnded}), and the one that reports last outputs them. The atomic count orders every probe's
 * writes before that last probe's reads.
 */
final class SharedBuildMatches {
    private final boolean[] matched;
    private final AtomicInteger probesLeft;

    SharedBuildMatches(int buildRows, int probes) {
        this.matched = new boolean[buildRows];
        this.probesLeft = new AtomicInteger(probes);
    }

    boolean[] flags() {
        return matched;
    }

    /** Called once by each probe after its last input: whether it was the last, and so outputs the kept build rows. */
    boolean probeEnded() {
        return probesLeft.decrementAndGet() == 0;
    }
}
