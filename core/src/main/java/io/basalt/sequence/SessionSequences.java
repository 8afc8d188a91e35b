package io.basalt.sequence;

import static java.util.Objects.requireNonNull;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.SequenceEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One session's view of the sequences: the catalog they are looked up in, and what {@code currval} and
 * {@code lastval} return, which PostgreSQL keeps per session: the last value each sequence handed to this session
 * (or that setval set with is_called), and which sequence nextval used last.
 *
 * <p>The binder has no session of its own, so a session makes itself current ({@link #CURRENT}) while it runs a
 * statement; the sequence functions bound then keep a reference to it for the executor.
 */
public final class SessionSequences {
    /** The session's sequences while it runs a statement. */
    public static final ScopedValue<SessionSequences> CURRENT = ScopedValue.newInstance();

    private final Catalog catalog;
    private final Map<SequenceEntry, Long> currentValues = new IdentityHashMap<>();
    private SequenceEntry lastUsed;

    public SessionSequences(Catalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** The sequences of the session running the current statement. */
    public static SessionSequences current() {
        if (!CURRENT.isBound()) {
            throw BasaltException.internal("sequence functions bound outside a session");
        }
        return CURRENT.get();
    }

    public Catalog catalog() {
        return catalog;
    }

    /** nextval: advances the sequence and remembers the value as its currval and as lastval. */
    public synchronized long nextval(SequenceEntry sequence) {
        long value = sequence.next();
        currentValues.put(sequence, value);
        lastUsed = sequence;
        return value;
    }

    /** currval: the value nextval last returned for the sequence in this session. */
    public synchronized long currval(SequenceEntry sequence) {
        Long value = currentValues.get(sequence);
        if (value == null) {
            throw BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "currval of sequence \"" + sequence.name() + "\" is not yet defined in this session");
        }
        return value;
    }

    /** setval: positions the sequence; with {@code isCalled} the value also becomes this session's currval. */
    public synchronized long setval(SequenceEntry sequence, long value, boolean isCalled) {
        sequence.set(value, isCalled);
        if (isCalled) {
            currentValues.put(sequence, value);
        }
        return value;
    }

    /** lastval: the currval of the sequence nextval used last, while that sequence exists. */
    public synchronized long lastval() {
        if (lastUsed == null || lastUsed.dropped()) {
            throw BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "lastval is not yet defined in this session");
        }
        return currval(lastUsed);
    }

    /** DISCARD SEQUENCES: forgets every currval and lastval. */
    public synchronized void discard() {
        currentValues.clear();
        lastUsed = null;
    }
}
