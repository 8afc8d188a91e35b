package io.basalt.exec.function.scalar;

import io.basalt.type.datetime.TimeZoneNames;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * The named time zone an {@code AT TIME ZONE} row uses: the zone resolved ahead when the name is a constant,
 * else the row's name from a text column, resolved once per run of equal names (rows usually repeat one).
 * One instance serves one call's loop, on one thread.
 */
final class RowZones {
    private final ZoneId constant;
    private String lastName;
    private ZoneId last;

    /** {@code constant}: the zone when the name is a constant, or null to read it per row. */
    RowZones(ZoneId constant) {
        this.constant = constant;
        this.last = constant;
    }

    /** The zone of row {@code row} of {@code names} (a non-null text value unless the zone is constant). */
    ZoneId at(FieldVector names, int row) {
        if (constant != null) {
            return constant;
        }
        String name = new String(((VarCharVector) names).get(row), StandardCharsets.UTF_8);
        if (!name.equals(lastName)) {
            last = TimeZoneNames.resolve(name);
            lastName = name;
        }
        return last;
    }
}
