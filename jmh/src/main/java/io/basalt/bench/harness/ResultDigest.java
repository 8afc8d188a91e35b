package io.basalt.bench.harness;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A sink that summarizes a large result instead of keeping it: per column the number of non-null values
 * and an order-independent sum: the exact sum of exact numbers, the floating-point sum when any value is
 * floating point, and for other values the sum of a 64-bit hash of their text. The summary is itself a
 * small {@link ResultTable} (one row per column), compared with the same rules as full results; it catches
 * any change of a count, an exact value or a string, and floating-point drift beyond the tolerance.
 */
public final class ResultDigest implements RowSink {
    private List<String> columns = List.of();
    private long[] nonNull;
    private BigDecimal[] exactSums;
    private double[] doubleSums;
    private boolean[] sawDouble;
    private long[] hashSums;
    private long rows;

    @Override
    public void columns(List<String> names) {
        columns = List.copyOf(names);
        int n = names.size();
        nonNull = new long[n];
        exactSums = new BigDecimal[n];
        doubleSums = new double[n];
        sawDouble = new boolean[n];
        hashSums = new long[n];
        for (int i = 0; i < n; i++) {
            exactSums[i] = BigDecimal.ZERO;
        }
    }

    @Override
    public void row(Object[] values) {
        rows++;
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value == null) {
                continue;
            }
            nonNull[c]++;
            switch (value) {
                case BigDecimal exact -> {
                    exactSums[c] = exactSums[c].add(exact);
                    doubleSums[c] += exact.doubleValue();
                }
                case Double floating -> {
                    sawDouble[c] = true;
                    doubleSums[c] += floating;
                }
                default -> hashSums[c] += hash(value.toString());
            }
        }
    }

    /** FNV-1a over the characters: a stable 64-bit hash (String.hashCode has only 32 bits). */
    private static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    public long rows() {
        return rows;
    }

    /** One row per column: (column, non-null count, sum or hash sum), plus a first row with the row count. */
    public ResultTable table() {
        List<Object[]> summary = new ArrayList<>();
        summary.add(new Object[] {"rows", BigDecimal.valueOf(rows), BigDecimal.ZERO});
        for (int c = 0; c < columns.size(); c++) {
            Object sum = sawDouble[c] ? (Object) doubleSums[c]
                    : hashSums[c] != 0 ? BigDecimal.valueOf(hashSums[c]) : exactSums[c];
            summary.add(new Object[] {"column " + (c + 1), BigDecimal.valueOf(nonNull[c]), sum});
        }
        return new ResultTable(List.of("part", "non_null", "sum"), summary);
    }
}
