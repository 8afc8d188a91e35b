package io.basalt.datasets.shop;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The shop's time span, as days since 1970-01-01: it opened on 2020-01-01 and the data end on 2024-12-31.
 * Timestamps are DATE columns for now (Basalt has no TIMESTAMPTZ yet); they become TIMESTAMPTZ when it does.
 */
final class ShopCalendar {
    static final int FIRST_DAY = (int) LocalDate.of(2020, 1, 1).toEpochDay();
    static final int LAST_DAY = (int) LocalDate.of(2024, 12, 31).toEpochDay();

    private ShopCalendar() {
    }

    /** A day between {@code from} and the last day, more likely late: the shop grows. */
    static int dayAfter(int from, SplittableRandom random) {
        int span = LAST_DAY - from;
        return from + (int) (span * Math.sqrt(random.nextDouble()));
    }

    /** A day uniformly between {@code from} and {@code to}, both included. */
    static int dayBetween(int from, int to, SplittableRandom random) {
        return from + random.nextInt(to - from + 1);
    }
}
