package io.basalt.storage.column;

import io.basalt.exec.vector.ValueComparison;
import io.basalt.type.ArrayValue;
import io.basalt.type.ByteString;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import io.basalt.type.Uuid;
import io.basalt.type.json.Jsonb;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Generates canonical values ({@link io.basalt.exec.vector.ValueAccess}'s Java forms) of every storable type in every
 * {@link ChunkShape}, and orders them as the engine does, for round-trip and statistics tests.
 */
final class ColumnValues {
    static final List<LogicalType> TYPES = List.of(LogicalType.BOOLEAN, LogicalType.SMALLINT, LogicalType.INTEGER,
        LogicalType.BIGINT, LogicalType.DATE, LogicalType.TIME, LogicalType.TIMESTAMP, LogicalType.TIMESTAMPTZ,
        LogicalType.numeric(12, 2), LogicalType.numeric(30, 4), LogicalType.NUMERIC, LogicalType.DOUBLE, LogicalType.REAL,
        LogicalType.TEXT, LogicalType.varchar(20), LogicalType.character(5), LogicalType.JSON, LogicalType.BYTEA,
        LogicalType.JSONB, LogicalType.UUID, LogicalType.INTERVAL, LogicalType.arrayOf(LogicalType.INTEGER),
        LogicalType.POINT, LogicalType.rangeOf(io.basalt.type.range.RangeType.INT4RANGE));

    private static final String[] WORDS = {"", "a", "abc", "é", "日本語", "straße", "🎉 party", "Zürich", "ab", "abd",
        "\u0000x", "x\uFFFF", "MAIL", "SHIP", "AIR", "RAIL", "TRUCK"};

    private ColumnValues() {
    }

    /** {@code count} values of {@code type} in {@code shape}. */
    static List<Object> generate(LogicalType type, ChunkShape shape, int count, Random random) {
        int rows = switch (shape) {
            case EMPTY -> 0;
            case ONE_ROW -> 1;
            default -> count;
        };
        List<Object> values = new ArrayList<>(rows);
        Object repeated = random(type, random);
        Object other = random(type, random);
        List<Object> few = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            few.add(random(type, random));
        }
        for (int i = 0; i < rows; i++) {
            values.add(switch (shape) {
                case EMPTY, ONE_ROW, RANDOM, SORTED, REVERSE_SORTED -> random(type, random);
                case ALL_NULL -> null;
                case SINGLE_REPEATED -> repeated;
                case RANDOM_WITH_NULLS -> random.nextInt(5) == 0 ? null : random(type, random);
                case MOSTLY_NULL -> random.nextInt(50) == 0 ? random(type, random) : null;
                case ALTERNATING -> i % 2 == 0 ? repeated : other;
                case EXTREMES -> extreme(type, random);
                case LONG_RUNS -> (i / 100) % 2 == 0 ? repeated : other;
                case FEW_DISTINCT -> few.get(random.nextInt(few.size()));
            });
        }
        if (shape == ChunkShape.SORTED || shape == ChunkShape.REVERSE_SORTED) {
            Comparator<Object> order = order(type);
            if (order != null) {
                values.sort(shape == ChunkShape.SORTED ? order : order.reversed());
            }
        }
        return values;
    }

    /** The engine's order of non-null values of {@code type}, or null for types without one here. */
    static Comparator<Object> order(LogicalType type) {
        return switch (type.id()) {
            case BOOLEAN -> (a, b) -> Boolean.compare((Boolean) a, (Boolean) b);
            case SMALLINT, INTEGER, BIGINT, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, TIMETZ, PG_LSN -> (a, b) -> Long.compare((Long) a, (Long) b);
            case NUMERIC -> type.isScaledLong() ? (a, b) -> Long.compare((Long) a, (Long) b)
                : (a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b);
            case DOUBLE, REAL, ENUM -> (a, b) -> ValueComparison.compareDoubles((Double) a, (Double) b);
            case TEXT, VARCHAR, CHAR, UNKNOWN, JSON -> (a, b) -> Arrays.compareUnsigned(
                ((String) a).getBytes(StandardCharsets.UTF_8), ((String) b).getBytes(StandardCharsets.UTF_8));
            case BYTEA -> (a, b) -> Arrays.compareUnsigned(((ByteString) a).toByteArray(), ((ByteString) b).toByteArray());
            // stored as byte strings, but chunks keep no bounds for them (ChunkBounds)
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE, RANGE -> null;
            case UUID -> (a, b) -> ((Uuid) a).compareTo((Uuid) b);
            case INTERVAL -> (a, b) -> ((Interval) a).compareTo((Interval) b);
            case JSONB, JSONPATH, ARRAY, REGCLASS, REGTYPE, REGNAMESPACE, RECORD, TSVECTOR, TSQUERY -> null;
        };
    }

    static Object random(LogicalType type, Random random) {
        return switch (type.id()) {
            case BOOLEAN -> random.nextBoolean();
            case SMALLINT -> (long) (short) random.nextInt();
            case INTEGER -> (long) random.nextInt(random.nextBoolean() ? 1000 : Integer.MAX_VALUE);
            case DATE -> 8000L + random.nextInt(2500);
            case BIGINT, TIME, TIMESTAMP, TIMESTAMPTZ, TIMETZ, PG_LSN -> random.nextBoolean() ? random.nextLong() : random.nextInt(100000);
            case NUMERIC -> {
                if (type.isScaledLong()) {
                    yield (long) random.nextInt(10_000_000);
                }
                if (type.isScaledWide()) {
                    yield new BigDecimal(new BigInteger(96, random).subtract(BigInteger.ONE.shiftLeft(95)), 4);
                }
                yield new BigDecimal(new BigInteger(random.nextInt(200) + 1, random), random.nextInt(20) - 5);
            }
            case DOUBLE -> random.nextBoolean() ? Math.round(random.nextDouble() * 1e6) / 100.0 : random.nextGaussian() * 1e9;
            case REAL -> (double) (float) (random.nextBoolean() ? Math.round(random.nextDouble() * 1e4) / 100.0 : random.nextGaussian());
            case TEXT, VARCHAR, UNKNOWN, JSON, CHAR -> text(type, random);
            case ENUM -> (double) (random.nextInt(5) + 1);
            case BYTEA -> {
                byte[] bytes = new byte[random.nextInt(40)];
                random.nextBytes(bytes);
                yield ByteString.wrap(bytes);
            }
            case JSONPATH -> "$.\"k" + random.nextInt(100) + "\"";
            case TSVECTOR -> "'k" + random.nextInt(100) + "':" + (1 + random.nextInt(9));
            case TSQUERY -> "'k" + random.nextInt(100) + "' & 'j'";
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE, RANGE -> {
                byte[] bytes = new byte[16];
                random.nextBytes(bytes);
                yield ByteString.wrap(bytes);
            }
            case REGCLASS, REGTYPE, REGNAMESPACE -> WORDS[random.nextInt(WORDS.length)];
            case JSONB -> Jsonb.parse("{\"a\": " + random.nextInt(100) + ", \"b\": [\"" + WORDS[random.nextInt(WORDS.length)]
                .replace("\u0000", "") + "\"]}");
            case UUID -> Uuid.random(random);
            case INTERVAL -> new Interval(random.nextInt(500) - 250, random.nextInt(60), random.nextLong() % 100_000_000_000L);
            case ARRAY -> random.nextInt(4) == 0 ? ArrayValue.of(List.of())
                : ArrayValue.of(Arrays.asList((long) random.nextInt(100), null, (long) random.nextInt()));
            case RECORD -> io.basalt.type.RecordValue.of(Arrays.asList((long) random.nextInt(100), null));
        };
    }

    private static String text(LogicalType type, Random random) {
        if (type.id() == io.basalt.type.TypeId.CHAR) {
            return WORDS[random.nextInt(WORDS.length)].length() > 5 ? "abcde" : String.format("%-5s", WORDS[random.nextInt(WORDS.length)]);
        }
        if (random.nextInt(10) == 0) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(200);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(random.nextInt(3) == 0 ? 0x80 + random.nextInt(0x10000 - 0x80 - 0x800) : 'a' + random.nextInt(26));
            }
            String value = text.toString();
            // No lone surrogates: they do not survive UTF-8.
            return value.codePoints().anyMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF) ? "surrogate" : value;
        }
        return WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? "" : Integer.toString(random.nextInt(1000)));
    }

    /** Values at the edges of the type's domain. */
    static Object extreme(LogicalType type, Random random) {
        Object[] edges = switch (type.id()) {
            case BOOLEAN -> new Object[] {true, false};
            case SMALLINT -> new Object[] {(long) Short.MIN_VALUE, (long) Short.MAX_VALUE, 0L, -1L};
            case INTEGER, DATE -> new Object[] {(long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, 0L, -1L};
            case BIGINT, TIME, TIMESTAMP, TIMESTAMPTZ, TIMETZ, PG_LSN -> new Object[] {Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L};
            case NUMERIC -> type.isScaledLong() ? new Object[] {-999_999_999_999L, 999_999_999_999L, Long.MAX_VALUE, 0L}
                : type.isScaledWide() ? new Object[] {new BigDecimal(BigInteger.TEN.pow(30).subtract(BigInteger.ONE), 4),
                    new BigDecimal(BigInteger.TEN.pow(30).subtract(BigInteger.ONE).negate(), 4), new BigDecimal("0.0000")}
                : new Object[] {NumericSpecial.NAN, NumericSpecial.POSITIVE_INFINITY, NumericSpecial.NEGATIVE_INFINITY,
                    new BigDecimal("1.00"), new BigDecimal("1.0"), new BigDecimal("-1E+50")};
            case DOUBLE, REAL -> new Object[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0.1};
            case TEXT, VARCHAR, UNKNOWN, JSON -> new Object[] {"", "\u0000", "\uDBFF\uDFFF", "a".repeat(100),
                "\uDBFF\uDFFF".repeat(40), "ÿ".repeat(70)};
            case CHAR -> new Object[] {"     ", "zzzzz"};
            case BYTEA -> new Object[] {ByteString.EMPTY, ByteString.wrap(new byte[] {(byte) 0xff}),
                ByteString.wrap(filled(100, (byte) 0xff)), ByteString.wrap(filled(70, (byte) 0x7f)), ByteString.wrap(new byte[1])};
            case JSONPATH -> new Object[] {"$", "strict $.\"a\"[*]?(@ > 1)"};
            case TSVECTOR -> new Object[] {"", "'a':1 'b':2A"};
            case TSQUERY -> new Object[] {"", "'a' & !'b'"};
            case REGCLASS, REGTYPE, REGNAMESPACE -> new Object[] {"pg_class", "\"Quoted\""};
            case JSONB -> new Object[] {Jsonb.parse("null"), Jsonb.parse("[]"), Jsonb.parse("{\"k\": 1e300}")};
            case UUID -> new Object[] {new Uuid(0, 0), new Uuid(-1, -1), new Uuid(Long.MIN_VALUE, Long.MAX_VALUE)};
            case INTERVAL -> new Object[] {Interval.INFINITY, Interval.MINUS_INFINITY, Interval.ZERO,
                new Interval(0, 1, 0), new Interval(0, 0, Interval.MICROS_PER_DAY)};
            case ARRAY -> new Object[] {ArrayValue.of(List.of()), ArrayValue.of(Arrays.asList((Object) null))};
            case ENUM -> new Object[] {1.0, 1.5, 1e6};
            case RECORD -> new Object[] {io.basalt.type.RecordValue.of(Arrays.asList(null, null))};
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE, RANGE -> new Object[] {ByteString.wrap(new byte[1]),
                ByteString.wrap(filled(32, (byte) 0xff))};
        };
        return edges[random.nextInt(edges.length)];
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
