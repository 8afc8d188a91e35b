package io.basalt.type.json;

import java.lang.foreign.MemorySegment;

/**
 * The {@code @>} relation of JSONB (PostgreSQL's JsonbDeepContains), evaluated on binary values in place: an
 * object contains an object whose every key it has with a containing value; an array contains an array whose
 * every scalar element it has and whose every container element some container element of it contains (order
 * and repetition ignored); a scalar contains only an equal scalar. At the top level an array contains a bare
 * scalar it has as an element, but a bare scalar contains no array.
 */
public final class JsonbContainment {
    private JsonbContainment() {
    }

    /** Whether {@code [aAt, aEnd)} of {@code a} contains {@code [bAt, bEnd)} of {@code b}. */
    public static boolean contains(MemorySegment a, long aAt, long aEnd, MemorySegment b, long bAt, long bEnd) {
        byte aTag = JsonbReader.tag(a, aAt);
        byte bTag = JsonbReader.tag(b, bAt);
        if ((aTag == JsonbReader.OBJECT) != (bTag == JsonbReader.OBJECT)) {
            return false;
        }
        boolean aScalar = !JsonbReader.isContainer(aTag);
        boolean bScalar = !JsonbReader.isContainer(bTag);
        if (aScalar) {
            return bScalar && scalarEquals(a, aAt, aEnd, b, bAt, bEnd);
        }
        if (bScalar) {
            return hasScalarElement(a, aAt, b, bAt, bEnd);
        }
        return deepContains(a, aAt, aEnd, b, bAt, bEnd);
    }

    private static boolean deepContains(MemorySegment a, long aAt, long aEnd, MemorySegment b, long bAt, long bEnd) {
        byte aTag = JsonbReader.tag(a, aAt);
        byte bTag = JsonbReader.tag(b, bAt);
        if (aTag != bTag) {
            return false;
        }
        int m = JsonbReader.count(b, bAt);
        if (aTag == JsonbReader.OBJECT) {
            if (JsonbReader.count(a, aAt) < m) {
                return false;
            }
            for (int i = 0; i < m; i++) {
                int found = JsonbReader.findKey(a, aAt, b, JsonbReader.keyStart(b, bAt, i), JsonbReader.keyEnd(b, bAt, i));
                if (found < 0) {
                    return false;
                }
                long valueAt = JsonbReader.valueStart(a, aAt, found);
                long valueEnd = JsonbReader.valueEnd(a, aAt, found);
                long wantedAt = JsonbReader.valueStart(b, bAt, i);
                long wantedEnd = JsonbReader.valueEnd(b, bAt, i);
                byte valueTag = JsonbReader.tag(a, valueAt);
                byte wantedTag = JsonbReader.tag(b, wantedAt);
                if (JsonbReader.isContainer(valueTag) && JsonbReader.isContainer(wantedTag)) {
                    if (!deepContains(a, valueAt, valueEnd, b, wantedAt, wantedEnd)) {
                        return false;
                    }
                } else if (!scalarEquals(a, valueAt, valueEnd, b, wantedAt, wantedEnd)) {
                    return false;
                }
            }
            return true;
        }
        int n = JsonbReader.count(a, aAt);
        for (int i = 0; i < m; i++) {
            long wantedAt = JsonbReader.elementStart(b, bAt, i);
            long wantedEnd = JsonbReader.elementEnd(b, bAt, i);
            if (!JsonbReader.isContainer(JsonbReader.tag(b, wantedAt))) {
                if (!hasScalarElement(a, aAt, b, wantedAt, wantedEnd)) {
                    return false;
                }
                continue;
            }
            boolean found = false;
            for (int k = 0; k < n && !found; k++) {
                long elementAt = JsonbReader.elementStart(a, aAt, k);
                if (JsonbReader.isContainer(JsonbReader.tag(a, elementAt))) {
                    found = deepContains(a, elementAt, JsonbReader.elementEnd(a, aAt, k), b, wantedAt, wantedEnd);
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Whether the array at {@code aAt} has a scalar element equal to the scalar {@code [bAt, bEnd)}. */
    static boolean hasScalarElement(MemorySegment a, long aAt, MemorySegment b, long bAt, long bEnd) {
        int n = JsonbReader.count(a, aAt);
        for (int k = 0; k < n; k++) {
            if (scalarEquals(a, JsonbReader.elementStart(a, aAt, k), JsonbReader.elementEnd(a, aAt, k), b, bAt, bEnd)) {
                return true;
            }
        }
        return false;
    }

    /** Equality of two values of which at least one is a scalar (a scalar never equals a container). */
    static boolean scalarEquals(MemorySegment a, long aAt, long aEnd, MemorySegment b, long bAt, long bEnd) {
        byte aTag = JsonbReader.tag(a, aAt);
        byte bTag = JsonbReader.tag(b, bAt);
        if (aTag != bTag || JsonbReader.isContainer(aTag)) {
            return false;
        }
        if (aTag == JsonbReader.NUMBER) {
            return JsonbComparison.compareNumbers(a, aAt, aEnd, b, bAt, bEnd) == 0;
        }
        return JsonbReader.sameBytes(a, aAt, aEnd, b, bAt, bEnd);
    }
}
