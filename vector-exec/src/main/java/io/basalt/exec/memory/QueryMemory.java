package io.basalt.exec.memory;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.spill.SpillDirectory;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The memory budget of one query ({@code SET memory_limit}). Two kinds of memory count against it: the Arrow
 * memory of the query's allocator (which the caller creates with the same limit, so that Arrow itself refuses
 * an allocation past it) and explicit reservations for on-heap structures that Arrow does not see (the Java
 * arrays of hash tables and aggregate states), which operators make with {@link #reserve} and give back with
 * {@link #release}.
 *
 * <p>Operators that can spill (sort, hash aggregation, hash join) keep their own size under
 * {@link #operatorBudget()}, a share of the limit, and move the rest to temporary files in this query's
 * {@link SpillDirectory}, created on first use and deleted by {@link #close()}. Operators that cannot spill
 * fail with SQLSTATE 53200 ({@link #outOfMemory}) when the limit is reached.
 *
 * <p>Thread-safe: the workers of a parallel pipeline reserve concurrently.
 */
public final class QueryMemory implements AutoCloseable {
    /** How many operators may hold their full share at once: each spilling operator gets 1/OPERATOR_SHARES. */
    private static final int OPERATOR_SHARES = 4;

    private final long limit;
    private final BufferAllocator allocator;
    private final Path spillParent;
    private final AtomicLong reserved = new AtomicLong();
    private SpillDirectory spills;

    /**
     * @param limit       bytes the query may hold (Arrow and reserved heap together)
     * @param allocator   the query's allocator, whose own limit should be {@code limit}
     * @param spillParent the directory under which this query's spill directory is made (null: java.io.tmpdir)
     */
    public QueryMemory(long limit, BufferAllocator allocator, Path spillParent) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
        this.allocator = allocator;
        this.spillParent = spillParent;
    }

    /** A budget that is never reached: for internal work (table rewrites, file scans) outside a user query. */
    public static QueryMemory unlimited(BufferAllocator allocator) {
        return new QueryMemory(Long.MAX_VALUE, allocator, null);
    }

    public long limit() {
        return limit;
    }

    /** Bytes held now: the allocator's Arrow memory plus the reserved heap. */
    public long used() {
        return (allocator == null ? 0 : allocator.getAllocatedMemory()) + reserved.get();
    }

    /** The size past which a spilling operator moves its data to disk. */
    public long operatorBudget() {
        return Math.max(1, limit / OPERATOR_SHARES);
    }

    /** Counts {@code bytes} of heap against the budget; throws 53200 (reserving nothing) when they do not fit. */
    public void reserve(long bytes) {
        if (bytes <= 0) {
            return;
        }
        long after = reserved.addAndGet(bytes);
        long arrow = allocator == null ? 0 : allocator.getAllocatedMemory();
        if (limit != Long.MAX_VALUE && after + arrow > limit) {
            reserved.addAndGet(-bytes);
            throw outOfMemory(bytes);
        }
    }

    /** Gives back bytes reserved earlier. */
    public void release(long bytes) {
        if (bytes > 0) {
            reserved.addAndGet(-bytes);
        }
    }

    /** The error of a query that needed {@code request} more bytes than its budget holds. */
    public BasaltException outOfMemory(long request) {
        return BasaltException.of(SqlState.OUT_OF_MEMORY, "out of memory").withDetail("Failed on request of size "
                + request + " bytes: the query's memory_limit is " + describe(limit) + ".");
    }

    /** The error for Arrow refusing an allocation past the query allocator's limit (its message names the size). */
    public BasaltException outOfMemory(org.apache.arrow.memory.OutOfMemoryException failure) {
        String message = String.valueOf(failure.getMessage());
        int at = message.indexOf("of size ");
        long request = 0;
        for (int i = at < 0 ? message.length() : at + 8; i < message.length() && Character.isDigit(message.charAt(i)); i++) {
            request = request * 10 + (message.charAt(i) - '0');
        }
        return outOfMemory(request);
    }

    /** A byte count as PostgreSQL prints a memory setting: the largest unit (kB, MB, GB) that holds it exactly. */
    public static String describe(long bytes) {
        String[] units = {"GB", "MB", "kB"};
        long[] sizes = {1L << 30, 1L << 20, 1L << 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes % sizes[i] == 0) {
                return bytes / sizes[i] + units[i];
            }
        }
        return bytes + "B";
    }

    /** This query's spill directory, made on first use. */
    public synchronized SpillDirectory spills() {
        if (spills == null) {
            spills = SpillDirectory.create(spillParent);
        }
        return spills;
    }

    /** Deletes every spill file of the query. */
    @Override
    public synchronized void close() {
        if (spills != null) {
            spills.close();
            spills = null;
        }
    }
}
