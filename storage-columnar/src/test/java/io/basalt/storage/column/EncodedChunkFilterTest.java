package io.basalt.storage.column;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.storage.column.encoding.RowBits;
import io.basalt.storage.column.kernel.PlainDecodeKernels;
import io.basalt.storage.column.kernel.PlainSelectionKernels;
import io.basalt.storage.column.kernel.VectorDecodeKernels;
import io.basalt.storage.column.kernel.VectorSelectionKernels;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import io.basalt.type.TypeId;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * Predicates evaluated on encoded chunks against the same predicates evaluated value by value on the decoded rows:
 * every type the scan evaluates on encoded data, every {@link ChunkShape} (so every integer encoding: constant, frame
 * of reference, delta, runs, dictionary, plain; and every text encoding: constant, dictionary, plain, FSST-style),
 * every predicate kind (=, <, <=, >, >=, BETWEEN, short and long IN lists, IS [NOT] NULL, prefixes, conjunctions),
 * with and without NULLs, through the plain and the vector kernels. A selection must equal the rows that satisfy the
 * predicates; "every row may" (null) is allowed only where every row does; FSST-style text chunks, whose values are
 * not evaluated, must give a superset.
 */
class EncodedChunkFilterTest {
    private static final EncodedChunkFilter[] FILTERS = {
        new EncodedChunkFilter(new PlainDecodeKernels(), new PlainSelectionKernels()),
        new EncodedChunkFilter(new VectorDecodeKernels(), new VectorSelectionKernels())};
    private static final List<LogicalType> TYPES = List.of(LogicalType.SMALLINT, LogicalType.INTEGER,
            LogicalType.BIGINT, LogicalType.DATE, LogicalType.TIMESTAMP, LogicalType.TIMESTAMPTZ,
            LogicalType.numeric(12, 2), LogicalType.TEXT, LogicalType.varchar(20));

    @Test
    void selectionsEqualTheRowsSatisfyingThePredicates() {
        Set<String> integerEncodings = new TreeSet<>();
        Set<String> textEncodings = new TreeSet<>();
        int evaluated = 0;
        int decodedEvaluated = 0;
        try (BufferAllocator allocator = new RootAllocator()) {
            for (LogicalType type : TYPES) {
                boolean text = type.id() == TypeId.TEXT || type.id() == TypeId.VARCHAR;
                for (ChunkShape shape : ChunkShape.values()) {
                    Random random = new Random(type.toString().hashCode() * 31L + shape.ordinal());
                    for (int count : new int[] {1, 65, 2500, 5000}) {
                        List<Object> values = text && shape == ChunkShape.RANDOM ? distinctTexts(count, random)
                                : ColumnValues.generate(type, shape, count, random);
                        AdaptiveChunkCodec.DescribedChunk chunk = encode(type, values, allocator);
                        String encoding = encodingOf(chunk.description());
                        (text ? textEncodings : integerEncodings).add(encoding);
                        MemorySegment bytes = MemorySegment.ofArray(chunk.chunk().bytes());
                        for (int trial = 0; trial < 40; trial++) {
                            List<ScanPredicate> predicates = predicates(type, values, random, trial);
                            boolean[] expected = satisfying(type, values, predicates);
                            for (EncodedChunkFilter filter : FILTERS) {
                                long[] selected = filter.select(bytes, type, predicates);
                                String context = type + " " + shape + " " + values.size() + " rows, " + chunk.description()
                                        + ", " + predicates;
                                if (selected == null) {
                                    // every row may: exact unless the chunk is one not evaluated (FSST-style)
                                    if (!encoding.equals("fsst")) {
                                        assertThat(rows(expected)).as(context).hasSize(values.size());
                                    }
                                    continue;
                                }
                                if (encoding.equals("fsst")) {
                                    // values not evaluated: only NULLs may be ruled out
                                    assertThat(rows(selected, values.size())).as(context)
                                            .containsAll(rows(expected));
                                    continue;
                                }
                                evaluated++;
                                assertThat(rows(selected, values.size())).as(context)
                                        .isEqualTo(rows(expected));
                            }
                            if (!text) {
                                decodedEvaluated += checkDecoded(bytes, type, predicates, expected, allocator);
                            }
                        }
                    }
                }
            }
        }
        assertThat(integerEncodings).contains("constant", "for", "delta", "rle", "dict", "plain");
        assertThat(textEncodings).contains("constant", "dict", "plain", "fsst");
        assertThat(evaluated).isGreaterThan(10_000);
        assertThat(decodedEvaluated).isGreaterThan(5_000);
    }

    private static final DecodedChunkFilter[] DECODED_FILTERS = {
        new DecodedChunkFilter(new PlainSelectionKernels()), new DecodedChunkFilter(new VectorSelectionKernels())};

    /**
     * The same predicates on the decoded chunk ({@link DecodedChunkFilter}, both kernels) select exactly the
     * satisfying rows; NUMERIC constants are also given as longs at the column's scale where they are exact there
     * (as the planner pushes them). Returns the number of selections checked.
     */
    private static int checkDecoded(MemorySegment bytes, LogicalType type, List<ScanPredicate> predicates,
                                    boolean[] expected, BufferAllocator allocator) {
        int checked = 0;
        try (FieldVector decoded = AdaptiveChunkCodec.INSTANCE.decode(bytes, type.arrowField("c"), allocator)) {
            List<List<ScanPredicate>> forms = new ArrayList<>();
            forms.add(predicates);
            List<ScanPredicate> scaled = type.isScaledLong() ? atColumnScale(predicates, type.scale()) : null;
            if (scaled != null) {
                forms.add(scaled);
            }
            for (List<ScanPredicate> form : forms) {
                for (DecodedChunkFilter filter : DECODED_FILTERS) {
                    long[] selected = filter.select(decoded, type, form);
                    String context = "decoded " + type + " " + decoded.getValueCount() + " rows, " + form;
                    if (selected == null) {
                        assertThat(rows(expected)).as(context).hasSize(decoded.getValueCount());
                    } else {
                        assertThat(rows(selected, decoded.getValueCount())).as(context).isEqualTo(rows(expected));
                    }
                    checked++;
                }
            }
        }
        return checked;
    }

    /** The predicates with their BigDecimal constants as longs at {@code scale}; null when one is not exact there. */
    private static List<ScanPredicate> atColumnScale(List<ScanPredicate> predicates, int scale) {
        List<ScanPredicate> out = new ArrayList<>();
        for (ScanPredicate predicate : predicates) {
            switch (predicate) {
                case ScanPredicate.Compare compare -> {
                    Long value = scaledLong(compare.value(), scale);
                    if (value == null) {
                        return null;
                    }
                    out.add(new ScanPredicate.Compare(compare.column(), compare.operator(), value));
                }
                case ScanPredicate.InList in -> {
                    List<Object> values = new ArrayList<>();
                    for (Object constant : in.values()) {
                        Long value = scaledLong(constant, scale);
                        if (value == null) {
                            return null;
                        }
                        values.add(value);
                    }
                    out.add(new ScanPredicate.InList(in.column(), values));
                }
                default -> out.add(predicate);
            }
        }
        return out;
    }

    private static Long scaledLong(Object constant, int scale) {
        BigDecimal decimal = (BigDecimal) constant;
        try {
            long value = decimal.setScale(scale).unscaledValue().longValueExact();
            return value == NumericSpecial.SCALED_LONG_NAN ? null : value;  // that long is NaN, not this number
        } catch (ArithmeticException inexact) {
            return null;
        }
    }

    /**
     * Distinct values, so that no dictionary pays: short ones (plain) for small chunks, sentences of a few words
     * (FSST-style symbols) for large ones, a NULL now and then.
     */
    private static List<Object> distinctTexts(int count, Random random) {
        String[] words = {"furiously", "regular", "deposits", "sleep", "carefully", "ironic", "packages", "x-ray"};
        List<Object> values = new ArrayList<>(count);
        for (int row = 0; row < count; row++) {
            if (random.nextInt(10) == 0) {
                values.add(null);
            } else if (count < 100) {
                values.add("w" + row);
            } else {
                values.add(words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)] + " " + row);
            }
        }
        return values;
    }

    private static AdaptiveChunkCodec.DescribedChunk encode(LogicalType type, List<Object> values,
                                                            BufferAllocator allocator) {
        try (FieldVector vector = ValueAccess.allocate(type, "c", allocator, values.size())) {
            for (int row = 0; row < values.size(); row++) {
                ValueAccess.set(vector, row, values.get(row));
            }
            vector.setValueCount(values.size());
            return AdaptiveChunkCodec.INSTANCE.encodeDescribed(vector, 0, values.size());
        }
    }

    /** The outermost encoding of a chunk's description ("for w12" -> "for", "dict 3(...)" -> "dict"). */
    private static String encodingOf(String description) {
        String first = description.split("[ (]")[0];
        return first.isEmpty() ? description : first;
    }

    /** A conjunction of one to three predicates of the kind {@code trial} picks, constants from the data or not. */
    private static List<ScanPredicate> predicates(LogicalType type, List<Object> values, Random random, int trial) {
        Object a = constant(type, values, random);
        Object b = constant(type, values, random);
        boolean text = type.id() == TypeId.TEXT || type.id() == TypeId.VARCHAR;
        return switch (trial % 13) {
            case 0 -> List.of(new ScanPredicate.Compare(0, CompareOp.EQ, a));
            case 1 -> List.of(new ScanPredicate.Compare(0, CompareOp.LT, a));
            case 2 -> List.of(new ScanPredicate.Compare(0, CompareOp.LE, a));
            case 3 -> List.of(new ScanPredicate.Compare(0, CompareOp.GT, a));
            case 4 -> List.of(new ScanPredicate.Compare(0, CompareOp.GE, a));
            case 5 -> List.of(new ScanPredicate.Compare(0, CompareOp.GE, a), new ScanPredicate.Compare(0, CompareOp.LE, b));
            case 6 -> List.of(new ScanPredicate.InList(0, List.of(a, b, constant(type, values, random))));
            case 7 -> {
                List<Object> many = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    many.add(constant(type, values, random));
                }
                yield List.of(new ScanPredicate.InList(0, many));
            }
            case 8 -> List.of(new ScanPredicate.IsNull(0, false));
            case 9 -> List.of(new ScanPredicate.IsNull(0, true));
            case 10 -> List.of(new ScanPredicate.IsNull(0, true), new ScanPredicate.Compare(0, CompareOp.GT, a));
            case 11 -> text ? List.of(new ScanPredicate.Prefix(0, prefixOf((String) a, random)))
                    : List.of(new ScanPredicate.Compare(0, CompareOp.LE, a), new ScanPredicate.IsNull(0, false));
            default -> text ? List.of(new ScanPredicate.Prefix(0, prefixOf((String) a, random)),
                    new ScanPredicate.Compare(0, CompareOp.LT, b))
                    : List.of(new ScanPredicate.InList(0, List.of(a, b)), new ScanPredicate.Compare(0, CompareOp.GT, a));
        };
    }

    private static byte[] prefixOf(String value, Random random) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, Math.min(bytes.length, random.nextInt(4)));
    }

    /** A constant for a predicate on the column: mostly one of its values, else a random one. */
    private static Object constant(LogicalType type, List<Object> values, Random random) {
        Object value = null;
        if (!values.isEmpty() && random.nextInt(4) != 0) {
            value = values.get(random.nextInt(values.size()));
        }
        if (value == null) {
            value = random.nextInt(8) == 0 ? ColumnValues.extreme(type, random) : ColumnValues.random(type, random);
        }
        if (type.isScaledLong()) {
            if ((Long) value == NumericSpecial.SCALED_LONG_NAN) {
                value = 0L;
            }
            BigDecimal decimal = BigDecimal.valueOf((Long) value, type.scale());
            // now and then a constant between two stored values (more fraction digits than the column has)
            return random.nextInt(5) == 0 ? decimal.add(new BigDecimal("0.005")) : decimal;
        }
        return value;
    }

    /** The rows satisfying every predicate, evaluated value by value as SQL does (NULL satisfies only IS NULL). */
    private static boolean[] satisfying(LogicalType type, List<Object> values, List<ScanPredicate> predicates) {
        boolean[] out = new boolean[values.size()];
        for (int row = 0; row < values.size(); row++) {
            Object value = values.get(row);
            boolean all = true;
            for (ScanPredicate predicate : predicates) {
                all &= switch (predicate) {
                    case ScanPredicate.IsNull isNull -> (value == null) != isNull.negated();
                    case ScanPredicate.Compare compare -> value != null
                            && holds(compare.operator(), compare(type, value, compare.value()));
                    case ScanPredicate.InList in -> value != null && in.values().stream()
                            .anyMatch(constant -> compare(type, value, constant) == 0);
                    case ScanPredicate.Prefix prefix -> value != null && startsWith(
                            ((String) value).getBytes(StandardCharsets.UTF_8), prefix.prefix());
                    case ScanPredicate.JsonbMatch match -> true; // never on the encoded types tested here
                    case ScanPredicate.IndexKey key -> true; // never on a stored column
                    case ScanPredicate.TextSearchKey key -> true;
                };
            }
            out[row] = all;
        }
        return out;
    }

    private static boolean holds(CompareOp operator, int order) {
        return switch (operator) {
            case EQ -> order == 0;
            case NE -> order != 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
        };
    }

    private static int compare(LogicalType type, Object value, Object constant) {
        if (type.isScaledLong()) {
            // the largest long is NaN, above every number
            return (Long) value == NumericSpecial.SCALED_LONG_NAN ? 1
                    : BigDecimal.valueOf((Long) value, type.scale()).compareTo((BigDecimal) constant);
        }
        if (value instanceof String text) {
            return Integer.signum(Arrays.compareUnsigned(text.getBytes(StandardCharsets.UTF_8),
                    ((String) constant).getBytes(StandardCharsets.UTF_8)));
        }
        return Long.compare((Long) value, (Long) constant);
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static List<Integer> rows(long[] bits, int count) {
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < count; row++) {
            if (RowBits.get(bits, row)) {
                rows.add(row);
            }
        }
        // no bit past the last row
        for (int row = count; row < bits.length * 64; row++) {
            assertThat(RowBits.get(bits, row)).as("bit %d past %d rows", row, count).isFalse();
        }
        return rows;
    }

    private static List<Integer> rows(boolean[] flags) {
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < flags.length; row++) {
            if (flags[row]) {
                rows.add(row);
            }
        }
        return rows;
    }
}
