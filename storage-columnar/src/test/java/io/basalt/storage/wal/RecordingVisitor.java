package io.basalt.storage.wal;

import java.util.ArrayList;
import java.util.List;

/** Keeps every record replayed to it, as {@link RecordContent}, with its sequence number. */
final class RecordingVisitor implements WalVisitor {
    private final List<Long> sequences = new ArrayList<>();
    private final List<RecordContent> contents = new ArrayList<>();

    @Override
    public void visit(long sequence, WalRecord record) {
        sequences.add(sequence);
        contents.add(RecordContent.of(record));
    }

    List<Long> sequences() {
        return sequences;
    }

    List<RecordContent> contents() {
        return contents;
    }
}
