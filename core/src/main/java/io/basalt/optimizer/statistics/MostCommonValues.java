package io.basalt.optimizer.statistics;

import java.util.List;

/**
 * The most common values of a JSON path as {@code ->>} returns them (strings as they are, numbers and booleans as
 * their text), with the fraction of all the table's rows holding each, most common first: PostgreSQL's
 * most_common_vals and most_common_freqs, which an equality with a constant is estimated from before the distinct
 * count is.
 */
public record MostCommonValues(List<String> values, double[] fractions) {
    /** No list: the estimates use the distinct count alone. */
    public static final MostCommonValues NONE = new MostCommonValues(List.of(), new double[0]);

    public MostCommonValues {
        values = List.copyOf(values);
        fractions = fractions.clone();
        if (values.size() != fractions.length) {
            throw new IllegalArgumentException(values.size() + " values, " + fractions.length + " fractions");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MostCommonValues that && values.equals(that.values)
                && java.util.Arrays.equals(fractions, that.fractions);
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + java.util.Arrays.hashCode(fractions);
    }

    @Override
    public String toString() {
        return "MostCommonValues" + values + java.util.Arrays.toString(fractions);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The fraction of rows holding {@code value}, or -1 when it is not in the list. */
    public double fraction(String value) {
        int at = values.indexOf(value);
        return at < 0 ? -1 : fractions[at];
    }

    /** The fraction of rows holding any of the values. */
    public double total() {
        double sum = 0;
        for (double fraction : fractions) {
            sum += fraction;
        }
        return sum;
    }

    /** The smallest fraction in the list (0 when empty). */
    public double least() {
        return fractions.length == 0 ? 0 : fractions[fractions.length - 1];
    }
}
