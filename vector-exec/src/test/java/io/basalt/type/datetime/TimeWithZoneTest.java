package io.basalt.type.datetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimeWithZoneTest {
    private static final long HOUR = 3_600_000_000L;

    @Test
    void packsAndUnpacksEveryCornerOfTheRange() {
        long[] times = {0, 1, 12 * HOUR + 345_678, TimeValues.END_OF_DAY - 1, TimeValues.END_OF_DAY};
        int[] offsets = {0, 1, -1, 3600, -3600, 57_599, -57_599, TimeWithZone.MAX_OFFSET_SECONDS,
                -TimeWithZone.MAX_OFFSET_SECONDS};
        for (long time : times) {
            for (int offset : offsets) {
                long packed = TimeWithZone.pack(time, offset);
                assertThat(TimeWithZone.time(packed)).as("%d at %d", time, offset).isEqualTo(time);
                assertThat(TimeWithZone.offset(packed)).as("%d at %d", time, offset).isEqualTo(offset);
                assertThat(TimeWithZone.utcMicros(packed)).isEqualTo(time - offset * 1_000_000L);
            }
        }
    }

    @Test
    void ordersByTheInstantInUtcThenByTheOffsetEastFirst() {
        long tenPlusTwo = TimeWithZone.pack(10 * HOUR, 7200);
        long ninePlusOne = TimeWithZone.pack(9 * HOUR, 3600);
        long eightUtc = TimeWithZone.pack(8 * HOUR, 0);
        long nineUtc = TimeWithZone.pack(9 * HOUR, 0);
        long lateWest = TimeWithZone.pack(23 * HOUR, -12 * 3600);
        // 10:00+02, 09:00+01 and 08:00+00 are one instant: the offsets order them, largest first.
        assertThat(tenPlusTwo).isLessThan(ninePlusOne);
        assertThat(ninePlusOne).isLessThan(eightUtc);
        assertThat(eightUtc).isLessThan(nineUtc);
        assertThat(nineUtc).isLessThan(lateWest);
        assertThat(TimeWithZone.pack(10 * HOUR, 7200)).isEqualTo(tenPlusTwo);
    }

    @Test
    void refusesOffsetsBeyondTheLimit() {
        assertThatThrownBy(() -> TimeWithZone.pack(0, TimeWithZone.MAX_OFFSET_SECONDS + 1))
                .hasMessage("time zone displacement out of range");
    }
}
