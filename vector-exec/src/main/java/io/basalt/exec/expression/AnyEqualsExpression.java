package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code operand IN (c1, c2, ...)} over non-NULL constants, which the binder spells {@code operand = c1 OR
 * operand = c2 OR ...}: the operand is evaluated once per batch instead of once per constant (TPC-H Q22's
 * {@code substring(c_phone FROM 1 FOR 2) IN ('13', '31', ...)}). True when the operand equals a constant,
 * false when it equals none, NULL when it is NULL, as the OR of the equalities gives. Text is compared by its
 * bytes, as equality of VARCHAR and TEXT is; other types by {@link ValueComparison}, as
 * {@link ComparisonExpression} compares them.
 *
 * <p>{@code substring(t FROM 1 FOR n) IN (...)} with constants of exactly n ASCII characters each is a test of the
 * first n bytes of {@code t}, made on its bytes without making the substrings: a value matches a constant exactly
 * when its first n bytes are the constant's (then they are its first n characters too), and a value of fewer bytes
 * or with another character among them matches none.
 */
public record AnyEqualsExpression(PhysicalExpression operand, List<ConstantExpression> constants,
                                  String text) implements PhysicalExpression {
    public AnyEqualsExpression {
        requireNonNull(operand, "operand is null");
        constants = List.copyOf(constants);
        requireNonNull(text, "text is null");
    }

    @Override
    public LogicalType type() {
        return LogicalType.BOOLEAN;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvaluationContext context) {
        int rows = batch.rowCount();
        int prefix = asciiPrefixLength();
        if (prefix > 0) {
            FieldVector whole = substringSource().evaluate(batch, context);
            if (whole instanceof VarCharVector strings) {
                BitVector out = (BitVector) context.newVector(LogicalType.BOOLEAN, rows);
                prefixes(strings, prefix, out, rows);
                out.setValueCount(rows);
                return out;
            }
        }
        FieldVector values = operand.evaluate(batch, context);
        BitVector out = (BitVector) context.newVector(LogicalType.BOOLEAN, rows);
        TypeId id = operand.type().id();
        if (values instanceof VarCharVector strings && (id == TypeId.TEXT || id == TypeId.VARCHAR)
                && allStrings()) {
            strings(strings, out, rows);
        } else {
            Batch one = new Batch(List.of(), 1);
            FieldVector[] wanted = new FieldVector[constants.size()];
            for (int c = 0; c < wanted.length; c++) {
                wanted[c] = constants.get(c).evaluate(one, context);
            }
            for (int i = 0; i < rows; i++) {
                if (values.isNull(i)) {
                    continue;
                }
                int found = 0;
                for (int c = 0; c < wanted.length && found == 0; c++) {
                    found = ValueComparison.compare(values, i, wanted[c], 0) == 0 ? 1 : 0;
                }
                out.set(i, found);
            }
        }
        out.setValueCount(rows);
        return out;
    }

    /**
     * n when the operand is {@code substring(t FROM 1 FOR n)} of a text or varchar value {@code t} (n a constant
     * above 0) and every constant is a string of n ASCII characters; else 0.
     */
    private int asciiPrefixLength() {
        if (!(operand instanceof FunctionExpression function) || !function.function().name().equals("substring")
                || function.arguments().size() != 3 || !isText(function.arguments().getFirst().type())
                || !(function.arguments().get(1) instanceof ConstantExpression start)
                || !(function.arguments().get(2) instanceof ConstantExpression count)
                || !(start.value() instanceof Integer || start.value() instanceof Long)
                || !(count.value() instanceof Integer || count.value() instanceof Long)
                || ((Number) start.value()).longValue() != 1) {
            return 0;
        }
        long length = ((Number) count.value()).longValue();
        if (length <= 0 || length > 64) {
            return 0;
        }
        for (ConstantExpression constant : constants) {
            if (!(constant.value() instanceof String text) || text.length() != length
                    || !text.chars().allMatch(c -> c < 0x80)) {
                return 0;
            }
        }
        return (int) length;
    }

    /**
     * The text the substring is taken of, without casts from text or varchar to text or varchar without a length
     * (which leave the bytes as they are; a cast from char drops trailing blanks, one to varchar(n) may cut).
     */
    private PhysicalExpression substringSource() {
        PhysicalExpression text = ((FunctionExpression) operand).arguments().getFirst();
        while (text instanceof CastExpression cast && isText(cast.operand().type()) && isText(cast.type())
                && (cast.type().id() == TypeId.TEXT || cast.type().precision() < 0)) {
            text = cast.operand();
        }
        return text;
    }

    private static boolean isText(LogicalType type) {
        return type.id() == TypeId.TEXT || type.id() == TypeId.VARCHAR;
    }

    private void prefixes(VarCharVector strings, int prefix, BitVector out, int rows) {
        matchAny(strings, StandardCharsets.US_ASCII, prefix, out, rows);
    }

    private boolean allStrings() {
        for (ConstantExpression constant : constants) {
            if (!(constant.value() instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private void strings(VarCharVector strings, BitVector out, int rows) {
        matchAny(strings, StandardCharsets.UTF_8, -1, out, rows);
    }

    /**
     * Sets {@code out}'s bit for each non-NULL row of {@code strings} that equals one of the constants (encoded in
     * {@code charset}) when {@code prefix} is negative, or whose first {@code prefix} bytes equal one's otherwise.
     */
    private void matchAny(VarCharVector strings, java.nio.charset.Charset charset, int prefix, BitVector out,
                          int rows) {
        byte[][] wanted = new byte[constants.size()][];
        for (int c = 0; c < wanted.length; c++) {
            wanted[c] = ((String) constants.get(c).value()).getBytes(charset);
        }
        ArrowBuf offsets = strings.getOffsetBuffer();
        ArrowBuf data = strings.getDataBuffer();
        boolean nulls = strings.getNullCount() > 0;
        for (int i = 0; i < rows; i++) {
            if (nulls && strings.isNull(i)) {
                continue;
            }
            int start = offsets.getInt((long) i * 4);
            int length = offsets.getInt((long) (i + 1) * 4) - start;
            int found = 0;
            for (int c = 0; c < wanted.length && found == 0; c++) {
                byte[] bytes = wanted[c];
                int compared = prefix < 0 ? bytes.length : prefix;
                if (prefix < 0 ? length == compared : length >= compared) {
                    int b = 0;
                    while (b < compared && data.getByte(start + b) == bytes[b]) {
                        b++;
                    }
                    found = b == compared ? 1 : 0;
                }
            }
            out.set(i, found);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
