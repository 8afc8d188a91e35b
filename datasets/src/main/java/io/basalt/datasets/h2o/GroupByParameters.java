package io.basalt.datasets.h2o;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;

/**
 * The parameters of the H2O.ai group-by data set, as the benchmark's generator script takes them
 * ({@code groupby-datagen.R N K nas sort}).
 *
 * @param rows         N, the number of rows
 * @param groups       K, the group cardinality factor: id1, id2, id4, id5 take K values, id3 and id6 N/K
 * @param naPercent    percentage of missing values (0 or 5 in the standard sets)
 * @param sorted       whether the rows come sorted by id1..id6 (missing values first)
 * @param seed         seed of the generator; the same parameters and seed give the same rows
 */
public record GroupByParameters(long rows, int groups, int naPercent, boolean sorted, long seed) {
    /** The seed the R script sets ({@code set.seed(108)}); our generator is not R's, see {@link GroupByTable}. */
    public static final long DEFAULT_SEED = 108;
    public static final int DEFAULT_GROUPS = 100;

    public GroupByParameters {
        if (rows < 1) {
            throw invalid("number of rows must be positive, got " + rows);
        }
        if (groups < 1) {
            throw invalid("number of groups must be positive, got " + groups);
        }
        if (naPercent < 0 || naPercent > 100) {
            throw invalid("percentage of missing values must be between 0 and 100, got " + naPercent);
        }
        if (rows / groups > Integer.MAX_VALUE - 1) {
            throw invalid("N/K must stay below 2^31, got " + rows / groups);
        }
    }

    /** N rows, K = 100, no missing values, random order: the benchmark's standard data set. */
    public static GroupByParameters standard(long rows) {
        return new GroupByParameters(rows, DEFAULT_GROUPS, 0, false, DEFAULT_SEED);
    }

    /** The number of distinct values of id3 and id6: N/K, at least 1 (as R's {@code 1:(N/K)}). */
    public int largeDomain() {
        return (int) Math.max(1, rows / groups);
    }

    /** The benchmark's name for the data set: {@code G1_1e7_1e2_5_0}. */
    public String datasetName() {
        return "G1_" + scientific(rows) + "_" + scientific(groups) + "_" + naPercent + "_" + (sorted ? 1 : 0);
    }

    /** R's short form of a count: 1e7, 2e0, 1.5e3. */
    static String scientific(long value) {
        int exponent = 0;
        long mantissa = value;
        while (mantissa >= 10 && mantissa % 10 == 0) {
            mantissa /= 10;
            exponent++;
        }
        if (mantissa < 10) {
            return mantissa + "e" + exponent;
        }
        String digits = Long.toString(mantissa);
        return digits.charAt(0) + "." + digits.substring(1) + "e" + (exponent + digits.length() - 1);
    }

    private static BasaltException invalid(String message) {
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, message);
    }
}
