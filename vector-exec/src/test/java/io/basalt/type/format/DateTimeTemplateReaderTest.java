package io.basalt.type.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.type.TypeId;
import io.basalt.type.datetime.Calendar;
import io.basalt.type.datetime.TimeWithZone;
import org.junit.jupiter.api.Test;

/** Standard-mode template reading: the type the fields make, the values, and formatting.c's errors. */
class DateTimeTemplateReaderTest {
    private static DateTimeTemplateReader.Result read(String input, String template) {
        DateTimeTemplate compiled = DateTimeTemplate.compile(template);
        DateTimeTemplateReader.checkStandard(compiled);
        return DateTimeTemplateReader.read(input, compiled);
    }

    @Test
    void dateFieldsMakeADate() {
        DateTimeTemplateReader.Result result = read("10-03-2017", "dd-mm-yyyy");
        assertThat(result.type()).isEqualTo(TypeId.DATE);
        assertThat(result.value()).isEqualTo(Calendar.epochDay(2017, 3, 10));
    }

    @Test
    void zoneFieldsMakeTimestampWithTimeZoneInUtc() {
        DateTimeTemplateReader.Result result = read("10-03-2017 12:34 -05:20", "dd-mm-yyyy HH24:MI TZH:TZM");
        assertThat(result.type()).isEqualTo(TypeId.TIMESTAMPTZ);
        assertThat(result.offsetSeconds()).isEqualTo(-(5 * 3600 + 20 * 60));
        long local = Calendar.epochDay(2017, 3, 10) * Calendar.MICROS_PER_DAY + (12 * 60 + 34) * 60_000_000L;
        assertThat(result.value()).isEqualTo(local + (5 * 3600 + 20 * 60) * 1_000_000L);
    }

    @Test
    void fractionsAndAbbreviationsAreRead() {
        DateTimeTemplateReader.Result time = read("12:34:56.789EST", "HH24:MI:SS.USTZ");
        assertThat(time.type()).isEqualTo(TypeId.TIMETZ);
        assertThat(TimeWithZone.offset(time.value())).isEqualTo(-5 * 3600);
        assertThat(TimeWithZone.time(time.value())).isEqualTo(((12 * 60 + 34) * 60 + 56) * 1_000_000L + 789_000);
    }

    @Test
    void errorsAreFormattingCs() {
        assertThatThrownBy(() -> read("aaaa", "HH24")).isInstanceOf(BasaltException.class)
                .hasMessage("invalid value \"aa\" for \"HH24\"");
        assertThatThrownBy(() -> read("10-03-2017 12:34", "dd-mm-yyyy"))
                .hasMessage("trailing characters remain in input string after datetime format");
        assertThatThrownBy(() -> read("12:34", "HH24:MI TZH"))
                .hasMessage("input string is too short for datetime format");
        assertThatThrownBy(() -> read("10-03-2017t12", "dd-mm-yyyy\"T\"HH24"))
                .hasMessage("unmatched format character \"T\"");
        assertThatThrownBy(() -> read("12:34", "aaa")).hasMessage("invalid datetime format separator: \"a\"");
        assertThatThrownBy(() -> read("31-02-2017", "dd-mm-yyyy"))
                .hasMessage("date/time field value out of range: \"31-02-2017\"");
    }
}
