package io.basalt.catalog;

import io.basalt.type.EnumType;
import io.basalt.type.LogicalType;

/**
 * A type a user created: an enum ({@code CREATE TYPE ... AS ENUM}) or a domain ({@link DomainEntry}); composite
 * types are to come.
 * Types share one namespace per schema, as in PostgreSQL's {@code pg_type}.
 */
public sealed interface UserType permits UserType.Enum, UserType.Composite, DomainEntry,
        UserType.Range {
    long oid();

    String schema();

    String name();

    /** The type values of this type have in expressions (a domain's is its base type's). */
    LogicalType valueType();

    /** An enum type: its labels live in the shared {@link EnumType}, which ALTER TYPE changes in place. */
    record Enum(EnumType type) implements UserType {
        @Override
        public long oid() {
            return type.oid();
        }

        @Override
        public String schema() {
            return type.schema();
        }

        @Override
        public String name() {
            return type.name();
        }

        @Override
        public LogicalType valueType() {
            return LogicalType.enumOf(type);
        }
    }

    /** A composite type ({@code CREATE TYPE name AS (...)}): values are records of its fields. */
    record Composite(long oid, String schema, String name, io.basalt.type.RecordType record) implements UserType {
        @Override
        public LogicalType valueType() {
            return LogicalType.recordOf(record);
        }
    }

    /** A range type ({@code CREATE TYPE name AS RANGE (subtype = ...)}): values are ranges of its subtype. */
    record Range(long oid, String schema, String name, io.basalt.type.range.RangeType range) implements UserType {
        @Override
        public LogicalType valueType() {
            return LogicalType.rangeOf(range);
        }
    }
}
