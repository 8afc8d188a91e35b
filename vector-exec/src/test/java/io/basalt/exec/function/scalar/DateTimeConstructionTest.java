package io.basalt.exec.function.scalar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.type.datetime.Calendar;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The intricate pieces of the date/time constructors and binning: C's {@code %g} as PostgreSQL's messages
 * print seconds, make_date/make_timestamp's field checks, make_timestamptz's numeric zones, and date_bin's
 * bins before the origin.
 */
class DateTimeConstructionTest {
    @Test
    void secondsPrintAsPercentG() {
        assertThat(ToTimestampFunction.shortest(60.5)).isEqualTo("60.5");
        assertThat(ToTimestampFunction.shortest(45.887)).isEqualTo("45.887");
        assertThat(ToTimestampFunction.shortest(1e300)).isEqualTo("1e+300");
        assertThat(ToTimestampFunction.shortest(-1.5e-7)).isEqualTo("-1.5e-07");
        assertThat(ToTimestampFunction.shortest(123456789)).isEqualTo("1.23457e+08");
        assertThat(ToTimestampFunction.shortest(0)).isEqualTo("0");
        assertThat(MakeDateTimeFunction.shortSeconds(0)).isEqualTo("00");
        assertThat(MakeDateTimeFunction.shortSeconds(7)).isEqualTo("07");
    }

    @Test
    void makeDateReadsNegativeYearsAsBc() {
        assertThat(MakeDateTimeFunction.date(1970, 1, 1)).isZero();
        assertThat(MakeDateTimeFunction.date(-1, 12, 31)).isEqualTo(Calendar.epochDay(0, 12, 31));
        assertThatThrownBy(() -> MakeDateTimeFunction.date(0, 7, 15)).isInstanceOf(BasaltException.class)
                .hasMessageContaining("date field value out of range: 0-07-15");
        assertThatThrownBy(() -> MakeDateTimeFunction.date(2023, 2, 29)).hasMessageContaining("2023-02-29");
    }

    @Test
    void makeTimestampAllowsOnlyMidnightAsHour24() {
        assertThat(MakeDateTimeFunction.timestamp(1999, 12, 31, 24, 0, 0))
                .isEqualTo(Calendar.epochDay(2000, 1, 1) * Calendar.MICROS_PER_DAY);
        assertThatThrownBy(() -> MakeDateTimeFunction.timestamp(1999, 12, 31, 24, 0, 0.5))
                .hasMessageContaining("time field value out of range: 24:00:0.5");
        assertThatThrownBy(() -> MakeDateTimeFunction.timestamp(1999, 12, 31, 1, 0, Double.NaN))
                .hasMessageContaining("time field value out of range: 1:00:NaN");
    }

    @Test
    void numericZonesAreEastOfUtc() {
        assertThat(MakeDateTimeFunction.parseZone("+2")).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(MakeDateTimeFunction.parseZone("-03:30")).isEqualTo(ZoneOffset.ofHoursMinutes(-3, -30));
        assertThatThrownBy(() -> MakeDateTimeFunction.parseZone("2"))
                .hasMessageContaining("invalid input syntax for type numeric time zone");
        assertThatThrownBy(() -> MakeDateTimeFunction.parseZone("+16")).hasMessageContaining("out of range");
    }

    @Test
    void binsBeforeTheOriginStartEarlier() {
        long hour = 3_600_000_000L;
        // 30-minute bins from 17:00: 15:00 is a bin start, 14:59 belongs to the bin starting 14:30.
        assertThat(DateBinFunction.bin(0, 0, hour / 2, 15 * hour, 17 * hour)).isEqualTo(15 * hour);
        assertThat(DateBinFunction.bin(0, 0, hour / 2, 15 * hour - 60_000_000L, 17 * hour))
                .isEqualTo(14 * hour + hour / 2);
        assertThat(DateBinFunction.bin(0, 1, 0, Calendar.TIMESTAMP_INFINITY, 0)).isEqualTo(Calendar.TIMESTAMP_INFINITY);
        assertThatThrownBy(() -> DateBinFunction.bin(1, 0, 0, 0, 0)).hasMessageContaining("months or years");
        assertThatThrownBy(() -> DateBinFunction.bin(0, 0, 0, 0, 0)).hasMessageContaining("stride must be greater than zero");
    }
}
