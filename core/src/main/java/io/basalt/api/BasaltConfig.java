package io.basalt.api;

/**
 * Settings fixed when a database is opened.
 *
 * @param vectorSize  rows per batch in flight (default 2048; tests also run with a tiny odd size so
 *                    that batch-boundary bugs show; system property {@code basalt.vector_size})
 * @param threads     worker threads for query execution (default: the number of cores)
 * @param memoryLimit bytes of Arrow memory all queries together may hold
 */
public record BasaltConfig(int vectorSize, int threads, long memoryLimit) {
    public static final int DEFAULT_VECTOR_SIZE = 2048;

    public BasaltConfig {
        if (vectorSize < 1) {
            throw new IllegalArgumentException("vectorSize must be positive: " + vectorSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        if (memoryLimit < 1) {
            throw new IllegalArgumentException("memoryLimit must be positive: " + memoryLimit);
        }
    }

    public static BasaltConfig defaults() {
        int vectorSize = Integer.getInteger("basalt.vector_size", DEFAULT_VECTOR_SIZE);
        int threads = Integer.getInteger("basalt.threads", Runtime.getRuntime().availableProcessors());
        long memoryLimit = Long.getLong("basalt.memory_limit", Runtime.getRuntime().maxMemory() * 3 / 4);
        return new BasaltConfig(vectorSize, threads, memoryLimit);
    }

    public BasaltConfig withVectorSize(int newVectorSize) {
        return new BasaltConfig(newVectorSize, threads, memoryLimit);
    }
}
