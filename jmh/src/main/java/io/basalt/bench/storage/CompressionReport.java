package io.basalt.bench.storage;

import io.basalt.datasets.GeneratedBatches;
import io.basalt.datasets.tpch.LineItemTable;
import io.basalt.storage.column.AdaptiveChunkCodec;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Prints, per column of TPC-H {@code lineitem} at a scale factor (argument, default 0.1), the raw size of the Arrow
 * buffers, the size of the chunks {@link AdaptiveChunkCodec} writes for row groups of 122,880 rows, their ratio, the
 * most frequent encoding chosen; every chunk is decoded once as a check. A markdown table on standard output (decode
 * speed is {@code ChunkDecodeBenchmark}'s business).
 */
public final class CompressionReport {
    private static final int ROW_GROUP = 122_880;

    private CompressionReport() {
    }

    public static void main(String[] args) {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.1;
        Map<String, long[]> sizes = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> encodings = new LinkedHashMap<>();
        long rows = 0;
        try (BufferAllocator allocator = new RootAllocator();
             GeneratedBatches batches = new GeneratedBatches(new LineItemTable(scale), allocator, ROW_GROUP)) {
            VectorSchemaRoot batch;
            while ((batch = batches.next()) != null) {
                int count = batch.getRowCount();
                rows += count;
                for (FieldVector vector : batch.getFieldVectors()) {
                    String name = vector.getField().getName();
                    AdaptiveChunkCodec.DescribedChunk chunk = AdaptiveChunkCodec.INSTANCE.encodeDescribed(vector, 0, count);
                    try (FieldVector decoded = AdaptiveChunkCodec.INSTANCE.decode(
                            MemorySegment.ofArray(chunk.chunk().bytes()), vector.getField(), allocator)) {
                        if (decoded.getValueCount() != count) {
                            throw new IllegalStateException("decoded " + decoded.getValueCount() + " rows of " + count);
                        }
                    }
                    long[] totals = sizes.computeIfAbsent(name, n -> new long[2]);
                    totals[0] += vector.getBufferSizeFor(count);
                    totals[1] += chunk.chunk().bytes().length;
                    encodings.computeIfAbsent(name, n -> new HashMap<>()).merge(shorten(chunk.description()), 1, Integer::sum);
                }
            }
        }
        System.out.printf("lineitem SF %s: %,d rows, row groups of %,d%n%n", args.length > 0 ? args[0] : "0.1", rows, ROW_GROUP);
        System.out.println("| column | Arrow bytes | encoded bytes | ratio | most frequent encoding |");
        System.out.println("|---|---:|---:|---:|---|");
        long raw = 0;
        long encoded = 0;
        for (Map.Entry<String, long[]> entry : sizes.entrySet()) {
            long[] totals = entry.getValue();
            raw += totals[0];
            encoded += totals[1];
            String encoding = encodings.get(entry.getKey()).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
            System.out.printf("| %s | %,d | %,d | %.1fx | %s |%n", entry.getKey(), totals[0], totals[1],
                (double) totals[0] / totals[1], encoding);
        }
        System.out.printf("| **total** | %,d | %,d | %.1fx | |%n", raw, encoded, (double) raw / encoded);
    }

    private static String shorten(String description) {
        return description.length() > 70 ? description.substring(0, 67) + "..." : description;
    }
}
