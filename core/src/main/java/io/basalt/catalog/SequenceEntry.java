package io.basalt.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;

/**
 * A sequence: its name, its {@link SequenceOptions}, the column that owns it (if any), and its state, which is
 * PostgreSQL's: {@code lastValue}, {@code isCalled} (whether lastValue has been handed out; if not, the next value
 * is lastValue itself) and {@code logCount}, how many more values the last log record covers.
 *
 * <p>Values are not transactional: a value handed out stays used even when the statement that took it fails.
 * Durability follows PostgreSQL: when a value is taken and no logged value covers it, the entry first logs
 * ({@link SequenceLog}) the state {@value #LOG_AHEAD} values further on and then hands out values without
 * logging until those are used up. After a crash the sequence resumes after the logged state, so it may skip up to
 * {@value #LOG_AHEAD} values but never repeats one. {@code setval} logs its exact state at once, and so does a
 * clean close ({@link #logExactState()}).
 *
 * <p>Thread-safe: every read and change of the state holds the entry's monitor, so concurrent sessions never
 * receive the same value.
 */
public final class SequenceEntry {
    /** How many values one log record covers beyond the value that caused it (PostgreSQL's SEQ_LOG_VALS). */
    public static final int LOG_AHEAD = 32;

    /** The column a sequence belongs to: dropping the table drops the sequence. */
    public record OwnedColumn(String table, String column, boolean identity) {
        public OwnedColumn {
            requireNonNull(table, "table is null");
            requireNonNull(column, "column is null");
        }
    }

    /** The state as {@code SELECT * FROM sequence} shows it. */
    public record State(long lastValue, long logCount, boolean isCalled) {
    }

    private volatile String schema;
    private volatile String name;
    private final SequenceLog log;
    private SequenceOptions options;
    private OwnedColumn owner;
    private long lastValue;
    private boolean isCalled;
    private int logCount;
    private boolean dropped;
    /** The state a reopened database resumes from: what was last logged, restored or restarted by DDL. */
    private long durableValue;
    private boolean durableCalled;

    /** A new sequence positioned at its START value, not yet called. */
    public SequenceEntry(String schema, String name, SequenceOptions options, OwnedColumn owner, SequenceLog log) {
        this.schema = requireNonNull(schema, "schema is null");
        this.name = requireNonNull(name, "name is null");
        this.options = requireNonNull(options, "options is null");
        this.log = requireNonNull(log, "log is null");
        this.owner = owner;
        this.lastValue = options.start();
        this.durableValue = lastValue;
    }

    /**
     * The state a reopened database resumes from (for a checkpoint, which keeps it in place of the log records):
     * the last logged state, which covers every value handed out so far.
     */
    public synchronized State durableState() {
        return new State(durableValue, 0, durableCalled);
    }

    private void logged(long value, boolean called) {
        durableValue = value;
        durableCalled = called;
    }

    public String schema() {
        return schema;
    }

    public String name() {
        return name;
    }

    public synchronized SequenceOptions options() {
        return options;
    }

    /** The owning column, or null. */
    public synchronized OwnedColumn owner() {
        return owner;
    }

    public synchronized void setOwner(OwnedColumn owner) {
        this.owner = owner;
    }

    /**
     * This sequence in schema {@code newSchema} (its table moved there): same options, owner and state. The copy
     * logs its state under its new name before it hands out a value, so that a reopened database finds it there.
     */
    public synchronized SequenceEntry movedTo(String newSchema) {
        SequenceEntry moved = new SequenceEntry(newSchema, name, options, owner, log);
        moved.lastValue = lastValue;
        moved.isCalled = isCalled;
        moved.durableValue = durableValue;
        moved.durableCalled = durableCalled;
        return moved;
    }

    /**
     * ALTER SEQUENCE RENAME TO / SET SCHEMA ({@link Catalog#relocateSequence}): the same sequence, so that sessions
     * keep its currval and lastval, under another name; values it hands out from now on are logged under that name
     * (replay finds the records logged before under the former name, then the logged statement that renamed it).
     */
    synchronized void relocate(String newSchema, String newName) {
        this.schema = requireNonNull(newSchema, "newSchema is null");
        this.name = requireNonNull(newName, "newName is null");
    }

    /** Whether DROP has removed the sequence (a session may still hold it for lastval). */
    public synchronized boolean dropped() {
        return dropped;
    }

    public synchronized void markDropped() {
        dropped = true;
    }

    /** A transaction that dropped it rolled back: it is a live sequence again. */
    public synchronized void restore() {
        dropped = false;
    }

    public synchronized State state() {
        return new State(lastValue, logCount, isCalled);
    }

    /**
     * nextval: advances the sequence and returns the new value.
     *
     * @throws BasaltException 2200H when the sequence would pass a bound and does not cycle; nothing changes then
     */
    public synchronized long next() {
        long value = isCalled ? step(lastValue, true) : lastValue;
        if (logCount == 0 || !isCalled) {
            long ahead = value;
            int covered = 0;
            while (covered < LOG_AHEAD) {
                long further = step(ahead, false);
                if (further == ahead) {
                    break;
                }
                ahead = further;
                covered++;
            }
            log.record(this, ahead, true);
            logged(ahead, true);
            logCount = covered;
        } else {
            logCount--;
        }
        lastValue = value;
        isCalled = true;
        return value;
    }

    /**
     * The value after {@code from}: one increment on, or the other bound when the sequence cycles. At a bound of a
     * sequence that does not cycle it fails ({@code fail}) or returns {@code from} unchanged.
     */
    private long step(long from, boolean fail) {
        long increment = options.increment();
        if (increment > 0) {
            long max = options.maxValue();
            if ((max >= 0 && from > max - increment) || (max < 0 && from + increment > max)) {
                if (options.cycle()) {
                    return options.minValue();
                }
                if (fail) {
                    throw BasaltException.of(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED,
                            "nextval: reached maximum value of sequence \"" + name + "\" (" + max + ")");
                }
                return from;
            }
        } else {
            long min = options.minValue();
            if ((min < 0 && from < min - increment) || (min >= 0 && from + increment < min)) {
                if (options.cycle()) {
                    return options.maxValue();
                }
                if (fail) {
                    throw BasaltException.of(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED,
                            "nextval: reached minimum value of sequence \"" + name + "\" (" + min + ")");
                }
                return from;
            }
        }
        return from + increment;
    }

    /**
     * setval: positions the sequence at {@code value}, logged at once.
     *
     * @throws BasaltException 22003 when the value is outside the sequence's bounds
     */
    public synchronized void set(long value, boolean called) {
        if (value < options.minValue() || value > options.maxValue()) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "setval: value " + value
                    + " is out of bounds for sequence \"" + name + "\" (" + options.minValue() + ".."
                    + options.maxValue() + ")");
        }
        log.record(this, value, called);
        logged(value, called);
        lastValue = value;
        isCalled = called;
        logCount = 0;
    }

    /** ALTER SEQUENCE: new parameters, and a restart at {@code restartValue} unless that is null. */
    public synchronized void alter(SequenceOptions newOptions, Long restartValue) {
        options = requireNonNull(newOptions, "newOptions is null");
        if (restartValue != null) {
            lastValue = restartValue;
            isCalled = false;
            logged(restartValue, false);
        }
        logCount = 0;
    }

    /**
     * Logs the exact state when the last record logged ahead of it, so that a database closed cleanly resumes
     * where it stopped instead of skipping the values logged ahead.
     */
    public synchronized void logExactState() {
        if (logCount > 0) {
            log.record(this, lastValue, isCalled);
            logged(lastValue, isCalled);
            logCount = 0;
        }
    }

    /** Replay of a logged state (see {@link SequenceLog#record}). */
    public synchronized void restore(long loggedValue, boolean called) {
        lastValue = loggedValue;
        isCalled = called;
        logCount = 0;
        logged(loggedValue, called);
    }
}
