package io.basalt.storage.index;

import io.basalt.type.json.JsonbReader;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The entries a GIN index over jsonb keeps for one value, as 64-bit hashes, for both operator classes
 * (PostgreSQL's jsonb_ops and jsonb_path_ops, see {@link JsonbOperatorClass}):
 *
 * <ul>
 *   <li>jsonb_ops: every object key at any depth, and every scalar: an object member's value as a value entry, an
 *       array element (and a top-level scalar) that is a string as a key entry (so that {@code ?} finds it), any
 *       other array element as a value entry. A query's entries for {@code @>} are those of its pattern; for
 *       {@code ?} the key entry of the name.</li>
 *   <li>jsonb_path_ops: per scalar, one hash of the keys on the way down to it (array levels add nothing) and of
 *       the scalar itself.</li>
 * </ul>
 *
 * <p>Entries only narrow the rows: a row that satisfies {@code doc @> pattern} has every entry of the pattern among
 * its own (so the index names a superset; hash collisions add more), and the scan rechecks the real operator.
 * Numbers hash by value (1, 1.0 and 1e0 alike), as containment compares them. Strings and keys hash their UTF-8
 * bytes with a kind tag, so a key and an equal string value differ.
 */
public final class JsonbIndexEntries {
    private static final long KEY = 0x4b;
    private static final long STRING = 0x53;
    private static final long NUMBER = 0x4e;
    private static final long TRUE = 0x54;
    private static final long FALSE = 0x46;
    private static final long NULL = 0x5a;
    private static final long PATH_ROOT = 0x50617468L;

    private JsonbIndexEntries() {
    }

    /** A growable list of entry hashes, reused across values to avoid allocating per row. */
    public static final class Buffer {
        long[] entries = new long[32];
        int size;

        public void clear() {
            size = 0;
        }

        public int size() {
            return size;
        }

        public long get(int i) {
            return entries[i];
        }

        /** The entries, sorted and without duplicates (a fresh array). */
        public long[] distinct() {
            long[] sorted = java.util.Arrays.copyOf(entries, size);
            java.util.Arrays.sort(sorted);
            int kept = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (kept == 0 || sorted[kept - 1] != sorted[i]) {
                    sorted[kept++] = sorted[i];
                }
            }
            return java.util.Arrays.copyOf(sorted, kept);
        }

        void add(long entry) {
            if (size == entries.length) {
                entries = java.util.Arrays.copyOf(entries, size * 2);
            }
            entries[size++] = entry;
        }
    }

    /**
     * Adds to {@code out} the entries of the jsonb value at {@code [at, end)} of {@code s} under {@code opclass}
     * (duplicates possible).
     */
    public static void collect(MemorySegment s, long at, long end, JsonbOperatorClass opclass, Buffer out) {
        byte tag = JsonbReader.tag(s, at);
        if (opclass == JsonbOperatorClass.JSONB_PATH_OPS) {
            path(s, at, end, PATH_ROOT, out);
        } else if (JsonbReader.isContainer(tag)) {
            keysAndValues(s, at, out);
        } else {
            out.add(scalar(s, at, end, tag == JsonbReader.STRING));
        }
    }

    /** The entries of a constant value (a containment pattern), sorted and distinct. */
    public static long[] of(byte[] value, JsonbOperatorClass opclass) {
        Buffer buffer = new Buffer();
        collect(MemorySegment.ofArray(value), 0, value.length, opclass, buffer);
        return buffer.distinct();
    }

    /** The jsonb_ops entry {@code ?} looks up for {@code key}: a key, a string array element or a top-level string. */
    public static long keyEntry(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return bytesHash(MemorySegment.ofArray(bytes), 0, bytes.length, KEY);
    }

    /**
     * The jsonb_ops entry of the scalar jsonb value {@code encoded}: a string as a key entry when {@code asKey} (an
     * array element or top-level string is indexed so), else as a value entry.
     */
    public static long scalarEntry(byte[] encoded, boolean asKey) {
        return scalar(MemorySegment.ofArray(encoded), 0, encoded.length, asKey);
    }

    /** The jsonb_path_ops entry of the scalar jsonb value {@code encoded} reached through object keys {@code keys}. */
    public static long pathEntry(java.util.List<String> keys, byte[] encoded) {
        long prefix = PATH_ROOT;
        for (String key : keys) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            prefix = mix(prefix, bytesHash(MemorySegment.ofArray(bytes), 0, bytes.length, KEY));
        }
        return mix(prefix, scalar(MemorySegment.ofArray(encoded), 0, encoded.length, false));
    }

    private static void keysAndValues(MemorySegment s, long at, Buffer out) {
        int count = JsonbReader.count(s, at);
        if (JsonbReader.tag(s, at) == JsonbReader.OBJECT) {
            for (int i = 0; i < count; i++) {
                out.add(bytesHash(s, JsonbReader.keyStart(s, at, i), JsonbReader.keyEnd(s, at, i), KEY));
                long valueAt = JsonbReader.valueStart(s, at, i);
                if (JsonbReader.isContainer(JsonbReader.tag(s, valueAt))) {
                    keysAndValues(s, valueAt, out);
                } else {
                    out.add(scalar(s, valueAt, JsonbReader.valueEnd(s, at, i), false));
                }
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            long elementAt = JsonbReader.elementStart(s, at, i);
            byte tag = JsonbReader.tag(s, elementAt);
            if (JsonbReader.isContainer(tag)) {
                keysAndValues(s, elementAt, out);
            } else {
                out.add(scalar(s, elementAt, JsonbReader.elementEnd(s, at, i), tag == JsonbReader.STRING));
            }
        }
    }

    private static void path(MemorySegment s, long at, long end, long prefix, Buffer out) {
        byte tag = JsonbReader.tag(s, at);
        if (!JsonbReader.isContainer(tag)) {
            out.add(mix(prefix, scalar(s, at, end, false)));
            return;
        }
        int count = JsonbReader.count(s, at);
        if (tag == JsonbReader.OBJECT) {
            for (int i = 0; i < count; i++) {
                long key = bytesHash(s, JsonbReader.keyStart(s, at, i), JsonbReader.keyEnd(s, at, i), KEY);
                path(s, JsonbReader.valueStart(s, at, i), JsonbReader.valueEnd(s, at, i), mix(prefix, key), out);
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            path(s, JsonbReader.elementStart(s, at, i), JsonbReader.elementEnd(s, at, i), prefix, out);
        }
    }

    /** The entry of a scalar; a string is a key entry when {@code stringAsKey}. */
    private static long scalar(MemorySegment s, long at, long end, boolean stringAsKey) {
        return switch (JsonbReader.tag(s, at)) {
            case JsonbReader.STRING -> bytesHash(s, at + 1, end, stringAsKey ? KEY : STRING);
            case JsonbReader.NUMBER -> number(s, at, end);
            case JsonbReader.TRUE -> mix(TRUE, TRUE);
            case JsonbReader.FALSE -> mix(FALSE, FALSE);
            default -> mix(NULL, NULL);
        };
    }

    /** A number's entry by its value: the unscaled digits without trailing zeros and the scale that goes with them. */
    private static long number(MemorySegment s, long at, long end) {
        int scale = (short) (((s.get(ValueLayout.JAVA_BYTE, at + 1) & 0xff) << 8)
                | (s.get(ValueLayout.JAVA_BYTE, at + 2) & 0xff));
        int length = (int) (end - at - 3);
        if (length <= 8) {
            long unscaled = s.get(ValueLayout.JAVA_BYTE, at + 3); // sign-extended first byte
            for (int k = 1; k < length; k++) {
                unscaled = (unscaled << 8) | (s.get(ValueLayout.JAVA_BYTE, at + 3 + k) & 0xff);
            }
            if (unscaled == 0) {
                return mix(NUMBER, 0);
            }
            while (unscaled % 10 == 0) {
                unscaled /= 10;
                scale--;
            }
            return mix(mix(NUMBER, unscaled), scale);
        }
        byte[] digits = s.asSlice(at + 3, length).toArray(ValueLayout.JAVA_BYTE);
        BigDecimal value = new BigDecimal(new BigInteger(digits), scale).stripTrailingZeros();
        BigInteger unscaled = value.unscaledValue();
        if (unscaled.bitLength() < 64) {
            return mix(mix(NUMBER, unscaled.longValue()), value.scale());
        }
        return mix(mix(NUMBER, unscaled.hashCode()), value.scale() ^ ((long) unscaled.bitLength() << 32));
    }

    private static long bytesHash(MemorySegment s, long from, long to, long kind) {
        long hash = 0x9E3779B97F4A7C15L ^ kind;
        long i = from;
        // eight bytes at a time, then the tail; the length goes in last so that prefixes differ
        for (; i + 8 <= to; i += 8) {
            hash = mix(hash, s.get(ValueLayout.JAVA_LONG_UNALIGNED, i));
        }
        long tail = 0;
        for (; i < to; i++) {
            tail = (tail << 8) | (s.get(ValueLayout.JAVA_BYTE, i) & 0xff);
        }
        return mix(mix(hash, tail), to - from);
    }

    private static long mix(long hash, long value) {
        long mixed = (hash ^ value) * 0xBF58476D1CE4E5B9L;
        mixed ^= mixed >>> 31;
        mixed *= 0x94D049BB133111EBL;
        return mixed ^ (mixed >>> 29);
    }
}
