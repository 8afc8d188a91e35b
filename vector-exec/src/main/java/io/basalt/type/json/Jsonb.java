package io.basalt.type.json;

import java.lang.foreign.MemorySegment;

/**
 * A JSONB value as Java holds it (the canonical form of the type in {@code ValueAccess}): its binary
 * encoding, compared, hashed and printed with PostgreSQL's rules, so that values meet correctly in hash sets
 * and sorts ({@code '1.0'::jsonb} equals {@code '1'::jsonb} but prints as {@code 1.0}).
 */
public final class Jsonb implements Comparable<Jsonb> {
    private final byte[] bytes;

    private Jsonb(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A value over an encoding the caller hands over and does not change afterwards. */
    public static Jsonb wrap(byte[] bytes) {
        return new Jsonb(bytes);
    }

    public static Jsonb of(JsonNode value) {
        return new Jsonb(JsonbWriter.encode(value));
    }

    /** jsonb_in: parses text, with PostgreSQL's errors. */
    public static Jsonb parse(String text) {
        return of(JsonParser.parse(text));
    }

    /** The encoding; callers must not change it. */
    public byte[] bytes() {
        return bytes;
    }

    public MemorySegment segment() {
        return MemorySegment.ofArray(bytes);
    }

    public JsonNode toNode() {
        return JsonbDecoder.decode(bytes);
    }

    /** The tag of the top-level value ({@link JsonbReader#OBJECT}, ...). */
    public byte tag() {
        return bytes[0];
    }

    @Override
    public int compareTo(Jsonb other) {
        return JsonbComparison.compare(segment(), 0, bytes.length, other.segment(), 0, other.bytes.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Jsonb that && compareTo(that) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(JsonbComparison.hash(segment(), 0, bytes.length));
    }

    /** jsonb_out's text. */
    @Override
    public String toString() {
        return JsonText.format(toNode());
    }
}
