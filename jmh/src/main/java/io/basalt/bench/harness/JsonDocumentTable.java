package io.basalt.bench.harness;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.GeneratedTable;
import io.basalt.datasets.RowProducer;
import io.basalt.type.LogicalType;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonbWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The json suite's table {@code docs}: {@code id} BIGINT and {@code doc} JSONB, a product-like document
 * per row as the seeds store them: {@code brand} (one of 50, so {@code brand-7} selects 2%), {@code price}
 * (an exact decimal), {@code specs} ({@code ram} in 4..128 as a number, {@code cpu}), {@code tags} (an array
 * of one to three of eight words), {@code gpu} in 10% of the rows, and {@code rating} 1..5. Fixed seed.
 */
public final class JsonDocumentTable implements GeneratedTable {
    public static final String NAME = "docs";
    private static final List<ResultColumn> COLUMNS = List.of(
            new ResultColumn("id", LogicalType.BIGINT),
            new ResultColumn("doc", LogicalType.JSONB));
    private static final String[] TAGS = {"sale", "new", "eco", "pro", "kids", "outdoor", "smart", "classic"};

    private final long rows;

    public JsonDocumentTable(long rows) {
        this.rows = rows;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ResultColumn> columns() {
        return COLUMNS;
    }

    @Override
    public long expectedRowCount() {
        return rows;
    }

    @Override
    public RowProducer newRowProducer() {
        SplittableRandom random = new SplittableRandom(7);
        long[] next = {0};
        return (out, maxRows) -> fill(out, maxRows, random, next);
    }

    private int fill(BatchWriter out, int maxRows, SplittableRandom random, long[] next) {
        int count = (int) Math.min(maxRows, rows - next[0]);
        for (int row = 0; row < count; row++) {
            out.setLong(0, row, next[0]++);
            out.setBinary(1, row, JsonbWriter.encode(document(random)));
        }
        return count;
    }

    /** One document (its members in a random-looking order, which the encoder normalizes). */
    static JsonNode document(SplittableRandom random) {
        List<String> keys = new ArrayList<>();
        List<JsonNode> values = new ArrayList<>();
        keys.add("brand");
        values.add(new JsonNode.JsonString("brand-" + random.nextInt(50)));
        keys.add("price");
        values.add(new JsonNode.JsonNumber(BigDecimal.valueOf(random.nextLong(100, 500_000), 2)));
        keys.add("specs");
        values.add(new JsonNode.JsonObject(List.of("ram", "cpu"), List.of(
                new JsonNode.JsonNumber(BigDecimal.valueOf(4L << random.nextInt(6))),
                new JsonNode.JsonString("cpu-" + random.nextInt(20)))));
        List<JsonNode> tags = new ArrayList<>();
        int tagCount = 1 + random.nextInt(3);
        for (int t = 0; t < tagCount; t++) {
            tags.add(new JsonNode.JsonString(TAGS[random.nextInt(TAGS.length)]));
        }
        keys.add("tags");
        values.add(new JsonNode.JsonArray(tags));
        if (random.nextInt(10) == 0) {
            keys.add("gpu");
            values.add(new JsonNode.JsonString("gpu-" + random.nextInt(4)));
        }
        keys.add("rating");
        values.add(new JsonNode.JsonNumber(BigDecimal.valueOf(1 + random.nextInt(5))));
        return new JsonNode.JsonObject(keys, values);
    }
}
