package io.basalt.type.datetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DateTimeValuesTest {
    private static final DateTimeSettings MDY = DateTimeSettings.DEFAULT;
    private static final DateTimeSettings DMY = new DateTimeSettings(ZoneId.of("UTC"), null, DateStyle.ISO,
            DateOrder.DMY, IntervalStyle.POSTGRES);
    private static final DateTimeSettings LOS_ANGELES = new DateTimeSettings(ZoneId.of("America/Los_Angeles"), null,
            DateStyle.POSTGRES, DateOrder.MDY, IntervalStyle.POSTGRES_VERBOSE);
    private static final long JAN_8_1999 = LocalDate.of(1999, 1, 8).toEpochDay();

    @Test
    void readsTheDateFormsPostgresqlReads() {
        for (String text : new String[] {"1999-01-08", "January 8, 1999", "1/8/1999", "08-Jan-1999", "Jan-08-99",
                "J2451187", "1999.008", "990108", "19990108", "1999 Jan 08", " 08 Jan 1999 "}) {
            assertThat(DateTimeValues.parseDate(text, MDY)).as(text).isEqualTo(JAN_8_1999);
        }
        assertThat(DateTimeValues.parseDate("8/1/1999", DMY)).isEqualTo(JAN_8_1999);
    }

    @Test
    void readsBcYearsSpecialsAndTheEdgesOfTheRange() {
        assertThat(DateTimeValues.parseDate("0001-12-31 BC", MDY)).isEqualTo(LocalDate.of(0, 12, 31).toEpochDay());
        assertThat(DateTimeValues.parseDate("epoch", MDY)).isZero();
        assertThat(DateTimeValues.parseDate("infinity", MDY)).isEqualTo(Calendar.DATE_INFINITY);
        assertThat(DateTimeValues.parseDate("-infinity", MDY)).isEqualTo(Calendar.DATE_MINUS_INFINITY);
        assertThat(DateTimeValues.parseDate("4714-11-24 BC", MDY)).isEqualTo(Calendar.FIRST_DATE);
        assertThatThrownBy(() -> DateTimeValues.parseDate("4714-11-23 BC", MDY))
                .hasMessage("date out of range: \"4714-11-23 BC\"");
    }

    @Test
    void reportsErrorsInPostgresqlsWords() {
        assertThatThrownBy(() -> DateTimeValues.parseDate("garbage", MDY))
                .hasMessage("invalid input syntax for type date: \"garbage\"");
        assertThatThrownBy(() -> DateTimeValues.parseDate("1997-02-29", MDY))
                .hasMessage("date/time field value out of range: \"1997-02-29\"");
        BasaltException wrongOrder = (BasaltException) org.assertj.core.api.Assertions.catchThrowable(
                () -> DateTimeValues.parseDate("13/01/1999", MDY));
        assertThat(wrongOrder.sqlState().code()).isEqualTo("22008");
        assertThatThrownBy(() -> DateTimeValues.parseTimestampTz("Feb 16 17:32:01 -0097", MDY))
                .hasMessage("time zone displacement out of range: \"Feb 16 17:32:01 -0097\"");
        assertThatThrownBy(() -> DateTimeValues.parseTimestampTz("19970710 173201 America/Does_not_exist", MDY))
                .hasMessage("time zone \"america/does_not_exist\" not recognized");
    }

    @Test
    void readsTimestampsWithZonesAndRunTogetherFields() {
        long expected = LocalDate.of(1997, 2, 11).toEpochDay() * Calendar.MICROS_PER_DAY + (3600L + 32 * 60 + 1) * 1_000_000L;
        assertThat(DateTimeValues.parseTimestampTz("1997-02-10 17:32:01-08", MDY)).isEqualTo(expected);
        assertThat(DateTimeValues.parseTimestampTz("Mon Feb 10 17:32:01 1997 PST", MDY)).isEqualTo(expected);
        assertThat(DateTimeValues.parseTimestampTz("19970210 173201 -0800", MDY)).isEqualTo(expected);
        assertThat(DateTimeValues.parseTimestampTz("1997-02-10 17:32:01", LOS_ANGELES)).isEqualTo(expected);
        assertThat(DateTimeValues.parseTimestamp("1997-02-10T17:32:01 PST", MDY))
                .isEqualTo(expected - 8 * 3_600_000_000L);
        assertThat(DateTimeValues.parseTimestamp("1999-12-31 24:00:00", MDY))
                .isEqualTo(LocalDate.of(2000, 1, 1).toEpochDay() * Calendar.MICROS_PER_DAY);
    }

    @Test
    void resolvesLocalTimesInDaylightSavingGapsAndOverlapsAsPostgresqlDoes() {
        // 02:30 does not exist on 2011-03-13 in Los Angeles: read with the offset before the gap (-08).
        long gap = DateTimeValues.parseTimestampTz("2011-03-13 02:30:00", LOS_ANGELES);
        assertThat(DateTimeOutput.formatTimestampTz(gap, LOS_ANGELES)).isEqualTo("Sun Mar 13 03:30:00 2011 PDT");
        // 01:30 happens twice on 2011-11-06: the later one (-08) is taken.
        long overlap = DateTimeValues.parseTimestampTz("2011-11-06 01:30:00", LOS_ANGELES);
        assertThat(DateTimeOutput.formatTimestampTz(overlap, LOS_ANGELES)).isEqualTo("Sun Nov 06 01:30:00 2011 PST");
    }

    @Test
    void printsEachDateStyle() {
        long micros = DateTimeValues.parseTimestampTz("1999-01-08 04:05:06.5-08", MDY);
        ZoneId zone = ZoneId.of("America/Los_Angeles");
        assertThat(DateTimeOutput.formatTimestampTz(micros, new DateTimeSettings(zone, null, DateStyle.ISO,
                DateOrder.MDY, IntervalStyle.POSTGRES))).isEqualTo("1999-01-08 04:05:06.5-08");
        assertThat(DateTimeOutput.formatTimestampTz(micros, new DateTimeSettings(zone, null, DateStyle.SQL,
                DateOrder.DMY, IntervalStyle.POSTGRES))).isEqualTo("08/01/1999 04:05:06.5 PST");
        assertThat(DateTimeOutput.formatTimestampTz(micros, new DateTimeSettings(zone, null, DateStyle.GERMAN,
                DateOrder.DMY, IntervalStyle.POSTGRES))).isEqualTo("08.01.1999 04:05:06.5 PST");
        assertThat(DateTimeOutput.formatTimestampTz(micros, LOS_ANGELES)).isEqualTo("Fri Jan 08 04:05:06.5 1999 PST");
        assertThat(DateTimeOutput.formatDate(LocalDate.of(-96, 2, 16).toEpochDay(), LOS_ANGELES))
                .isEqualTo("02-16-0097 BC");
        assertThat(DateTimeOutput.formatTimestamp(Calendar.TIMESTAMP_MINUS_INFINITY, LOS_ANGELES)).isEqualTo("-infinity");
    }
}
