package io.basalt.exec.function.json;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * The extraction operators of jsonb: {@code ->} and {@code ->>} by key or index, {@code #>} and {@code #>>}
 * by path. The value is navigated in its binary form where it is stored and only the part found is copied
 * out (as jsonb, or as text for the {@code >>} forms), so {@code doc->>'k'} costs a binary search per row,
 * not a parse. When the key, index or path is a constant it is prepared once and the function takes the
 * document as its only argument; otherwise the second argument gives it per row.
 */
public final class JsonbExtractFunction implements ScalarFunction {
    /** What the second operand is. */
    public enum Kind { FIELD, ELEMENT, PATH }

    private final Kind kind;
    private final boolean asText;
    private final JsonbPathStep[] constantSteps;
    /** The constant operand (String key, Long index, ArrayValue path), or null when it is given per row. */
    private final Object constantOperand;

    private JsonbExtractFunction(Kind kind, boolean asText, JsonbPathStep[] constantSteps, Object constantOperand) {
        this.kind = kind;
        this.asText = asText;
        this.constantSteps = constantSteps;
        this.constantOperand = constantOperand;
    }

    /** The operator with its operand given per row as the second argument (text, integer or text[]). */
    public static JsonbExtractFunction dynamic(Kind kind, boolean asText) {
        return new JsonbExtractFunction(kind, asText, null, null);
    }

    /** The operator with a constant operand (a String key, a Long index or an ArrayValue path of strings). */
    public static JsonbExtractFunction constant(Kind kind, boolean asText, Object operand) {
        return new JsonbExtractFunction(kind, asText, steps(kind, operand), operand);
    }

    /** The steps an operand stands for; a null element makes a null step (the result is then NULL). */
    private static JsonbPathStep[] steps(Kind kind, Object operand) {
        return switch (kind) {
            case FIELD -> new JsonbPathStep[] {JsonbPathStep.field((String) operand)};
            case ELEMENT -> new JsonbPathStep[] {JsonbPathStep.element((Long) operand)};
            case PATH -> {
                ArrayValue path = (ArrayValue) operand;
                JsonbPathStep[] steps = new JsonbPathStep[path.length()];
                for (int i = 0; i < steps.length; i++) {
                    Object element = path.get(i);
                    steps[i] = element == null ? null : JsonbPathStep.pathElement((String) element);
                }
                yield steps;
            }
        };
    }

    /** Whether the result is text ({@code ->>}, {@code #>>}) rather than jsonb. */
    public boolean asText() {
        return asText;
    }

    /**
     * The object keys a constant key or path operand names ({@code ->'k'}, {@code #>'{a,b}'}), or null when the
     * operand is given per row, is an array index ({@code ->0}) or holds a NULL element. A path's elements are keys
     * to objects (and indexes to arrays: whoever reads by these keys must look at the containers).
     */
    public java.util.List<String> constantKeys() {
        if (constantOperand == null) {
            return null;
        }
        return switch (kind) {
            case FIELD -> java.util.List.of((String) constantOperand);
            case ELEMENT -> null;
            case PATH -> {
                ArrayValue path = (ArrayValue) constantOperand;
                java.util.List<String> keys = new java.util.ArrayList<>(path.length());
                for (int i = 0; i < path.length(); i++) {
                    if (!(path.get(i) instanceof String key)) {
                        yield null;
                    }
                    keys.add(key);
                }
                yield keys.isEmpty() ? null : keys;
            }
        };
    }

    /** What the second operand is. */
    public Kind kind() {
        return kind;
    }

    /** The constant operand (String key, Long index, ArrayValue path), or null when it is given per row. */
    public Object constantOperand() {
        return constantOperand;
    }

    /** Equal when they extract alike: an index over {@code doc->>'k'} matches a query's {@code doc->>'k'}. */
    @Override
    public boolean equals(Object other) {
        return other instanceof JsonbExtractFunction that && kind == that.kind && asText == that.asText
                && java.util.Objects.equals(constantOperand, that.constantOperand);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, asText, constantOperand);
    }

    @Override
    public String name() {
        return switch (kind) {
            case FIELD, ELEMENT -> asText ? "->>" : "->";
            case PATH -> asText ? "#>>" : "#>";
        };
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        VarBinaryVector documents = (VarBinaryVector) arguments[0];
        FieldVector operands = constantSteps == null ? arguments[1] : null;
        FieldVector out = context.newVector(resultType, rows);
        MemorySegment data = JsonbVectors.data(documents);
        JsonbNavigator navigator = new JsonbNavigator();
        byte[] scratch = new byte[256];
        for (int i = 0; i < rows; i++) {
            if (documents.isNull(i)) {
                continue;
            }
            JsonbPathStep[] steps = constantSteps;
            if (steps == null) {
                Object operand = ValueAccess.get(operands, i);
                if (operand == null) {
                    continue;
                }
                steps = steps(kind, operand);
            }
            long start = JsonbVectors.start(documents, i);
            long end = JsonbVectors.end(documents, i);
            if (!navigator.follow(data, start, end, steps, kind == Kind.ELEMENT)) {
                continue;
            }
            if (asText) {
                scratch = JsonbVectors.copyAsText((VarCharVector) out, i, data, navigator.foundStart,
                        navigator.foundEnd, scratch);
            } else {
                scratch = JsonbVectors.copy((VarBinaryVector) out, i, data, navigator.foundStart, navigator.foundEnd,
                        scratch);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name() + (constantSteps == null ? "" : " " + describe(constantSteps));
    }

    private static String describe(JsonbPathStep[] steps) {
        StringBuilder out = new StringBuilder();
        for (JsonbPathStep step : steps) {
            out.append(step == null ? "null" : step.key() != null ? new String(step.key(), StandardCharsets.UTF_8)
                    : Integer.toString(step.index())).append(' ');
        }
        return out.toString().trim();
    }
}
