package io.basalt.optimizer.statistics;

/**
 * What ANALYZE learned about one column: an estimate of its number of distinct non-null values, the fraction
 * of its rows that are null, and its smallest and largest values as numbers (for numeric and date columns;
 * NaN for the others), which range conditions are interpolated against.
 */
public record ColumnStatistics(double distinct, double nullFraction, double low, double high) {
    public ColumnStatistics {
        if (!(distinct >= 0) || !(nullFraction >= 0 && nullFraction <= 1)) {
            throw new IllegalArgumentException("distinct " + distinct + ", null fraction " + nullFraction);
        }
    }

    /** Whether {@link #low} and {@link #high} hold a numeric range. */
    public boolean hasRange() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }
}
