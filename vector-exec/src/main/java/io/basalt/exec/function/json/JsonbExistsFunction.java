package io.basalt.exec.function.json;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import io.basalt.type.json.JsonbReader;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * The existence operators of jsonb: {@code ?} (a key of the top-level object, a string element of the
 * top-level array, or the top-level string itself), {@code ?|} (any of the keys) and {@code ?&} (all of
 * them; NULL keys are ignored). Evaluated in place; constant keys are encoded once.
 */
public final class JsonbExistsFunction implements ScalarFunction {
    public enum Kind { ONE, ANY, ALL }

    private final Kind kind;
    private final byte[][] constantKeys;

    /** @param keys the constant operand (a String for ONE, an ArrayValue otherwise), or null if per row */
    public JsonbExistsFunction(Kind kind, Object keys) {
        this.kind = kind;
        this.constantKeys = keys == null ? null : keys(kind, keys);
    }

    public Kind kind() {
        return kind;
    }

    /** The constant keys (NULLs left out), or null when they are an argument. */
    public List<String> constantKeys() {
        if (constantKeys == null) {
            return null;
        }
        List<String> names = new ArrayList<>(constantKeys.length);
        for (byte[] key : constantKeys) {
            names.add(new String(key, StandardCharsets.UTF_8));
        }
        return names;
    }

    private static byte[][] keys(Kind kind, Object operand) {
        if (kind == Kind.ONE) {
            return new byte[][] {((String) operand).getBytes(StandardCharsets.UTF_8)};
        }
        List<byte[]> keys = new ArrayList<>();
        for (Object element : ((ArrayValue) operand).elements()) {
            if (element != null) {
                keys.add(((String) element).getBytes(StandardCharsets.UTF_8));
            }
        }
        return keys.toArray(new byte[0][]);
    }

    @Override
    public String name() {
        return switch (kind) {
            case ONE -> "?";
            case ANY -> "?|";
            case ALL -> "?&";
        };
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        BitVector out = (BitVector) context.newVector(resultType, rows);
        VarBinaryVector documents = (VarBinaryVector) arguments[0];
        MemorySegment data = JsonbVectors.data(documents);
        for (int i = 0; i < rows; i++) {
            if (documents.isNull(i)) {
                continue;
            }
            byte[][] keys = constantKeys;
            if (keys == null) {
                Object operand = ValueAccess.get(arguments[1], i);
                if (operand == null) {
                    continue;
                }
                keys = keys(kind, operand);
            }
            long start = JsonbVectors.start(documents, i);
            long end = JsonbVectors.end(documents, i);
            boolean result = kind == Kind.ALL;
            for (byte[] key : keys) {
                boolean has = has(data, start, end, key);
                if (kind == Kind.ALL ? !has : has) {
                    result = !result;
                    break;
                }
            }
            out.set(i, result ? 1 : 0);
        }
        return out;
    }

    static boolean has(MemorySegment s, long at, long end, byte[] key) {
        MemorySegment wanted = MemorySegment.ofArray(key);
        byte tag = JsonbReader.tag(s, at);
        if (tag == JsonbReader.OBJECT) {
            return JsonbReader.findKey(s, at, wanted, 0, key.length) >= 0;
        }
        if (tag == JsonbReader.ARRAY) {
            int n = JsonbReader.count(s, at);
            for (int k = 0; k < n; k++) {
                long elementStart = JsonbReader.elementStart(s, at, k);
                if (JsonbReader.tag(s, elementStart) == JsonbReader.STRING && JsonbReader.sameBytes(s, elementStart + 1,
                        JsonbReader.elementEnd(s, at, k), wanted, 0, key.length)) {
                    return true;
                }
            }
            return false;
        }
        return tag == JsonbReader.STRING && JsonbReader.sameBytes(s, at + 1, end, wanted, 0, key.length);
    }
}
