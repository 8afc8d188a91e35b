package io.basalt.engine.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.error.BasaltException;
import io.basalt.type.LogicalType;
import io.basalt.type.ValueConversion;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * COPY's byte-level fast paths for DATE and scaled NUMERIC against the general input functions: on random and
 * edge-case fields, a field the fast path accepts must give exactly the value {@link ValueConversion#parse} gives,
 * and a field it declines must be one the general path either rejects or reads differently spelled (so no input
 * changes meaning by taking the fast path).
 */
class FieldConverterTest {
    private static final long NOT_PLAIN = Long.MIN_VALUE;

    @Test
    void isoDatesMatchTheGeneralParser() {
        Random random = new Random(42);
        LogicalType date = LogicalType.DATE;
        for (int i = 0; i < 20_000; i++) {
            int year = random.nextInt(10) == 0 ? random.nextInt(10_000) : 1900 + random.nextInt(200);
            int month = random.nextInt(14);
            int day = random.nextInt(33);
            checkDate(date, "%04d-%02d-%02d".formatted(year, month, day));
        }
        for (String edge : new String[] {"2000-02-29", "1900-02-29", "2024-02-29", "2023-02-29", "0001-01-01",
                "9999-12-31", "0000-01-01", "1970-01-01", "1969-12-31", "2024-1-015", "2024/01/15", "20240115xx",
                "1582-10-10", "2024-04-31", "2024-12-31"}) {
            checkDate(date, edge);
        }
    }

    @Test
    void plainDecimalsMatchTheGeneralParser() {
        Random random = new Random(7);
        LogicalType[] types = {LogicalType.numeric(15, 2), LogicalType.numeric(18, 0), LogicalType.numeric(5, 5),
            LogicalType.numeric(18, 18), LogicalType.numeric(10, 4)};
        String[] edges = {"0", "-0", "0.00", "-0.00", ".5", "5.", ".", "-", "", "1e3", "+1", " 1", "1.005", "00012.3",
            "9999999999999.99", "10000000000000.00", "-9999999999999.99", "999999999999999999", "0.123456789012345678",
            "1.2.3", "NaN", "12a"};
        for (LogicalType type : types) {
            for (String edge : edges) {
                checkDecimal(type, edge);
            }
            for (int i = 0; i < 5_000; i++) {
                StringBuilder text = new StringBuilder();
                if (random.nextBoolean()) {
                    text.append('-');
                }
                int integerDigits = random.nextInt(20);
                for (int d = 0; d < integerDigits; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
                if (random.nextBoolean()) {
                    text.append('.');
                    int fractionDigits = random.nextInt(8);
                    for (int d = 0; d < fractionDigits; d++) {
                        text.append((char) ('0' + random.nextInt(10)));
                    }
                }
                checkDecimal(type, text.toString());
            }
        }
    }

    private static void checkDate(LogicalType type, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long fast = bytes.length == 10 ? FieldConverter.plainIsoDate(bytes, 0) : NOT_PLAIN;
        Object general = parseOrNull(text, type);
        if (fast != NOT_PLAIN) {
            assertThat(general).as(text).isEqualTo(fast);
        }
        if (general != null && text.matches("\\d{4}-\\d{2}-\\d{2}") && !text.startsWith("0000")) {
            assertThat(fast).as(text).isNotEqualTo(NOT_PLAIN);
        }
    }

    private static void checkDecimal(LogicalType type, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long fast = FieldConverter.plainScaledDecimal(bytes, 0, bytes.length, type.scale(),
                type.precision() - type.scale());
        Object general = parseOrNull(text, type);
        if (fast != NOT_PLAIN) {
            assertThat(general).as(text + " as " + type).isEqualTo(fast);
        }
    }

    private static Object parseOrNull(String text, LogicalType type) {
        try {
            return ValueConversion.parse(text, type);
        } catch (BasaltException rejected) {
            return null;
        }
    }
}
