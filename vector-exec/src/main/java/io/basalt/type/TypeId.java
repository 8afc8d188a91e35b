package io.basalt.type;

/** The SQL types Basalt knows, by PostgreSQL name. Modifiers (precision, length) live in {@link LogicalType}. */
public enum TypeId {
    /** The type of an untyped NULL or a quoted literal before the binder decides what it is. */
    UNKNOWN("unknown"),
    BOOLEAN("boolean"),
    SMALLINT("smallint"),
    INTEGER("integer"),
    BIGINT("bigint"),
    REAL("real"),
    DOUBLE("double precision"),
    NUMERIC("numeric"),
    TEXT("text"),
    VARCHAR("character varying"),
    /**
     * CHARACTER(n), blank-padded: values are stored padded with spaces to n characters, as PostgreSQL stores
     * them, and trailing spaces do not count when they are compared or converted to text. Precision -1 is
     * PostgreSQL's {@code bpchar} without a length, which keeps a value as written.
     */
    CHAR("character"),
    DATE("date"),
    TIMESTAMP("timestamp without time zone"),
    TIMESTAMPTZ("timestamp with time zone"),
    /** A time of day: microseconds since midnight, 0 to 24:00:00 inclusive. */
    TIME("time without time zone"),
    /**
     * A time of day with a UTC offset, packed into one long ordered as PostgreSQL orders timetz
     * ({@code io.basalt.type.datetime.TimeWithZone}).
     */
    TIMETZ("time with time zone"),
    INTERVAL("interval"),
    UUID("uuid"),
    BYTEA("bytea"),
    /** JSON text, kept as written (validated on input). */
    JSON("json"),
    /** JSON in a binary, normalized form ({@code io.basalt.type.json}). */
    JSONB("jsonb"),
    /** A SQL/JSON path, held as its normalized text ({@code io.basalt.type.json.path}). */
    JSONPATH("jsonpath"),
    /** A one-dimensional array; its element type is {@link LogicalType#element()}. */
    ARRAY("array"),
    /** A value of a user-defined enum type, stored as its label's sort key; the type is {@link LogicalType#enumType()}. */
    ENUM("enum"),
    /**
     * An object identifier shown as the name of a relation (PostgreSQL's regclass). Basalt holds the name as
     * regclass output writes it (quoted as needed, qualified when not visible on the search path); the binder
     * converts to and from the numeric oid through the catalog.
     */
    REGCLASS("regclass"),
    /** A type's object identifier shown as the type's name (regtype), held as that name. */
    REGTYPE("regtype"),
    /** A schema's object identifier shown as the schema's name (regnamespace), held as that name. */
    REGNAMESPACE("regnamespace"),
    /**
     * A composite (row) value: an anonymous {@code record} or a named row type (a table's, or one made by
     * CREATE TYPE ... AS); its fields are {@link LogicalType#record()}.
     */
    RECORD("record"),
    /** A point (x, y) of two doubles, stored packed ({@code io.basalt.type.geometric.Geometry}). */
    POINT("point"),
    /** A line segment: two points. */
    LSEG("lseg"),
    /** An open or closed path of points. */
    PATH("path"),
    /** A box: its upper right and lower left corners. */
    BOX("box"),
    /** A closed polygon of points. */
    POLYGON("polygon"),
    /** An infinite line Ax + By + C = 0. */
    LINE("line"),
    /** A circle: centre and radius. */
    CIRCLE("circle"),
    /**
     * A range of a subtype (int4range, numrange, a CREATE TYPE ... AS RANGE type); the range type is
     * {@link LogicalType#range()}, the value an order-preserving key ({@code io.basalt.type.range.RangeKey}).
     */
    RANGE("range"),
    /** A text search document: lexemes with positions ({@code io.basalt.type.textsearch.TsVector}), held as its text. */
    TSVECTOR("tsvector"),
    /** A text search query ({@code io.basalt.type.textsearch.TsQuery}), held as its text. */
    TSQUERY("tsquery"),
    /**
     * A write-ahead log location ({@code io.basalt.type.PgLsn}): an unsigned 64-bit position, held as a long with its
     * sign bit flipped so that signed comparisons order it.
     */
    PG_LSN("pg_lsn");

    private final String pgName;

    TypeId(String pgName) {
        this.pgName = pgName;
    }

    public String pgName() {
        return pgName;
    }
}
