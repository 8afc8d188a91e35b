package io.basalt.type.datetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.type.Interval;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeValuesTest {
    private static final DateTimeSettings TOKYO = new DateTimeSettings(ZoneId.of("Asia/Tokyo"), null, DateStyle.ISO,
            DateOrder.MDY, IntervalStyle.POSTGRES);
    private static final long HOUR = 3_600_000_000L;
    private static final long FOUR_FIVE_SIX = 4 * HOUR + 5 * 60_000_000L + 6_000_000L;

    @Test
    void readsTheTimeFormsPostgresqlReads() {
        for (String text : new String[] {"04:05:06", "040506", "4:05:06 AM", "T040506", "04:05:06 PST",
                "2003-04-12 04:05:06", " 04:05:06 "}) {
            assertThat(TimeValues.parseTime(text, TOKYO)).as(text).isEqualTo(FOUR_FIVE_SIX);
        }
        assertThat(TimeValues.parseTime("04:05", TOKYO)).isEqualTo(4 * HOUR + 5 * 60_000_000L);
        assertThat(TimeValues.parseTime("4:05 PM", TOKYO)).isEqualTo(16 * HOUR + 5 * 60_000_000L);
        assertThat(TimeValues.parseTime("allballs", TOKYO)).isZero();
        assertThat(TimeValues.parseTime("24:00:00", TOKYO)).isEqualTo(TimeValues.END_OF_DAY);
        assertThat(TimeValues.parseTime("23:59:59.9999999", TOKYO)).isEqualTo(TimeValues.END_OF_DAY);
        assertThat(TimeValues.parseTime("00:00:00.000001", TOKYO)).isEqualTo(1);
    }

    @Test
    void reportsTimeErrorsInPostgresqlsWords() {
        assertThatThrownBy(() -> TimeValues.parseTime("garbage", TOKYO)).isInstanceOf(BasaltException.class)
                .hasMessage("invalid input syntax for type time: \"garbage\"");
        assertThatThrownBy(() -> TimeValues.parseTime("infinity", TOKYO))
                .hasMessage("invalid input syntax for type time: \"infinity\"");
        assertThatThrownBy(() -> TimeValues.parseTime("24:00:01", TOKYO))
                .hasMessage("date/time field value out of range: \"24:00:01\"");
        assertThatThrownBy(() -> TimeValues.parseTime("2003-04 04:05:06", TOKYO))
                .hasMessage("invalid input syntax for type time: \"2003-04 04:05:06\"");
    }

    @Test
    void readsOffsetsAbbreviationsAndDatedZoneNames() {
        long plus530 = TimeValues.parseTimeTz("04:05:06+05:30", TOKYO);
        assertThat(TimeWithZone.time(plus530)).isEqualTo(FOUR_FIVE_SIX);
        assertThat(TimeWithZone.offset(plus530)).isEqualTo(5 * 3600 + 1800);
        assertThat(TimeWithZone.offset(TimeValues.parseTimeTz("04:05:06 PST", TOKYO))).isEqualTo(-8 * 3600);
        assertThat(TimeWithZone.offset(TimeValues.parseTimeTz("04:05:06", TOKYO))).isEqualTo(9 * 3600);
        assertThat(TimeWithZone.offset(TimeValues.parseTimeTz("2003-04-12 04:05:06 America/New_York", TOKYO)))
                .isEqualTo(-4 * 3600);
        assertThat(TimeWithZone.offset(TimeValues.parseTimeTz("2003-01-12 04:05:06 America/New_York", TOKYO)))
                .isEqualTo(-5 * 3600);
        assertThatThrownBy(() -> TimeValues.parseTimeTz("04:05:06 America/New_York", TOKYO))
                .hasMessage("invalid input syntax for type time with time zone: \"04:05:06 America/New_York\"");
        assertThatThrownBy(() -> TimeValues.parseTimeTz("04:05:06+16", TOKYO))
                .hasMessage("time zone displacement out of range: \"04:05:06+16\"");
    }

    @Test
    void printsTheSameInEveryDateStyle() {
        assertThat(TimeValues.formatTime(FOUR_FIVE_SIX + 789_000)).isEqualTo("04:05:06.789");
        assertThat(TimeValues.formatTime(TimeValues.END_OF_DAY)).isEqualTo("24:00:00");
        assertThat(TimeValues.formatTimeTz(TimeWithZone.pack(FOUR_FIVE_SIX, -(7 * 3600 + 1800))))
                .isEqualTo("04:05:06-07:30");
        assertThat(TimeValues.formatTimeTz(TimeWithZone.pack(0, 0))).isEqualTo("00:00:00+00");
        assertThat(TimeValues.formatTimeTz(TimeWithZone.pack(1, 3600 + 61))).isEqualTo("00:00:00.000001+01:01:01");
    }

    @Test
    void roundsHalfUpToThePrecision() {
        assertThat(TimeValues.roundTime(FOUR_FIVE_SIX + 345_678, 2)).isEqualTo(FOUR_FIVE_SIX + 350_000);
        assertThat(TimeValues.roundTime(TimeValues.END_OF_DAY - 400_000, 0)).isEqualTo(TimeValues.END_OF_DAY);
        assertThat(TimeValues.roundTime(FOUR_FIVE_SIX + 1, -1)).isEqualTo(FOUR_FIVE_SIX + 1);
        long rounded = TimeValues.roundTimeTz(TimeWithZone.pack(FOUR_FIVE_SIX + 500_000, -3600), 0);
        assertThat(TimeWithZone.time(rounded)).isEqualTo(FOUR_FIVE_SIX + 1_000_000);
        assertThat(TimeWithZone.offset(rounded)).isEqualTo(-3600);
    }

    @Test
    void convertsIntervalsAndTimestamps() {
        assertThat(TimeValues.intervalToTime(new Interval(1, 2, 25 * HOUR + 3))).isEqualTo(HOUR + 3);
        assertThat(TimeValues.intervalToTime(new Interval(0, 0, -HOUR))).isEqualTo(23 * HOUR);
        assertThatThrownBy(() -> TimeValues.intervalToTime(Interval.INFINITY))
                .hasMessage("cannot convert infinite interval to time");
        assertThat(TimeValues.timeOfTimestamp(-1)).isEqualTo(24 * HOUR - 1);
        long zoned = TimeValues.timestampTzToTimeTz(0, ZoneId.of("Asia/Kolkata"));
        assertThat(TimeWithZone.time(zoned)).isEqualTo(5 * HOUR + 1_800_000_000L);
        assertThat(TimeWithZone.offset(zoned)).isEqualTo(19_800);
        assertThat(TimeValues.wrap(-1)).isEqualTo(24 * HOUR - 1);
        assertThat(TimeValues.wrap(24 * HOUR)).isZero();
    }
}
