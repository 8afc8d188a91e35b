package io.basalt.exec.pipeline;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.kernel.KernelProvider;
import io.basalt.exec.kernel.Kernels;
import io.basalt.exec.memory.QueryMemory;
import io.basalt.exec.operator.join.JoinKeyFilters;
import java.util.concurrent.ExecutorService;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What every operator state of one query shares: the query's allocator (a child of the database's root,
 * freed when the query ends; Arrow allocators are thread-safe), the batch size, the kernels, and the
 * workers a pipeline may use: {@code threads} in all, the calling thread plus {@code threads - 1} tasks on
 * {@code workers}. Pipelines over fewer than {@code parallelRowThreshold} rows run on the calling thread.
 * {@code memory} is the query's budget and spill directory (unlimited unless the caller gives one).
 * {@code profile} counts each operator's output for EXPLAIN ANALYZE; it is null (nothing counted) otherwise.
 * {@code keyFilters} holds the join key sets hash joins publish for their probe sides, shared by every copy of
 * the context made with the {@code with...} methods. {@code postgresTieOrder}: sorts that run on one thread in memory
 * leave rows that tie in PostgreSQL's order ({@code PostgresQuicksort}) instead of their input order; sessions ask
 * for it, operator tests comparing against stable models do not. {@code cancellation} is the running statement's
 * cancel flag, checked per batch by the executor and by long operator loops ({@link StatementCancellation#check}).
 */
public record ExecutionContext(BufferAllocator allocator, int vectorSize, Kernels kernels, int threads,
                               ExecutorService workers, long parallelRowThreshold, QueryMemory memory,
                               OperatorProfile profile, JoinKeyFilters keyFilters, boolean postgresTieOrder,
                               StatementCancellation cancellation) {
    /**
     * Below this many input rows a pipeline is not worth splitting. 100,000 puts TPC-H's customer table (150,000 rows
     * at SF1) on both threads: its build pipelines (Q3, Q10) and Q22's scan ran on the calling thread alone while the
     * worker waited, which at 200,000 cost Q22 and Q10 most of their second core (CPU per thread, BENCHMARKS scale11).
     */
    public static final long DEFAULT_PARALLEL_ROW_THRESHOLD = 100_000;

    public ExecutionContext {
        requireNonNull(allocator, "allocator is null");
        requireNonNull(kernels, "kernels is null");
        requireNonNull(memory, "memory is null");
        requireNonNull(keyFilters, "keyFilters is null");
        requireNonNull(cancellation, "cancellation is null");
        if (vectorSize < 1) {
            throw new IllegalArgumentException("vectorSize must be positive");
        }
        if (threads < 1 || (threads > 1 && workers == null)) {
            throw new IllegalArgumentException("threads must be positive and have workers when above 1");
        }
    }

    public ExecutionContext(BufferAllocator allocator, int vectorSize, Kernels kernels, int threads,
                            ExecutorService workers, long parallelRowThreshold, QueryMemory memory) {
        this(allocator, vectorSize, kernels, threads, workers, parallelRowThreshold, memory, null, new JoinKeyFilters(),
                false, StatementCancellation.running());
    }

    public ExecutionContext(BufferAllocator allocator, int vectorSize, Kernels kernels, int threads,
                            ExecutorService workers, long parallelRowThreshold) {
        this(allocator, vectorSize, kernels, threads, workers, parallelRowThreshold, QueryMemory.unlimited(allocator));
    }

    /** This context with a memory budget. */
    public ExecutionContext withMemory(QueryMemory newMemory) {
        return new ExecutionContext(allocator, vectorSize, kernels, threads, workers, parallelRowThreshold, newMemory,
                profile, keyFilters, postgresTieOrder, cancellation);
    }

    /** This context allocating from {@code newAllocator} (an operator's own child allocator), same budget. */
    public ExecutionContext withAllocator(BufferAllocator newAllocator) {
        return new ExecutionContext(newAllocator, vectorSize, kernels, threads, workers, parallelRowThreshold, memory,
                profile, keyFilters, postgresTieOrder, cancellation);
    }

    /** This context counting each operator's output into {@code newProfile} (EXPLAIN ANALYZE). */
    public ExecutionContext withProfile(OperatorProfile newProfile) {
        return new ExecutionContext(allocator, vectorSize, kernels, threads, workers, parallelRowThreshold, memory,
                newProfile, keyFilters, postgresTieOrder, cancellation);
    }

    /** This context with PostgreSQL's order of ties in single-threaded in-memory sorts. */
    public ExecutionContext withPostgresTieOrder() {
        return new ExecutionContext(allocator, vectorSize, kernels, threads, workers, parallelRowThreshold, memory,
                profile, keyFilters, true, cancellation);
    }

    /** This context stopping at the next batch once {@code newCancellation} is cancelled. */
    public ExecutionContext withCancellation(StatementCancellation newCancellation) {
        return new ExecutionContext(allocator, vectorSize, kernels, threads, workers, parallelRowThreshold, memory,
                profile, keyFilters, postgresTieOrder, newCancellation);
    }

    /** A single-threaded context. */
    public static ExecutionContext of(BufferAllocator allocator, int vectorSize) {
        return new ExecutionContext(allocator, vectorSize, KernelProvider.kernels(), 1, null, Long.MAX_VALUE);
    }

    /** A context that may run pipelines on {@code threads} threads. */
    public static ExecutionContext parallel(BufferAllocator allocator, int vectorSize, int threads,
                                            ExecutorService workers, long parallelRowThreshold) {
        return new ExecutionContext(allocator, vectorSize, KernelProvider.kernels(), threads,
                threads > 1 ? workers : null, parallelRowThreshold);
    }
}
