package io.basalt.type.json;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * PostgreSQL's btree order, equality and hashing of JSONB values, computed on the binary form in place.
 *
 * <p>The order (compareJsonbContainers): containers compare by their number of elements or pairs first, then
 * member by member (an object's keys and values alternating, keys in storage order, compared as text); values
 * of different kinds order null &lt; string &lt; number &lt; boolean &lt; array &lt; object. A top-level
 * scalar counts as an array of one element that sorts before a real array of one element, so {@code []} sorts
 * before {@code null} and {@code 1} after {@code []}. Numbers compare by value ({@code 1.0 = 1}), strings by
 * bytes (the C collation). Hashes agree with equality: numbers hash by their normalized value.
 */
public final class JsonbComparison {
    private JsonbComparison() {
    }

    /** Three-way comparison of the whole values {@code [aAt, aEnd)} and {@code [bAt, bEnd)}. */
    public static int compare(MemorySegment a, long aAt, long aEnd, MemorySegment b, long bAt, long bEnd) {
        byte aTag = JsonbReader.tag(a, aAt);
        byte bTag = JsonbReader.tag(b, bAt);
        boolean aScalar = !JsonbReader.isContainer(aTag);
        boolean bScalar = !JsonbReader.isContainer(bTag);
        if (aScalar != bScalar) {
            // a raw scalar is a one-element pseudo array: it meets objects by kind, arrays by element count
            byte other = aScalar ? bTag : aTag;
            int sign = aScalar ? 1 : -1;
            if (other == JsonbReader.OBJECT) {
                return -sign;
            }
            int count = aScalar ? JsonbReader.count(b, bAt) : JsonbReader.count(a, aAt);
            return count == 1 ? -sign : sign * Integer.compare(1, count);
        }
        return compareValues(a, aAt, aEnd, b, bAt, bEnd);
    }

    private static int rank(byte tag) {
        return switch (tag) {
            case JsonbReader.NULL -> 0;
            case JsonbReader.STRING -> 1;
            case JsonbReader.NUMBER -> 2;
            case JsonbReader.FALSE, JsonbReader.TRUE -> 3;
            case JsonbReader.ARRAY -> 4;
            default -> 5;
        };
    }

    private static int compareValues(MemorySegment a, long aAt, long aEnd, MemorySegment b, long bAt, long bEnd) {
        byte aTag = JsonbReader.tag(a, aAt);
        byte bTag = JsonbReader.tag(b, bAt);
        int aRank = rank(aTag);
        int bRank = rank(bTag);
        if (aRank != bRank) {
            return Integer.compare(aRank, bRank);
        }
        switch (aTag) {
            case JsonbReader.NULL -> {
                return 0;
            }
            case JsonbReader.FALSE, JsonbReader.TRUE -> {
                return Integer.compare(aTag, bTag);
            }
            case JsonbReader.STRING -> {
                return compareBytes(a, aAt + 1, aEnd, b, bAt + 1, bEnd);
            }
            case JsonbReader.NUMBER -> {
                return compareNumbers(a, aAt, aEnd, b, bAt, bEnd);
            }
            case JsonbReader.ARRAY -> {
                int n = JsonbReader.count(a, aAt);
                int m = JsonbReader.count(b, bAt);
                if (n != m) {
                    return Integer.compare(n, m);
                }
                for (int i = 0; i < n; i++) {
                    int order = compareValues(a, JsonbReader.elementStart(a, aAt, i), JsonbReader.elementEnd(a, aAt, i),
                            b, JsonbReader.elementStart(b, bAt, i), JsonbReader.elementEnd(b, bAt, i));
                    if (order != 0) {
                        return order;
                    }
                }
                return 0;
            }
            default -> {
                int n = JsonbReader.count(a, aAt);
                int m = JsonbReader.count(b, bAt);
                if (n != m) {
                    return Integer.compare(n, m);
                }
                for (int i = 0; i < n; i++) {
                    int order = compareBytes(a, JsonbReader.keyStart(a, aAt, i), JsonbReader.keyEnd(a, aAt, i),
                            b, JsonbReader.keyStart(b, bAt, i), JsonbReader.keyEnd(b, bAt, i));
                    if (order != 0) {
                        return order;
                    }
                    order = compareValues(a, JsonbReader.valueStart(a, aAt, i), JsonbReader.valueEnd(a, aAt, i),
                            b, JsonbReader.valueStart(b, bAt, i), JsonbReader.valueEnd(b, bAt, i));
                    if (order != 0) {
                        return order;
                    }
                }
                return 0;
            }
        }
    }

    /** Numbers by value; equal encodings (same scale and digits) need no decoding. */
    static int compareNumbers(MemorySegment a, long aAt, long aEnd, MemorySegment b, long bAt, long bEnd) {
        if (JsonbReader.sameBytes(a, aAt, aEnd, b, bAt, bEnd)) {
            return 0;
        }
        return JsonbReader.number(a, aAt, aEnd).compareTo(JsonbReader.number(b, bAt, bEnd));
    }

    /** Unsigned bytewise order, a prefix first. */
    static int compareBytes(MemorySegment a, long aFrom, long aTo, MemorySegment b, long bFrom, long bTo) {
        long mismatch = MemorySegment.mismatch(a, aFrom, aTo, b, bFrom, bTo);
        if (mismatch < 0) {
            return 0;
        }
        long aLength = aTo - aFrom;
        long bLength = bTo - bFrom;
        if (mismatch == aLength || mismatch == bLength) {
            return Long.compare(aLength, bLength);
        }
        return Integer.compare(a.get(ValueLayout.JAVA_BYTE, aFrom + mismatch) & 0xff,
                b.get(ValueLayout.JAVA_BYTE, bFrom + mismatch) & 0xff);
    }

    /** A hash that equal values share (numbers by normalized value). */
    public static long hash(MemorySegment s, long at, long end) {
        byte tag = JsonbReader.tag(s, at);
        long h = tag * 0x9E3779B97F4A7C15L;
        switch (tag) {
            case JsonbReader.NUMBER -> {
                java.math.BigDecimal value = JsonbReader.number(s, at, end);
                h ^= value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
            }
            case JsonbReader.STRING -> h ^= bytesHash(s, at + 1, end);
            case JsonbReader.ARRAY -> {
                int n = JsonbReader.count(s, at);
                for (int i = 0; i < n; i++) {
                    h = h * 31 + hash(s, JsonbReader.elementStart(s, at, i), JsonbReader.elementEnd(s, at, i));
                }
            }
            case JsonbReader.OBJECT -> {
                int n = JsonbReader.count(s, at);
                for (int i = 0; i < n; i++) {
                    h = h * 31 + bytesHash(s, JsonbReader.keyStart(s, at, i), JsonbReader.keyEnd(s, at, i));
                    h = h * 31 + hash(s, JsonbReader.valueStart(s, at, i), JsonbReader.valueEnd(s, at, i));
                }
            }
            default -> {
            }
        }
        return h;
    }

    private static long bytesHash(MemorySegment s, long from, long to) {
        long h = 1125899906842597L;
        for (long k = from; k < to; k++) {
            h = 31 * h + s.get(ValueLayout.JAVA_BYTE, k);
        }
        return h;
    }
}
