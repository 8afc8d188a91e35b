package io.basalt.exec.function.json;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.type.json.JsonText;
import io.basalt.type.json.JsonbDecoder;
import io.basalt.type.json.JsonbReader;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Reading and writing JSONB values in Arrow vectors without going through Java objects: a stored value is
 * the byte range {@code [start(i), end(i))} of the vector's data buffer viewed as a segment, and results are
 * written by copying byte ranges (a member of a JSONB value is itself a complete JSONB value, since its
 * container's offsets are relative).
 */
final class JsonbVectors {
    private JsonbVectors() {
    }

    /** The data buffer of a variable-width vector as a segment (valid while the batch is). */
    static MemorySegment data(BaseVariableWidthVector vector) {
        return ArrowSegments.of(vector.getDataBuffer());
    }

    static long start(BaseVariableWidthVector vector, int row) {
        return vector.getOffsetBuffer().getInt((long) row * 4);
    }

    static long end(BaseVariableWidthVector vector, int row) {
        return vector.getOffsetBuffer().getInt((long) (row + 1) * 4);
    }

    /** A scratch array of at least {@code size} bytes, reusing {@code scratch} when it is large enough. */
    static byte[] grow(byte[] scratch, long size) {
        return scratch.length >= size ? scratch : new byte[(int) Math.max(size, scratch.length * 2L)];
    }

    /** Stores bytes {@code [from, to)} of {@code s} as row {@code row} of {@code out}; returns the scratch used. */
    static byte[] copy(BaseVariableWidthVector out, int row, MemorySegment s, long from, long to, byte[] scratch) {
        int length = (int) (to - from);
        byte[] buffer = grow(scratch, length);
        MemorySegment.copy(s, ValueLayout.JAVA_BYTE, from, buffer, 0, length);
        out.setSafe(row, buffer, 0, length);
        return buffer;
    }

    /**
     * Stores the text form of the value {@code [at, end)} as ->> gives it (a string unquoted, a container
     * as jsonb text, JSON null as SQL NULL); returns the scratch used.
     */
    static byte[] copyAsText(VarCharVector out, int row, MemorySegment s, long at, long end, byte[] scratch) {
        byte tag = JsonbReader.tag(s, at);
        switch (tag) {
            case JsonbReader.NULL -> out.setNull(row);
            case JsonbReader.STRING -> {
                return copy(out, row, s, at + 1, end, scratch);
            }
            case JsonbReader.TRUE -> out.setSafe(row, TRUE_TEXT);
            case JsonbReader.FALSE -> out.setSafe(row, FALSE_TEXT);
            case JsonbReader.NUMBER -> out.setSafe(row, JsonText.formatNumber(JsonbReader.number(s, at, end))
                    .getBytes(StandardCharsets.UTF_8));
            default -> out.setSafe(row, JsonText.format(JsonbDecoder.decode(s, at, end)).getBytes(StandardCharsets.UTF_8));
        }
        return scratch;
    }

    private static final byte[] TRUE_TEXT = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE_TEXT = "false".getBytes(StandardCharsets.US_ASCII);

    /** Whether {@code vector} is a VarBinary vector (jsonb) rather than text. */
    static boolean isBinary(Object vector) {
        return vector instanceof VarBinaryVector;
    }

    static ArrowBuf offsets(BaseVariableWidthVector vector) {
        return vector.getOffsetBuffer();
    }
}
