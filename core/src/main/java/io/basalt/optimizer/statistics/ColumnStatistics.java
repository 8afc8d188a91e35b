package io.basalt.optimizer.statistics;

/**
 * What ANALYZE learned about one column: an estimate of its number of distinct non-null values, the fraction
 * of its rows that are null, and its smallest and largest values as numbers (for numeric and date columns;
 * NaN for the others), which range conditions are interpolated against; for a JSON path also its most common
 * values ({@link MostCommonValues#NONE} otherwise).
 */
public record ColumnStatistics(double distinct, double nullFraction, double low, double high,
                               MostCommonValues mostCommon) {
    public ColumnStatistics {
        if (!(distinct >= 0) || !(nullFraction >= 0 && nullFraction <= 1)) {
            throw new IllegalArgumentException("distinct " + distinct + ", null fraction " + nullFraction);
        }
        java.util.Objects.requireNonNull(mostCommon, "mostCommon is null");
    }

    /** Statistics without a list of most common values (gathered for JSON paths only). */
    public ColumnStatistics(double distinct, double nullFraction, double low, double high) {
        this(distinct, nullFraction, low, high, MostCommonValues.NONE);
    }

    /** Whether {@link #low} and {@link #high} hold a numeric range. */
    public boolean hasRange() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }
}
