package io.basalt.type.range;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.type.LogicalType;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A range type: its name (int4range, or the name a CREATE TYPE ... AS RANGE gave it), its subtype, and whether it is
 * discrete, which PostgreSQL's built-in int4range, int8range and daterange are: their values are brought to the
 * canonical form {@code [lower,upper)} ({@link RangeKey}). A type made by CREATE TYPE ... AS RANGE has no canonical
 * function and keeps its bounds as written.
 */
public record RangeType(String name, LogicalType subtype, boolean discrete) {
    public static final RangeType INT4RANGE = new RangeType("int4range", LogicalType.INTEGER, true);
    public static final RangeType INT8RANGE = new RangeType("int8range", LogicalType.BIGINT, true);
    public static final RangeType NUMRANGE = new RangeType("numrange", LogicalType.NUMERIC, false);
    public static final RangeType DATERANGE = new RangeType("daterange", LogicalType.DATE, true);
    public static final RangeType TSRANGE = new RangeType("tsrange", LogicalType.TIMESTAMP, false);
    public static final RangeType TSTZRANGE = new RangeType("tstzrange", LogicalType.TIMESTAMPTZ, false);

    public RangeType {
        requireNonNull(name, "name is null");
        requireNonNull(subtype, "subtype is null");
        if (!RangeKey.supports(subtype)) {
            throw BasaltException.internal("no range key for subtype " + subtype);
        }
    }

    /** The built-in range type called {@code name}, or null. */
    public static RangeType builtin(String name) {
        return switch (name) {
            case "int4range" -> INT4RANGE;
            case "int8range" -> INT8RANGE;
            case "numrange" -> NUMRANGE;
            case "daterange" -> DATERANGE;
            case "tsrange" -> TSRANGE;
            case "tstzrange" -> TSTZRANGE;
            default -> null;
        };
    }

    /** The built-in range type over {@code subtype}'s kind of value (int4range for integer), or null. */
    public static RangeType builtinOver(LogicalType subtype) {
        return switch (subtype.id()) {
            case SMALLINT, INTEGER -> INT4RANGE;
            case BIGINT -> INT8RANGE;
            case NUMERIC -> NUMRANGE;
            case DATE -> DATERANGE;
            case TIMESTAMP -> TSRANGE;
            case TIMESTAMPTZ -> TSTZRANGE;
            default -> null;
        };
    }

    /** The type as {@link LogicalType#encode()} writes it inside a logical type's tag. */
    public String encode() {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + ":" + (discrete ? "d" : "c") + ":" + subtype.encode();
    }

    public static RangeType decode(String encoded) {
        int first = encoded.indexOf(':');
        int second = encoded.indexOf(':', first + 1);
        if (first < 0 || second < 0) {
            throw BasaltException.internal("malformed range type '" + encoded + "'");
        }
        return new RangeType(URLDecoder.decode(encoded.substring(0, first), StandardCharsets.UTF_8),
                LogicalType.decode(encoded.substring(second + 1)), encoded.charAt(first + 1) == 'd');
    }
}
