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
 */
public final class ExpressionKeyIndex {
    private final String name;
    private final int[] readColumns;
    private final PhysicalExpression key;
    private final LogicalType keyType;
    private final Object definition;
    private final TreeMap<Object, Postings> keys = new TreeMap<>(IndexKeyOrder.INSTANCE);
    /** Positions whose key could not be computed: candidates of every lookup. */
    private final Postings unkeyed = new Postings();
    private long count;

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
                values[row] = normalized(ValueAccess.get(result, row));
            }
            for (Object value : values) {
                if (value != null && count <= Integer.MAX_VALUE) {
                    Postings postings = keys.get(value);
                    if (postings == null) {
                        postings = new Postings();
                        keys.put(value, postings);
                    }
                    postings.add((int) count);
                }
                count++;
            }
        } finally {
            for (FieldVector slice : slices) {
                slice.close();
            }
        }
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
        return predicate.indexName().equals(name) && count <= Integer.MAX_VALUE && !predicate.values().isEmpty()
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
        int total = 0;
        for (Postings list : lists) {
            for (int i = 0; i < list.size; i++) {
                int position = list.positions[i];
                long bit = 1L << position;
                if ((bits[position >>> 6] & bit) == 0) {
                    bits[position >>> 6] |= bit;
                    total++;
                }
            }
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
}
