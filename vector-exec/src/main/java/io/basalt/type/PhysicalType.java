package io.basalt.type;

/**
 * How values of a logical type are laid out in an Arrow vector. Kernels and operators specialise on this,
 * once per batch, never per row.
 */
public enum PhysicalType {
    /** Arrow BitVector. */
    BOOLEAN,
    /** Arrow SmallIntVector. */
    INT16,
    /** Arrow IntVector (INTEGER) or DateDayVector (DATE, days since 1970-01-01). */
    INT32,
    /**
     * Arrow BigIntVector: BIGINT; NUMERIC(p,s) with p <= 18 as an integer scaled by 10^s; TIMESTAMP and
     * TIMESTAMPTZ as microseconds since 1970-01-01 00:00 (UTC for TIMESTAMPTZ); TIME as microseconds since
     * midnight; TIMETZ as the packed, order-preserving key of {@code io.basalt.type.datetime.TimeWithZone}.
     */
    INT64,
    /**
     * Arrow DecimalVector (128-bit): NUMERIC(p,s) with 18 < p <= 38, an integer scaled by 10^s in 16 bytes
     * of little-endian two's complement.
     */
    INT128,
    /** Arrow Float8Vector: DOUBLE PRECISION, and REAL (every value rounded to float precision). */
    FLOAT64,
    /** Arrow FixedSizeBinaryVector(16): INTERVAL as months (int32), days (int32), microseconds (int64), little-endian. */
    INTERVAL,
    /** Arrow FixedSizeBinaryVector(16): UUID as its 16 bytes in text order (RFC 4122), compared unsigned bytewise. */
    UUID,
    /** Arrow VarBinaryVector: BYTEA as its raw bytes, compared unsigned bytewise, shorter first on a common prefix. */
    BYTES,
    /**
     * Arrow VarBinaryVector holding a NUMERIC of any precision and per-value scale:
     * two bytes of scale (big-endian) followed by the unscaled value as big-endian two's complement.
     */
    BIG_DECIMAL,
    /** Arrow VarBinaryVector: JSONB in its binary form ({@code io.basalt.type.json.JsonbReader}). */
    JSONB,
    /** Arrow VarCharVector, UTF-8 (also JSON, whose text is kept as written). */
    STRING,
    /** Arrow struct of the list of elements (in their own physical type) and the list of shapes (ARRAY); see ArrayVectors. */
    LIST,
    /** Arrow struct with one child per field, named by position ({@code LogicalType.recordChildName}): RECORD; see RecordVectors. */
    STRUCT
}
