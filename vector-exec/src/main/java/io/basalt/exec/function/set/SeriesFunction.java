package io.basalt.exec.function.set;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.SeriesSource;
import io.basalt.exec.operator.scan.SetFunction;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * {@code generate_series(start, stop [, step [, zone]])} with arguments known only when the plan runs: a
 * {@link SeriesSource} over them. The arguments come cast to the series type (the step of a timestamp series
 * to interval, the zone to text); {@code defaultStep} stands in for a missing step, {@code sessionZone} (for a
 * timestamptz series) for a missing zone.
 */
public record SeriesFunction(LogicalType type, Object defaultStep, java.time.ZoneId sessionZone)
        implements SetFunction {
    public SeriesFunction {
        requireNonNull(type, "type is null");
    }

    @Override
    public String name() {
        return "generate_series";
    }

    @Override
    public List<LogicalType> outputTypes() {
        return List.of(type);
    }

    @Override
    public SourceState open(Object[] arguments, ExecutionContext context) {
        Object step = arguments.length > 2 ? arguments[2] : defaultStep;
        Object start = arguments[0];
        java.time.ZoneId zone = sessionZone;
        if (arguments.length > 3) {
            if (arguments[3] == null) {
                start = null; // a NULL zone, like any NULL argument, gives no rows
            } else {
                zone = io.basalt.type.datetime.TimeZoneNames.resolve((String) arguments[3]);
            }
        }
        return new SeriesSource(type, start, arguments[1], step, zone).open(new int[] {0}, context);
    }
}
