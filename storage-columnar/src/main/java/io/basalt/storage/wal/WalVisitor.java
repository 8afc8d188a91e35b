package io.basalt.storage.wal;

/**
 * Receives the records of a write-ahead log in the order they were committed, from
 * {@link WriteAheadLog#replay}.
 */
@FunctionalInterface
public interface WalVisitor {
    /**
     * Applies one record. {@code sequence} is the number {@link WriteAheadLog#append} or
     * {@link WriteAheadLog#commit} returned when the record was written; the records of one
     * {@code commit} share it and arrive one after the other in their original order. A commit too large
     * for one log record was written as several: its records arrive in order too, each piece with the
     * number of the log record that held it (increasing, the last one the number {@code commit} returned),
     * so every number of a commit lies after the previous commit's and before the next one's.
     *
     * <p>An {@link WalRecord.Append}'s batches belong to the log and are closed when this method
     * returns: copy what must outlive the call. An exception thrown here stops the replay and
     * propagates from {@code replay}, after the log has released its buffers.
     */
    void visit(long sequence, WalRecord record);
}
