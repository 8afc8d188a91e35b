package io.basalt.type.datetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.type.Interval;
import org.junit.jupiter.api.Test;

class IntervalInputTest {
    private static Interval read(String text) {
        return IntervalInput.parse(text, IntervalFields.ALL, IntervalStyle.POSTGRES);
    }

    private static String postgres(Interval interval) {
        return IntervalOutput.format(interval, IntervalStyle.POSTGRES);
    }

    @Test
    void readsUnitListsClockTimesAndTheSqlStandardForms() {
        assertThat(read("1 year 2 mons 3 days 04:05:06.5")).isEqualTo(new Interval(14, 3, 14_706_500_000L));
        assertThat(read("@ 3 days ago")).isEqualTo(new Interval(0, -3, 0));
        assertThat(read("-1 +02:03")).isEqualTo(new Interval(0, -1, 7_380_000_000L));
        assertThat(postgres(read("1.5 weeks"))).isEqualTo("10 days 12:00:00");
        assertThat(postgres(read("1.5 months"))).isEqualTo("1 mon 15 days");
        assertThat(read("-1-2")).isEqualTo(new Interval(-14, 0, 0));
        assertThat(read("1 2:03:04")).isEqualTo(new Interval(0, 1, 7_384_000_000L));
        assertThat(read("5 millenniums")).isEqualTo(new Interval(60_000, 0, 0));
    }

    @Test
    void readsIso8601() {
        assertThat(read("P1Y2M3DT4H5M6.5S")).isEqualTo(new Interval(14, 3, 14_706_500_000L));
        assertThat(read("P0001-02-03T04:05:06")).isEqualTo(new Interval(14, 3, 14_706_000_000L));
        assertThat(postgres(read("P0.5Y"))).isEqualTo("6 mons");
    }

    @Test
    void countsBareNumbersInTheLastFieldOfTheQualifier() {
        assertThat(IntervalInput.parse("5", IntervalFields.parse("minute"), IntervalStyle.POSTGRES))
                .isEqualTo(new Interval(0, 0, 300_000_000L));
        Interval dayToSecond = IntervalFields.adjust(
                IntervalInput.parse("1 2:03:04.5678", IntervalFields.parse("day to second"), IntervalStyle.POSTGRES),
                IntervalFields.parse("day to second"), 2);
        assertThat(postgres(dayToSecond)).isEqualTo("1 day 02:03:04.57");
        assertThat(postgres(IntervalFields.adjust(read("1 year 2 mons 3 days 04:05"), IntervalFields.parse("year to month"),
                -1))).isEqualTo("1 year 2 mons");
    }

    @Test
    void appliesALeadingMinusToEveryFieldInSqlStandardStyle() {
        assertThat(IntervalInput.parse("-1 2:03:04", IntervalFields.ALL, IntervalStyle.SQL_STANDARD))
                .isEqualTo(new Interval(0, -1, -7_384_000_000L));
    }

    @Test
    void reportsErrorsInPostgresqlsWords() {
        assertThatThrownBy(() -> read("1 2")).hasMessage("invalid input syntax for type interval: \"1 2\"");
        assertThatThrownBy(() -> read("2147483648 months"))
                .hasMessage("interval field value out of range: \"2147483648 months\"");
    }

    @Test
    void printsEveryIntervalStyle() {
        Interval mixed = new Interval(0, -1, 7_380_000_000L);
        assertThat(IntervalOutput.format(mixed, IntervalStyle.POSTGRES)).isEqualTo("-1 days +02:03:00");
        assertThat(IntervalOutput.format(mixed, IntervalStyle.POSTGRES_VERBOSE)).isEqualTo("@ 1 day -2 hours -3 mins ago");
        assertThat(IntervalOutput.format(mixed, IntervalStyle.SQL_STANDARD)).isEqualTo("+0-0 -1 +2:03:00");
        assertThat(IntervalOutput.format(mixed, IntervalStyle.ISO_8601)).isEqualTo("P-1DT2H3M");
        assertThat(IntervalOutput.format(Interval.ZERO, IntervalStyle.POSTGRES_VERBOSE)).isEqualTo("@ 0");
        assertThat(IntervalOutput.format(new Interval(14, 0, 0), IntervalStyle.SQL_STANDARD)).isEqualTo("1-2");
        assertThat(IntervalOutput.format(Interval.MINUS_INFINITY, IntervalStyle.POSTGRES)).isEqualTo("-infinity");
    }
}
