package io.basalt.storage.index;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.type.json.Jsonb;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * A GIN index over one jsonb column of one generation of a table store (CREATE INDEX ... USING gin (column
 * [opclass])): the {@link JsonbIndexEntries} of every position ever filled, in an {@link InvertedPositions}. Like the
 * store's unique-key positions it records deleted positions too, so it answers for every snapshot of the
 * generation: {@link #candidates} names a superset of the positions whose value satisfies the predicate, and the
 * scan that reads them still applies its snapshot's deletion masks and rechecks the full filter.
 *
 * <p>Not thread-safe: the owning store records and asks under its own lock.
 */
public final class JsonbInvertedIndex {
    private final String name;
    private final int column;
    private final JsonbOperatorClass operatorClass;
    private final InvertedPositions positions;
    private final JsonbIndexEntries.Buffer scratch = new JsonbIndexEntries.Buffer();
    /** Positions past int range: set once the generation outgrows them; the index then serves nothing. */
    private long overflow;

    public JsonbInvertedIndex(String name, int column, JsonbOperatorClass operatorClass) {
        this(name, column, operatorClass, new InvertedPositions());
    }

    private JsonbInvertedIndex(String name, int column, JsonbOperatorClass operatorClass,
                               InvertedPositions positions) {
        this.name = requireNonNull(name, "name is null");
        this.column = column;
        this.operatorClass = requireNonNull(operatorClass, "operatorClass is null");
        this.positions = positions;
    }

    /** An empty index with the same definition (a new generation's). */
    public JsonbInvertedIndex emptyCopy() {
        return new JsonbInvertedIndex(name, column, operatorClass);
    }

    /**
     * An index with the same definition holding {@code restored} (read back from a checkpoint, see
     * {@link InvertedPositions#read}): its positions are recorded, the next {@link #addRow} records the one after.
     */
    public JsonbInvertedIndex restoredCopy(InvertedPositions restored) {
        return new JsonbInvertedIndex(name, column, operatorClass, requireNonNull(restored, "restored is null"));
    }

    /**
     * Writes the entries of positions {@code [0, limit)} as {@link InvertedPositions#write} does; false, writing
     * nothing, when it does not {@link #covers cover} them.
     */
    public boolean write(java.io.DataOutput out, long limit) throws java.io.IOException {
        if (!covers(limit)) {
            return false;
        }
        positions.write(out, (int) limit);
        return true;
    }

    /** Whether {@link #write} can write positions {@code [0, limit)}: they are recorded, within int range. */
    public boolean covers(long limit) {
        return overflow == 0 && limit <= positions.count();
    }

    public String name() {
        return name;
    }

    /** The indexed table column. */
    public int column() {
        return column;
    }

    public JsonbOperatorClass operatorClass() {
        return operatorClass;
    }

    /** Positions recorded so far: the next {@link #addRow} or {@link #addValue} records this one. */
    public long count() {
        return positions.count() + overflow;
    }

    /** Whether the generation outgrew int positions; returns true (and counts the position) when it did. */
    private boolean overflowed() {
        if (overflow > 0 || positions.count() == Integer.MAX_VALUE - 1) {
            overflow++;
            return true;
        }
        return false;
    }

    /** Records the next position with row {@code row} of {@code vector} (the indexed column's jsonb vector). */
    public void addRow(FieldVector vector, int row) {
        if (overflowed()) {
            return;
        }
        if (vector.isNull(row)) {
            positions.skip();
            return;
        }
        BaseVariableWidthVector values = (BaseVariableWidthVector) vector;
        MemorySegment data = ArrowSegments.of(values.getDataBuffer());
        long start = values.getOffsetBuffer().getInt((long) row * 4);
        long end = values.getOffsetBuffer().getInt((long) (row + 1) * 4);
        scratch.clear();
        JsonbIndexEntries.collect(data, start, end, operatorClass, scratch);
        positions.add(scratch.entries, scratch.size);
    }

    /** Records the next position with {@code value} (a {@link Jsonb} or null): a column added with a default. */
    public void addValue(Object value) {
        if (overflowed()) {
            return;
        }
        if (value == null) {
            positions.skip();
            return;
        }
        byte[] bytes = ((Jsonb) value).bytes();
        scratch.clear();
        JsonbIndexEntries.collect(MemorySegment.ofArray(bytes), 0, bytes.length, operatorClass, scratch);
        positions.add(scratch.entries, scratch.size);
    }

    /** Whether {@link #candidates} can answer {@code predicate}: on this column, by an operator of this class. */
    public boolean serves(ScanPredicate.JsonbMatch predicate) {
        if (predicate.column() != column || overflow > 0) {
            return false;
        }
        return switch (predicate.kind()) {
            case CONTAINS, PATH_EXISTS, PATH_MATCH -> predicate.preferIndex() || hasEntries(predicate);
            case EXISTS -> operatorClass.servesExistence();
            case EXISTS_ANY -> operatorClass.servesExistence();
            case EXISTS_ALL -> operatorClass.servesExistence()
                    && (predicate.preferIndex() || !((List<?>) predicate.operand()).isEmpty());
        };
    }

    /**
     * Whether this index has entries to look up for {@code predicate}; without any, {@link #candidates} names every
     * position (PostgreSQL's full index scan, which it runs only where it must not read the table otherwise).
     */
    public boolean hasEntries(ScanPredicate.JsonbMatch predicate) {
        return switch (predicate.kind()) {
            case CONTAINS -> JsonbIndexEntries.of((byte[]) predicate.operand(), operatorClass).length > 0;
            case EXISTS, EXISTS_ANY -> operatorClass.servesExistence();
            case EXISTS_ALL -> operatorClass.servesExistence() && !((List<?>) predicate.operand()).isEmpty();
            case PATH_EXISTS, PATH_MATCH -> pathEntries(predicate) != null;
        };
    }

    private JsonPathEntries.Node pathEntries(ScanPredicate.JsonbMatch predicate) {
        io.basalt.type.json.path.JsonPath path = io.basalt.type.json.path.JsonPathParser.parse(
                (String) predicate.operand());
        return JsonPathEntries.of(path, predicate.kind() == ScanPredicate.JsonbMatchKind.PATH_MATCH, operatorClass);
    }

    /** Every position recorded: the candidates of a predicate without entries. */
    private long[] everyPosition() {
        long[] out = new long[positions.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = i;
        }
        return out;
    }

    /**
     * The positions, ascending, that may satisfy {@code predicate} ({@link #serves} must hold): every one that does,
     * and perhaps others.
     */
    public long[] candidates(ScanPredicate.JsonbMatch predicate) {
        if (!hasEntries(predicate)) {
            return everyPosition();
        }
        return switch (predicate.kind()) {
            case CONTAINS -> positions.candidates(JsonbIndexEntries.of((byte[]) predicate.operand(), operatorClass));
            case EXISTS -> positions.all(new long[] {JsonbIndexEntries.keyEntry((String) predicate.operand())});
            case EXISTS_ANY -> positions.any(keyEntries((List<?>) predicate.operand()));
            case EXISTS_ALL -> positions.candidates(keyEntries((List<?>) predicate.operand()));
            case PATH_EXISTS, PATH_MATCH -> JsonPathEntries.positions(pathEntries(predicate), positions);
        };
    }

    private static long[] keyEntries(List<?> keys) {
        long[] entries = new long[keys.size()];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = JsonbIndexEntries.keyEntry((String) keys.get(i));
        }
        java.util.Arrays.sort(entries);
        int kept = 0;
        for (int i = 0; i < entries.length; i++) {
            if (kept == 0 || entries[kept - 1] != entries[i]) {
                entries[kept++] = entries[i];
            }
        }
        return java.util.Arrays.copyOf(entries, kept);
    }
}
