package io.basalt.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.type.LogicalType;

/**
 * The parameters of a sequence as CREATE or ALTER SEQUENCE left them: its data type (smallint, integer or bigint),
 * the step, the bounds, the START value (where RESTART without a value goes), the CACHE size (accepted and shown;
 * Basalt hands out values one at a time) and whether it wraps around at a bound. The engine checks them against
 * each other before building one.
 */
public record SequenceOptions(LogicalType type, long increment, long minValue, long maxValue, long start, long cache,
                              boolean cycle) {
    public SequenceOptions {
        requireNonNull(type, "type is null");
    }
}
