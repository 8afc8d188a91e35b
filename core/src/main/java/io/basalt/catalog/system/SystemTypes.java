package io.basalt.catalog.system;

import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.List;

/**
 * The built-in types pg_type lists, with PostgreSQL 15's object identifiers, and the mapping between Basalt's
 * {@link LogicalType}s and a type oid plus type modifier (atttypmod), which pg_attribute and format_type use.
 * Type modifiers are PostgreSQL's encodings: length + 4 for character types, ((precision << 16) | scale) + 4 for
 * numeric (the scale as 11 bits, two's complement), the fractional-second digits for the time types, -1 when
 * there is none.
 */
public final class SystemTypes {
    /** One row of pg_type: oid, name, length, passed by value, category, element type, array type, preferred. */
    public record BuiltinType(long oid, String name, int length, boolean byValue, String category, long element,
                              long array, boolean preferred) {
    }

    /** The types listed, in oid order (element types of the arrays Basalt supports follow as their arrays). */
    public static final List<BuiltinType> TYPES = List.of(
            new BuiltinType(16, "bool", 1, true, "B", 0, 1000, true),
            new BuiltinType(17, "bytea", -1, false, "U", 0, 1001, false),
            new BuiltinType(18, "char", 1, true, "Z", 0, 1002, false),
            new BuiltinType(19, "name", 64, false, "S", 18, 1003, false),
            new BuiltinType(20, "int8", 8, true, "N", 0, 1016, false),
            new BuiltinType(21, "int2", 2, true, "N", 0, 1005, false),
            new BuiltinType(22, "int2vector", -1, false, "A", 21, 1006, false),
            new BuiltinType(23, "int4", 4, true, "N", 0, 1007, false),
            new BuiltinType(24, "regproc", 4, true, "N", 0, 1008, false),
            new BuiltinType(25, "text", -1, false, "S", 0, 1009, true),
            new BuiltinType(26, "oid", 4, true, "N", 0, 1028, true),
            // the types of the system columns as pg_attribute lists them (ctid, xmin/xmax, cmin/cmax)
            new BuiltinType(27, "tid", 6, false, "U", 0, 0, false),
            new BuiltinType(28, "xid", 4, true, "U", 0, 0, false),
            new BuiltinType(29, "cid", 4, true, "U", 0, 0, false),
            new BuiltinType(30, "oidvector", -1, false, "A", 26, 1013, false),
            new BuiltinType(114, "json", -1, false, "U", 0, 199, false),
            new BuiltinType(194, "pg_node_tree", -1, false, "Z", 0, 0, false),
            new BuiltinType(199, "_json", -1, false, "A", 114, 0, false),
            new BuiltinType(600, "point", 16, false, "G", 0, 1017, false),
            new BuiltinType(601, "lseg", 32, false, "G", 0, 1018, false),
            new BuiltinType(602, "path", -1, false, "G", 0, 1019, false),
            new BuiltinType(603, "box", 32, false, "G", 0, 1020, false),
            new BuiltinType(604, "polygon", -1, false, "G", 0, 1027, false),
            new BuiltinType(628, "line", 24, false, "G", 0, 629, false),
            new BuiltinType(718, "circle", 24, false, "G", 0, 719, false),
            new BuiltinType(700, "float4", 4, true, "N", 0, 1021, false),
            new BuiltinType(701, "float8", 8, true, "N", 0, 1022, true),
            new BuiltinType(705, "unknown", -2, false, "X", 0, 0, false),
            new BuiltinType(1000, "_bool", -1, false, "A", 16, 0, false),
            new BuiltinType(1001, "_bytea", -1, false, "A", 17, 0, false),
            new BuiltinType(1005, "_int2", -1, false, "A", 21, 0, false),
            new BuiltinType(1007, "_int4", -1, false, "A", 23, 0, false),
            new BuiltinType(1009, "_text", -1, false, "A", 25, 0, false),
            new BuiltinType(1014, "_bpchar", -1, false, "A", 1042, 0, false),
            new BuiltinType(1015, "_varchar", -1, false, "A", 1043, 0, false),
            new BuiltinType(1016, "_int8", -1, false, "A", 20, 0, false),
            new BuiltinType(1021, "_float4", -1, false, "A", 700, 0, false),
            new BuiltinType(1022, "_float8", -1, false, "A", 701, 0, false),
            new BuiltinType(1028, "_oid", -1, false, "A", 26, 0, false),
            new BuiltinType(1042, "bpchar", -1, false, "S", 0, 1014, false),
            new BuiltinType(1043, "varchar", -1, false, "S", 0, 1015, false),
            new BuiltinType(1082, "date", 4, true, "D", 0, 1182, false),
            new BuiltinType(1083, "time", 8, true, "D", 0, 1183, false),
            new BuiltinType(1114, "timestamp", 8, true, "D", 0, 1115, false),
            new BuiltinType(1115, "_timestamp", -1, false, "A", 1114, 0, false),
            new BuiltinType(1182, "_date", -1, false, "A", 1082, 0, false),
            new BuiltinType(1183, "_time", -1, false, "A", 1083, 0, false),
            new BuiltinType(1184, "timestamptz", 8, true, "D", 0, 1185, true),
            new BuiltinType(1185, "_timestamptz", -1, false, "A", 1184, 0, false),
            new BuiltinType(1186, "interval", 16, false, "T", 0, 1187, true),
            new BuiltinType(1187, "_interval", -1, false, "A", 1186, 0, false),
            new BuiltinType(1231, "_numeric", -1, false, "A", 1700, 0, false),
            new BuiltinType(1266, "timetz", 12, false, "D", 0, 1270, false),
            new BuiltinType(1270, "_timetz", -1, false, "A", 1266, 0, false),
            new BuiltinType(1700, "numeric", -1, false, "N", 0, 1231, false),
            new BuiltinType(2205, "regclass", 4, true, "N", 0, 2210, false),
            new BuiltinType(2206, "regtype", 4, true, "N", 0, 2211, false),
            new BuiltinType(2210, "_regclass", -1, false, "A", 2205, 0, false),
            new BuiltinType(2211, "_regtype", -1, false, "A", 2206, 0, false),
            new BuiltinType(2950, "uuid", 16, false, "U", 0, 2951, false),
            new BuiltinType(2951, "_uuid", -1, false, "A", 2950, 0, false),
            new BuiltinType(3802, "jsonb", -1, false, "U", 0, 3807, false),
            new BuiltinType(3807, "_jsonb", -1, false, "A", 3802, 0, false),
            new BuiltinType(3904, "int4range", -1, false, "R", 0, 3905, false),
            new BuiltinType(3906, "numrange", -1, false, "R", 0, 3907, false),
            new BuiltinType(3908, "tsrange", -1, false, "R", 0, 3909, false),
            new BuiltinType(3910, "tstzrange", -1, false, "R", 0, 3911, false),
            new BuiltinType(3912, "daterange", -1, false, "R", 0, 3913, false),
            new BuiltinType(3926, "int8range", -1, false, "R", 0, 3927, false),
            new BuiltinType(4072, "jsonpath", -1, false, "U", 0, 4073, false),
            new BuiltinType(4073, "_jsonpath", -1, false, "A", 4072, 0, false),
            new BuiltinType(4089, "regnamespace", 4, true, "N", 0, 4090, false),
            new BuiltinType(4090, "_regnamespace", -1, false, "A", 4089, 0, false));

    private SystemTypes() {
    }

    /** The listed type of that oid, or null. */
    public static BuiltinType byOid(long oid) {
        for (BuiltinType type : TYPES) {
            if (type.oid() == oid) {
                return type;
            }
        }
        return null;
    }

    /** The listed type of that name (pg_type's typname), or null. */
    public static BuiltinType byName(String name) {
        for (BuiltinType type : TYPES) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** The oid of {@code type}'s pg_type row (an array's is its element's array type). */
    public static long oidOf(LogicalType type) {
        if (type.isDomain()) {
            return CatalogObjects.userTypeOid(type.domain().schema(), type.domain().name());
        }
        if (type.isArray()) {
            // pg_type does not list arrays of user-defined types: an array of a domain reads as one of its base type
            BuiltinType element = byOid(oidOf(type.element().withDomain(null)));
            return element == null ? 0 : element.array();
        }
        return switch (type.id()) {
            case UNKNOWN -> 705;
            case BOOLEAN -> 16;
            case SMALLINT -> 21;
            case INTEGER -> 23;
            case BIGINT -> 20;
            case REAL -> 700;
            case DOUBLE -> 701;
            case NUMERIC -> 1700;
            case TEXT -> 25;
            case VARCHAR -> 1043;
            case CHAR -> 1042;
            case DATE -> 1082;
            case TIMESTAMP -> 1114;
            case TIMESTAMPTZ -> 1184;
            case TIME -> 1083;
            case TIMETZ -> 1266;
            case INTERVAL -> 1186;
            case UUID -> 2950;
            case BYTEA -> 17;
            case JSON -> 114;
            case JSONB -> 3802;
            case JSONPATH -> 4072;
            case TSVECTOR -> 3614;
            case TSQUERY -> 3615;
            case PG_LSN -> 3220;
            case REGCLASS -> 2205;
            case REGTYPE -> 2206;
            case REGNAMESPACE -> 4089;
            case ENUM -> CatalogObjects.userTypeOid(type.enumType().schema(), type.enumType().name());
            case ARRAY -> throw new IllegalStateException("arrays are handled above");
            // named row types have no pg_type rows of their own yet: they report the pseudo-type record
            case RECORD -> 2249;
            case POINT -> 600;
            case LSEG -> 601;
            case PATH -> 602;
            case BOX -> 603;
            case POLYGON -> 604;
            case LINE -> 628;
            case CIRCLE -> 718;
            case RANGE -> {
                BuiltinType builtin = io.basalt.type.range.RangeType.builtin(type.range().name()) == null ? null
                        : byName(type.range().name());
                yield builtin != null ? builtin.oid() : CatalogObjects.userTypeOid("public", type.range().name());
            }
        };
    }

    /** PostgreSQL's type modifier of {@code type} (atttypmod), -1 when it has none. */
    public static int typeModifier(LogicalType type) {
        LogicalType base = type.isArray() ? type.element() : type;
        return switch (base.id()) {
            case VARCHAR, CHAR -> base.precision() < 0 ? -1 : base.precision() + 4;
            case NUMERIC -> base.precision() < 0 ? -1 : ((base.precision() << 16) | (base.scale() & 0x7ff)) + 4;
            case TIMESTAMP, TIMESTAMPTZ, TIME, TIMETZ -> base.precision();
            default -> -1;
        };
    }

    /**
     * The type a pg_type oid and type modifier describe, or null for a type Basalt does not have; the inverse of
     * {@link #oidOf} and {@link #typeModifier}.
     */
    public static LogicalType typeOf(long oid, int modifier) {
        BuiltinType listed = byOid(oid);
        if (listed == null) {
            return null;
        }
        if (listed.category().equals("A") && listed.element() != 0 && oid != 22 && oid != 30) {
            LogicalType element = typeOf(listed.element(), modifier);
            return element == null ? null : LogicalType.arrayOf(element);
        }
        return switch ((int) oid) {
            case 16 -> LogicalType.BOOLEAN;
            case 17 -> LogicalType.BYTEA;
            case 20 -> LogicalType.BIGINT;
            case 21 -> LogicalType.SMALLINT;
            case 23 -> LogicalType.INTEGER;
            case 25 -> LogicalType.TEXT;
            case 114 -> LogicalType.JSON;
            case 700 -> LogicalType.REAL;
            case 701 -> LogicalType.DOUBLE;
            case 705 -> LogicalType.UNKNOWN;
            case 1042 -> modifier < 4 ? LogicalType.BPCHAR : new LogicalType(TypeId.CHAR, modifier - 4, 0);
            case 1043 -> modifier < 4 ? LogicalType.VARCHAR : new LogicalType(TypeId.VARCHAR, modifier - 4, 0);
            case 1082 -> LogicalType.DATE;
            case 1083 -> new LogicalType(TypeId.TIME, Math.max(modifier, -1), 0);
            case 1114 -> new LogicalType(TypeId.TIMESTAMP, Math.max(modifier, -1), 0);
            case 1184 -> new LogicalType(TypeId.TIMESTAMPTZ, Math.max(modifier, -1), 0);
            case 1186 -> LogicalType.INTERVAL;
            case 1266 -> new LogicalType(TypeId.TIMETZ, Math.max(modifier, -1), 0);
            case 1700 -> modifier < 4 ? LogicalType.NUMERIC
                    : new LogicalType(TypeId.NUMERIC, (modifier - 4) >> 16, ((((modifier - 4) & 0x7ff) ^ 1024) - 1024));
            case 2205 -> LogicalType.REGCLASS;
            case 2206 -> LogicalType.REGTYPE;
            case 2950 -> LogicalType.UUID;
            case 3802 -> LogicalType.JSONB;
            case 4072 -> LogicalType.JSONPATH;
            case 3614 -> LogicalType.TSVECTOR;
            case 3615 -> LogicalType.TSQUERY;
            case 3220 -> LogicalType.PG_LSN;
            case 600 -> LogicalType.POINT;
            case 601 -> LogicalType.LSEG;
            case 602 -> LogicalType.PATH;
            case 603 -> LogicalType.BOX;
            case 604 -> LogicalType.POLYGON;
            case 628 -> LogicalType.LINE;
            case 718 -> LogicalType.CIRCLE;
            case 3904, 3906, 3908, 3910, 3912, 3926 -> LogicalType.rangeOf(
                    io.basalt.type.range.RangeType.builtin(listed.name()));
            case 4089 -> LogicalType.REGNAMESPACE;
            default -> null;
        };
    }
}
