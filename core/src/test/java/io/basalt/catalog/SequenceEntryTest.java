package io.basalt.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sequence's values and what it logs: the state one log record covers must always be at or beyond every value
 * handed out (so that a replay never hands one out again), with one record per {@value SequenceEntry#LOG_AHEAD} + 1
 * values, as PostgreSQL logs them.
 */
class SequenceEntryTest {
    /** The log records a sequence wrote, in order. */
    private static final class RecordingLog implements SequenceLog {
        final List<Long> values = new ArrayList<>();
        final List<Boolean> called = new ArrayList<>();

        @Override
        public void record(SequenceEntry sequence, long lastValue, boolean isCalled) {
            values.add(lastValue);
            called.add(isCalled);
        }
    }

    private static SequenceEntry sequence(long increment, long min, long max, long start, boolean cycle,
                                          SequenceLog log) {
        return new SequenceEntry("public", "s", new SequenceOptions(LogicalType.BIGINT, increment, min, max, start,
                1, cycle), null, log);
    }

    @Test
    void logsAheadOncePerWindowAndAlwaysCoversTheValuesHandedOut() {
        RecordingLog log = new RecordingLog();
        SequenceEntry sequence = sequence(1, 1, Long.MAX_VALUE, 1, false, log);
        for (long expected = 1; expected <= 100; expected++) {
            assertThat(sequence.next()).isEqualTo(expected);
            assertThat(log.values.getLast()).isGreaterThanOrEqualTo(expected);
        }
        // values 1, 34 and 67 and 100 each start a window of 33 values
        assertThat(log.values).containsExactly(33L, 66L, 99L, 132L);
        assertThat(sequence.state()).isEqualTo(new SequenceEntry.State(100, 32, true));
    }

    @Test
    void aReplayedStateResumesAfterTheLoggedValue() {
        RecordingLog log = new RecordingLog();
        SequenceEntry before = sequence(-3, -1000, -1, -1, false, log);
        long lastHandedOut = 0;
        for (int i = 0; i < 40; i++) {
            lastHandedOut = before.next();
        }
        SequenceEntry after = sequence(-3, -1000, -1, -1, false, SequenceLog.NONE);
        after.restore(log.values.getLast(), log.called.getLast());
        assertThat(after.next()).isLessThan(lastHandedOut);
        assertThat(after.next() - after.state().lastValue()).isZero();
    }

    @Test
    void theLogStopsAtABoundWithoutCycleAndCountsOnlyTheValuesThatExist() {
        RecordingLog log = new RecordingLog();
        SequenceEntry sequence = sequence(1, 1, 10, 8, false, log);
        assertThat(sequence.next()).isEqualTo(8);
        assertThat(log.values).containsExactly(10L);
        assertThat(sequence.state().logCount()).isEqualTo(2);
        assertThat(sequence.next()).isEqualTo(9);
        assertThat(sequence.next()).isEqualTo(10);
        assertThatThrownBy(sequence::next).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED);
            assertThat(e.getMessage()).isEqualTo("nextval: reached maximum value of sequence \"s\" (10)");
        });
        assertThat(sequence.state()).isEqualTo(new SequenceEntry.State(10, 0, true));
    }

    @Test
    void cyclingWrapsToTheOtherBound() {
        SequenceEntry up = sequence(4, 5, 13, 12, true, SequenceLog.NONE);
        assertThat(List.of(up.next(), up.next(), up.next(), up.next())).containsExactly(12L, 5L, 9L, 13L);
        SequenceEntry down = sequence(-2, -3, 0, -2, true, SequenceLog.NONE);
        assertThat(List.of(down.next(), down.next(), down.next())).containsExactly(-2L, 0L, -2L);
    }

    @Test
    void extremeBoundsDoNotOverflow() {
        SequenceEntry up = sequence(Long.MAX_VALUE, 1, Long.MAX_VALUE, Long.MAX_VALUE - 1, false, SequenceLog.NONE);
        assertThat(up.next()).isEqualTo(Long.MAX_VALUE - 1);
        assertThatThrownBy(up::next).isInstanceOf(BasaltException.class);
        SequenceEntry down = sequence(-2, Long.MIN_VALUE, -1, Long.MIN_VALUE + 1, false, SequenceLog.NONE);
        assertThat(down.next()).isEqualTo(Long.MIN_VALUE + 1);
        assertThatThrownBy(down::next).hasMessage("nextval: reached minimum value of sequence \"s\" "
                + "(-9223372036854775808)");
    }

    @Test
    void setvalLogsItsExactStateAndChecksTheBounds() {
        RecordingLog log = new RecordingLog();
        SequenceEntry sequence = sequence(1, 1, 100, 1, false, log);
        sequence.set(50, false);
        assertThat(log.values).containsExactly(50L);
        assertThat(log.called).containsExactly(false);
        assertThat(sequence.next()).isEqualTo(50);
        assertThatThrownBy(() -> sequence.set(101, true)).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
            assertThat(e.getMessage()).isEqualTo("setval: value 101 is out of bounds for sequence \"s\" (1..100)");
        });
        assertThat(sequence.next()).isEqualTo(51);
    }

    @Test
    void aCleanCloseLogsTheExactStateOnlyWhenTheLogRanAhead() {
        RecordingLog log = new RecordingLog();
        SequenceEntry sequence = sequence(1, 1, 100, 1, false, log);
        sequence.logExactState();
        assertThat(log.values).isEmpty();
        sequence.next();
        sequence.next();
        sequence.logExactState();
        assertThat(log.values).containsExactly(33L, 2L);
        sequence.logExactState();
        assertThat(log.values).hasSize(2);
    }

    @Test
    void aFailedLogWriteHandsOutNothing() {
        SequenceEntry sequence = sequence(1, 1, 100, 1, false, (entry, value, called) -> {
            throw BasaltException.of(SqlState.IO_ERROR, "disk full");
        });
        assertThatThrownBy(sequence::next).hasMessage("disk full");
        assertThat(sequence.state()).isEqualTo(new SequenceEntry.State(1, 0, false));
    }
}
