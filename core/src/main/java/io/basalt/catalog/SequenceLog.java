package io.basalt.catalog;

/**
 * Where a {@link SequenceEntry} makes its state durable before it hands out a value the state covers: the
 * database's write-ahead log, or nothing for a database in memory. Sequence values are not transactional, so a
 * record stands on its own, outside any statement's changes.
 */
@FunctionalInterface
public interface SequenceLog {
    /** A log that keeps nothing (in-memory databases, and while the log itself is being replayed). */
    SequenceLog NONE = (sequence, lastValue, isCalled) -> { };

    /**
     * Records that after a crash {@code sequence} must resume from {@code lastValue} ({@code isCalled}: that value
     * was handed out, so the next one follows it). Returns only once the record is durable.
     */
    void record(SequenceEntry sequence, long lastValue, boolean isCalled);
}
