package io.basalt.type.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.type.Interval;
import io.basalt.type.datetime.Calendar;
import org.junit.jupiter.api.Test;

/** The date/time template compiler and printer: spellings, modifiers, quoting, and printed fields. */
class DateTimeTemplateTest {
    private static String print(String template, long localMicros) {
        BrokenDownTime time = new BrokenDownTime();
        time.setTimestamp(localMicros);
        StringBuilder out = new StringBuilder();
        DateTimeTemplatePrinter.print(DateTimeTemplate.compile(template), time, out);
        return out.toString();
    }

    private static long at(int year, int month, int day, int hour, int minute, int second, int micros) {
        return Calendar.epochDay(year, month, day) * Calendar.MICROS_PER_DAY
                + ((hour * 60L + minute) * 60 + second) * 1_000_000L + micros;
    }

    @Test
    void longestSpellingWinsAndCaseIsKept() {
        DateTimeTemplate template = DateTimeTemplate.compile("HH24HHMonthMONTHmonth");
        assertThat(template.nodes()).extracting(DateTimeTemplate.Node::pattern).containsExactly(
                DateTimePattern.HOUR24, DateTimePattern.HOUR12, DateTimePattern.MONTH_NAME,
                DateTimePattern.MONTH_NAME, DateTimePattern.MONTH_NAME);
        assertThat(template.nodes()).extracting(DateTimeTemplate.Node::letterCase).containsExactly(
                DateTimeTemplate.UPPER, DateTimeTemplate.UPPER, DateTimeTemplate.CAPITALIZED, DateTimeTemplate.UPPER,
                DateTimeTemplate.LOWER);
    }

    @Test
    void modifiersAttachToTheNextPattern() {
        DateTimeTemplate template = DateTimeTemplate.compile("FMDDth FXYYYY");
        assertThat(template.fixedFormat()).isTrue();
        DateTimeTemplate.Node day = template.nodes().getFirst();
        assertThat(day.fillMode()).isTrue();
        assertThat(day.ordinal()).isEqualTo(DateTimeTemplate.LOWER + 1);
        assertThat(template.nodes().getLast().fillMode()).isFalse();
    }

    @Test
    void quotedTextAndBackslashesAreLiteral() {
        long t = at(1997, 2, 10, 17, 32, 1, 500_000);
        assertThat(print("\"YYYY \\\"q\\\"\" YYYY", t)).isEqualTo("YYYY \"q\" 1997");
        assertThat(print("\\\"MM \\x", t)).isEqualTo("\"02 \\x");
    }

    @Test
    void printsFieldsAsPostgresql() {
        long t = at(1997, 2, 10, 17, 32, 1, 500_000);
        assertThat(print("YYYY-MM-DD HH24:MI:SS.US", t)).isEqualTo("1997-02-10 17:32:01.500000");
        assertThat(print("Day|FMDay|DY|Mon|HH12 PM|a.m.|DDD|J|Q|RM|CC", t))
                .isEqualTo("Monday   |Monday|MON|Feb|05 PM|p.m.|041|2450490|1|II  |20");
        assertThat(print("DDth DDTH IYYY-IW-ID", at(2005, 1, 1, 0, 0, 0, 0))).isEqualTo("01st 01ST 2004-53-6");
        assertThat(print("YYYY BC", at(-43, 3, 15, 0, 0, 0, 0))).isEqualTo("0044 BC");
    }

    @Test
    void intervalsPrintSignedFieldsAndRefuseCalendarPatterns() {
        BrokenDownTime time = new BrokenDownTime();
        time.setInterval(new Interval(-14, -3, -14_706_789_000L));
        StringBuilder out = new StringBuilder();
        DateTimeTemplatePrinter.print(DateTimeTemplate.compile("YYYY MM DD HH24 MI SS MS RM"), time, out);
        assertThat(out.toString()).isEqualTo("-0001 -02 -3 -04 -05 -06 -789 XI  ");
        assertThatThrownBy(() -> DateTimeTemplatePrinter.print(DateTimeTemplate.compile("Day"), time, new StringBuilder()))
                .isInstanceOf(BasaltException.class).hasMessageContaining("invalid format specification for an interval");
    }
}
