package io.basalt.api;

/**
 * Settings fixed when a database is opened.
 *
 * @param vectorSize  rows per batch in flight (default 2048; tests also run with a tiny odd size so
 *                    that batch-boundary bugs show; system property {@code basalt.vector_size})
 * @param threads     worker threads for query execution (default: the number of cores)
 * @param memoryLimit bytes of Arrow memory all queries together may hold
 * @param parallelRowThreshold pipelines reading fewer rows run on one thread (system property
 *                    {@code basalt.parallel_row_threshold}; tests lower it to exercise parallel plans)
 * @param startupSettings configuration parameters every session starts with and RESET returns to, as
 *                    PostgreSQL's connection options ({@code PGOPTIONS}, {@code PGTZ}, {@code PGDATESTYLE}) set them
 */
public record BasaltConfig(int vectorSize, int threads, long memoryLimit, long parallelRowThreshold,
                           java.util.Map<String, String> startupSettings) {
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
        if (parallelRowThreshold < 0) {
            throw new IllegalArgumentException("parallelRowThreshold must not be negative: " + parallelRowThreshold);
        }
        startupSettings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(startupSettings));
    }

    public BasaltConfig(int vectorSize, int threads, long memoryLimit, long parallelRowThreshold) {
        this(vectorSize, threads, memoryLimit, parallelRowThreshold, java.util.Map.of());
    }

    public BasaltConfig(int vectorSize, int threads, long memoryLimit) {
        this(vectorSize, threads, memoryLimit, Long.getLong("basalt.parallel_row_threshold",
                io.basalt.exec.pipeline.ExecutionContext.DEFAULT_PARALLEL_ROW_THRESHOLD));
    }

    public static BasaltConfig defaults() {
        int vectorSize = Integer.getInteger("basalt.vector_size", DEFAULT_VECTOR_SIZE);
        int threads = Integer.getInteger("basalt.threads", Runtime.getRuntime().availableProcessors());
        long memoryLimit = Long.getLong("basalt.memory_limit", Runtime.getRuntime().maxMemory() * 3 / 4);
        return new BasaltConfig(vectorSize, threads, memoryLimit);
    }

    public BasaltConfig withVectorSize(int newVectorSize) {
        return new BasaltConfig(newVectorSize, threads, memoryLimit, parallelRowThreshold, startupSettings);
    }

    public BasaltConfig withThreads(int newThreads) {
        return new BasaltConfig(vectorSize, newThreads, memoryLimit, parallelRowThreshold, startupSettings);
    }

    public BasaltConfig withParallelRowThreshold(long newThreshold) {
        return new BasaltConfig(vectorSize, threads, memoryLimit, newThreshold, startupSettings);
    }

    /** This configuration with sessions starting with {@code name} set to {@code value} (checked when opened). */
    public BasaltConfig withStartupSetting(String name, String value) {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>(startupSettings);
        settings.put(name, value);
        return new BasaltConfig(vectorSize, threads, memoryLimit, parallelRowThreshold, settings);
    }
}
