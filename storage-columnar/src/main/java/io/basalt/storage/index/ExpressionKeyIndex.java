package io.basalt.storage.index;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorSlices;
import io.basalt.type.LogicalType;
import io.basalt.type.textsearch.TsQuery;
import io.basalt.type.textsearch.TsVector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * A B-tree index over an expression of one generation of a table store (CREATE INDEX ... ((expr)), a non-unique
 * btree index whose first key is an expression): the key of every position ever filled, in key order
 * ({@link IndexKeyOrder}), each key with its positions ascending. Like the GIN index ({@link JsonbInvertedIndex}) it
 * records deleted positions too, so it answers for every snapshot of the generation: {@link #candidates} names a
 * superset of the positions whose key satisfies a condition, and the scan that reads them applies its snapshot's
 * deletion masks and rechecks the full filter. A NULL key satisfies no comparison and is not recorded; a position
 * whose key could not be computed (the expression failed on its row: the filter raises that error when it reads the
 * row) is a candidate of every lookup.
 *
 * <p>The key is computed per stretch of positions by {@code key}, planned over the columns {@code readColumns} of
 * the table (column i of the batch it reads is table column {@code readColumns[i]}). {@code definition} is what the
 * planner matches a query's expression against (the bound key expression over the table's columns); the store
 * keeps it without looking at it. Not thread-safe: the owning store records and asks under its own lock.
 *
 * <p>A key of type tsvector makes it a GIN index over that tsvector (CREATE INDEX ... USING gin
 * (to_tsvector('english', body)) or over a tsvector column): each lexeme of a position's tsvector is a key naming
 * that position, and {@link #candidates(ScanPredicate.TextSearchKey)} answers {@code @@} as PostgreSQL's
 * tsvector_ops does: the positions holding the query's lexemes, a prefix lexeme ({@code 'jump':*}) standing for every
 * key it begins, {@code &} and {@code <->} needing both sides, {@code |} either, and a part under {@code !} narrowing
 * nothing. It serves no comparison of the whole tsvector.
 */
public final class ExpressionKeyIndex {
    private final String name;
    private final int[] readColumns;
    private final PhysicalExpression key;
    private final LogicalType keyType;
    private final Object definition;
    /** Whether the key is a tsvector whose lexemes are the keys (a GIN index over tsvector). */
    private final boolean inverted;
    private final TreeMap<Object, Postings> keys = new TreeMap<>(IndexKeyOrder.INSTANCE);
    /** Positions whose key could not be computed: candidates of every lookup. */
    private final Postings unkeyed = new Postings();
    private long count;
    /** Whether this index started from a saved copy ({@link #restoredCopy}) rather than empty. */
    private boolean restored;

    /** The positions holding one key, ascending (each added once, in order). */
    private static final class Postings {
        int[] positions = new int[1];
        int size;

        void add(int position) {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size + (size >>> 1) + 2);
            }
            positions[size++] = position;
        }
    }

    public ExpressionKeyIndex(String name, int[] readColumns, PhysicalExpression key, Object definition) {
        this.name = requireNonNull(name, "name is null");
        this.readColumns = readColumns.clone();
        this.key = requireNonNull(key, "key is null");
        this.keyType = key.type();
        this.definition = requireNonNull(definition, "definition is null");
        this.inverted = keyType.id() == io.basalt.type.TypeId.TSVECTOR;
    }

    /**
     * Positions {@code [0, count)} of an index read back from a saved index file ({@link #read}): each key with its
     * positions, and the unkeyed positions, ready to become an index again ({@link #restoredCopy}).
     */
    public static final class Saved {
        private final long count;
        private final Object[] keys;
        private final int[][] positions;
        private final int[] unkeyed;

        private Saved(long count, Object[] keys, int[][] positions, int[] unkeyed) {
            this.count = count;
            this.keys = keys;
            this.positions = positions;
            this.unkeyed = unkeyed;
        }

        /** The positions covered. */
        public long count() {
            return count;
        }
    }

    /**
     * Whether {@link #write} can save positions {@code [0, limit)}: they are recorded, within int range, and every key
     * is of a class a saved index file holds.
     */
    public boolean covers(long limit) {
        if (limit > count || limit > Integer.MAX_VALUE) {
            return false;
        }
        for (Object value : keys.keySet()) {
            if (!SavedKeyValues.savable(value)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes positions {@code [0, limit)} ({@link #covers} holds): the limit, the keys that have positions below it,
     * each with those positions, then the unkeyed positions below it.
     */
    public void write(java.io.DataOutput out, long limit) throws java.io.IOException {
        out.writeLong(limit);
        int written = 0;
        for (Postings postings : keys.values()) {
            written += below(postings, limit) > 0 ? 1 : 0;
        }
        out.writeInt(written);
        for (java.util.Map.Entry<Object, Postings> entry : keys.entrySet()) {
            int size = below(entry.getValue(), limit);
            if (size > 0) {
                SavedKeyValues.write(out, entry.getKey());
                writePositions(out, entry.getValue(), size);
            }
        }
        writePositions(out, unkeyed, below(unkeyed, limit));
    }

    /** How many of {@code postings}' positions (ascending) lie below {@code limit}. */
    private static int below(Postings postings, long limit) {
        int size = postings.size;
        while (size > 0 && postings.positions[size - 1] >= limit) {
            size--;
        }
        return size;
    }

    /** The first {@code size} positions, each as its distance from the one before (small numbers, varint-coded). */
    private static void writePositions(java.io.DataOutput out, Postings postings, int size) throws java.io.IOException {
        out.writeInt(size);
        int previous = -1;
        for (int i = 0; i < size; i++) {
            int gap = postings.positions[i] - previous;
            previous = postings.positions[i];
            while ((gap & ~0x7F) != 0) {
                out.writeByte((gap & 0x7F) | 0x80);
                gap >>>= 7;
            }
            out.writeByte(gap);
        }
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws java.io.IOException when the bytes are not such an index (positions out of order or beyond the count)
     */
    public static Saved read(java.io.DataInput in) throws java.io.IOException {
        long count = in.readLong();
        int keyCount = in.readInt();
        if (count < 0 || count > Integer.MAX_VALUE || keyCount < 0 || keyCount > count) {
            throw new java.io.IOException("bad index header");
        }
        Object[] keys = new Object[keyCount];
        int[][] positions = new int[keyCount][];
        for (int k = 0; k < keyCount; k++) {
            keys[k] = SavedKeyValues.read(in);
            positions[k] = readPositions(in, count);
        }
        return new Saved(count, keys, positions, readPositions(in, count));
    }

    private static int[] readPositions(java.io.DataInput in, long count) throws java.io.IOException {
        int size = in.readInt();
        if (size < 0 || size > count) {
            throw new java.io.IOException("bad posting list size");
        }
        int[] positions = new int[size];
        long previous = -1;
        for (int i = 0; i < size; i++) {
            long gap = 0;
            for (int shift = 0; ; shift += 7) {
                if (shift > 28) {
                    throw new java.io.IOException("bad position");
                }
                byte next = in.readByte();
                gap |= (long) (next & 0x7F) << shift;
                if ((next & 0x80) == 0) {
                    break;
                }
            }
            previous += gap;
            if (gap <= 0 || previous >= count) {
                throw new java.io.IOException("positions out of order");
            }
            positions[i] = (int) previous;
        }
        return positions;
    }

    /** An index with this one's definition holding the positions of {@code saved}. */
    public ExpressionKeyIndex restoredCopy(Saved saved) {
        ExpressionKeyIndex copy = emptyCopy();
        for (int k = 0; k < saved.keys.length; k++) {
            Postings postings = new Postings();
            postings.positions = saved.positions[k];
            postings.size = saved.positions[k].length;
            copy.keys.put(saved.keys[k], postings);
        }
        copy.unkeyed.positions = saved.unkeyed;
        copy.unkeyed.size = saved.unkeyed.length;
        copy.count = saved.count;
        copy.restored = true;
        return copy;
    }

    /** Whether this index started from a saved copy rather than from the rows. */
    public boolean restored() {
        return restored;
    }

    /** How a saved copy of this index is matched to its definition on open: name, columns read and key type. */
    public String savedName() {
        return name + "/" + Arrays.toString(readColumns) + "/" + keyType;
    }

    /** An empty index with the same definition (a new generation's). */
    public ExpressionKeyIndex emptyCopy() {
        return new ExpressionKeyIndex(name, readColumns, key, definition);
    }

    public String name() {
        return name;
    }

    /** What the planner matches a query's expression against (the bound key expression, over the table's columns). */
    public Object definition() {
        return definition;
    }

    /** The table columns the key expression reads. */
    public int[] readColumns() {
        return readColumns.clone();
    }

    /** Positions recorded so far: the next {@link #addRange} or {@link #addUnkeyed} records this one. */
    public long count() {
        return count;
    }

    /**
     * Records positions {@code [count(), count() + rows)}: rows {@code [from, from + rows)} of {@code chunk} (the
     * table's columns; only {@link #readColumns} are read), computing their keys over slices from {@code allocator}.
     * A stretch the expression fails on is computed row by row, the failing rows recorded as unkeyed.
     */
    public void addRange(FieldVector[] chunk, int from, int rows, BufferAllocator allocator) {
        if (rows == 0) {
            return;
        }
        for (int column : readColumns) {
            if (column >= chunk.length || chunk[column] == null) {
                addUnkeyed(rows); // a column the stored rows do not hold: leave them to the filter
                return;
            }
        }
        try {
            addComputed(chunk, from, rows, allocator);
        } catch (RuntimeException failure) {
            if (rows == 1) {
                addUnkeyed(1);
                return;
            }
            for (int row = 0; row < rows; row++) {
                addRange(chunk, from + row, 1, allocator);
            }
        }
    }

    /** Records {@code rows} positions whose keys are not known: every lookup names them. */
    public void addUnkeyed(int rows) {
        for (int i = 0; i < rows; i++) {
            if (count <= Integer.MAX_VALUE) {
                unkeyed.add((int) count);
            }
            count++;
        }
    }

    private void addComputed(FieldVector[] chunk, int from, int rows, BufferAllocator allocator) {
        List<FieldVector> slices = new ArrayList<>(readColumns.length);
        try (EvaluationContext context = new EvaluationContext(allocator)) {
            for (int column : readColumns) {
                slices.add(VectorSlices.slice(chunk[column], from, rows, allocator));
            }
            FieldVector result = key.evaluate(new Batch(slices, rows), context);
            // computed in full before anything is recorded: a failure leaves the index as it was
            Object[] values = new Object[rows];
            for (int row = 0; row < rows; row++) {
                Object value = normalized(ValueAccess.get(result, row));
                values[row] = inverted && value != null ? TsVector.parse((String) value).lexemes() : value;
            }
            for (Object value : values) {
                if (value != null && count <= Integer.MAX_VALUE) {
                    if (inverted) {
                        for (Object lexeme : (List<?>) value) {
                            post(lexeme); // a tsvector's lexemes are distinct: one posting per lexeme and position
                        }
                    } else {
                        post(value);
                    }
                }
                count++;
            }
        } finally {
            for (FieldVector slice : slices) {
                slice.close();
            }
        }
    }

    /** Records position {@code count} under {@code key}. */
    private void post(Object key) {
        Postings postings = keys.get(key);
        if (postings == null) {
            postings = new Postings();
            keys.put(key, postings);
        }
        postings.add((int) count);
    }

    /** A key as the index orders it: a scaled NUMERIC as its decimal value. */
    private Object normalized(Object value) {
        if (value instanceof Long unscaled && keyType.isScaledLong()) {
            return BigDecimal.valueOf(unscaled, keyType.scale());
        }
        return value;
    }

    /** Whether {@link #candidates} can answer {@code predicate}: one on this index, over int positions. */
    public boolean serves(ScanPredicate.IndexKey predicate) {
        return !inverted && predicate.indexName().equals(name) && count <= Integer.MAX_VALUE && !predicate.values().isEmpty()
                && (predicate.operator() == CompareOp.EQ || predicate.values().size() == 1)
                && predicate.operator() != CompareOp.NE;
    }

    /**
     * The positions, ascending, that may satisfy {@code predicate} ({@link #serves} must hold): every one whose key
     * does, and those whose key is not known.
     */
    public long[] candidates(ScanPredicate.IndexKey predicate) {
        List<Postings> found = new ArrayList<>();
        if (predicate.operator() == CompareOp.EQ) {
            for (Object value : predicate.values()) {
                Postings postings = keys.get(value);
                if (postings != null) {
                    found.add(postings);
                }
            }
        } else {
            Object value = predicate.values().getFirst();
            NavigableMap<Object, Postings> range = switch (predicate.operator()) {
                case LT -> keys.headMap(value, false);
                case LE -> keys.headMap(value, true);
                case GT -> keys.tailMap(value, false);
                case GE -> keys.tailMap(value, true);
                case EQ, NE -> throw new IllegalStateException("not a range: " + predicate.operator());
            };
            found.addAll(range.values());
        }
        if (unkeyed.size > 0) {
            found.add(unkeyed);
        }
        return union(found);
    }

    /** At most this many keys are visited to estimate a range's share; a wider range is not estimated. */
    private static final int MAX_ESTIMATED_KEYS = 65_536;

    /**
     * The share of the recorded positions whose key satisfies {@code predicate} ({@link #serves} must hold), for the
     * planner's row estimates: exact for equalities and IN lists (each key's positions are counted), counted over at
     * most {@value #MAX_ESTIMATED_KEYS} keys for a range; NaN when nothing is recorded, the range is wider, or the
     * positions include some whose key is not known. Deleted positions count as the index keeps them.
     */
    public double fraction(ScanPredicate.IndexKey predicate) {
        if (count == 0 || unkeyed.size > 0) {
            return Double.NaN;
        }
        long matching = 0;
        if (predicate.operator() == CompareOp.EQ) {
            for (Object value : predicate.values()) {
                Postings postings = keys.get(value);
                matching += postings == null ? 0 : postings.size;
            }
        } else {
            Object value = predicate.values().getFirst();
            NavigableMap<Object, Postings> range = switch (predicate.operator()) {
                case LT -> keys.headMap(value, false);
                case LE -> keys.headMap(value, true);
                case GT -> keys.tailMap(value, false);
                case GE -> keys.tailMap(value, true);
                case EQ, NE -> throw new IllegalStateException("not a range: " + predicate.operator());
            };
            int visited = 0;
            for (Postings postings : range.values()) {
                if (++visited > MAX_ESTIMATED_KEYS) {
                    return Double.NaN;
                }
                matching += postings.size;
            }
        }
        return (double) matching / count;
    }

    /** Whether {@link #candidates(ScanPredicate.TextSearchKey)} can answer {@code predicate}: a GIN index's own. */
    public boolean serves(ScanPredicate.TextSearchKey predicate) {
        return inverted && predicate.indexName().equals(name) && count <= Integer.MAX_VALUE;
    }

    /** Whether this is a GIN index over a tsvector (its keys are lexemes). */
    public boolean inverted() {
        return inverted;
    }

    /**
     * The positions, ascending, that may satisfy {@code key @@ query} ({@link #serves(ScanPredicate.TextSearchKey)}
     * must hold): every one whose lexemes can, and those whose key is not known.
     */
    public long[] candidates(ScanPredicate.TextSearchKey predicate) {
        int words = (int) ((count + 63) >>> 6);
        long[] bits = matching(TsQuery.parse(predicate.query()), words);
        if (bits == null) {
            long[] every = new long[(int) count];
            for (int i = 0; i < every.length; i++) {
                every[i] = i;
            }
            return every;
        }
        addTo(bits, unkeyed);
        return positionsOf(bits);
    }

    /**
     * The positions whose lexemes can satisfy {@code query}, as a bitmap of {@code words} words; null when the query
     * narrows nothing (a negation can match a position without lexemes). An empty query matches nothing.
     */
    private long[] matching(TsQuery query, int words) {
        return switch (query) {
            case null -> new long[words];
            case TsQuery.Operand operand -> {
                long[] bits = new long[words];
                if (!operand.prefix()) {
                    Postings postings = keys.get(operand.lexeme());
                    if (postings != null) {
                        addTo(bits, postings);
                    }
                    yield bits;
                }
                // keys are in code point order: every key beginning with the prefix follows it, together
                for (java.util.Map.Entry<Object, Postings> entry : keys.tailMap(operand.lexeme(), true).entrySet()) {
                    if (!((String) entry.getKey()).startsWith(operand.lexeme())) {
                        break;
                    }
                    addTo(bits, entry.getValue());
                }
                yield bits;
            }
            case TsQuery.Not not -> null;
            case TsQuery.And and -> both(matching(and.left(), words), matching(and.right(), words));
            case TsQuery.Phrase phrase -> both(matching(phrase.left(), words), matching(phrase.right(), words));
            case TsQuery.Or or -> {
                long[] left = matching(or.left(), words);
                long[] right = left == null ? null : matching(or.right(), words);
                if (right == null) {
                    yield null;
                }
                for (int i = 0; i < words; i++) {
                    left[i] |= right[i];
                }
                yield left;
            }
        };
    }

    /** The positions in both (null: any position). */
    private static long[] both(long[] left, long[] right) {
        if (left == null || right == null) {
            return left == null ? right : left;
        }
        for (int i = 0; i < left.length; i++) {
            left[i] &= right[i];
        }
        return left;
    }

    private static void addTo(long[] bits, Postings postings) {
        for (int i = 0; i < postings.size; i++) {
            int position = postings.positions[i];
            bits[position >>> 6] |= 1L << position;
        }
    }

    /** The positions set in {@code bits}, ascending. */
    private static long[] positionsOf(long[] bits) {
        int total = 0;
        for (long word : bits) {
            total += Long.bitCount(word);
        }
        long[] out = new long[total];
        int size = 0;
        for (int word = 0; word < bits.length; word++) {
            long remaining = bits[word];
            while (remaining != 0) {
                out[size++] = ((long) word << 6) + Long.numberOfTrailingZeros(remaining);
                remaining &= remaining - 1;
            }
        }
        return out;
    }

    /** The positions of {@code lists}, ascending and distinct: one list as it is, several through a bitmap. */
    private long[] union(Collection<Postings> lists) {
        if (lists.size() == 1) {
            Postings only = lists.iterator().next();
            long[] out = new long[only.size];
            for (int i = 0; i < only.size; i++) {
                out[i] = only.positions[i];
            }
            return out;
        }
        long[] bits = new long[(int) ((count + 63) >>> 6)];
        for (Postings list : lists) {
            addTo(bits, list);
        }
        return positionsOf(bits);
    }
}
