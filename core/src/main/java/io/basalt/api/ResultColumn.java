package io.basalt.api;

import static java.util.Objects.requireNonNull;

import io.basalt.type.LogicalType;

/** A result column: its name as PostgreSQL would label it and its SQL type. */
public record ResultColumn(String name, LogicalType type) {
    public ResultColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
