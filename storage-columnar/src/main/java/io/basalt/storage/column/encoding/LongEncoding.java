package io.basalt.storage.column.encoding;

/**
 * The encodings of a stream of 64-bit integers, by the id byte that opens the stream in a chunk. Ids are part of the
 * file format: never renumber one.
 */
public enum LongEncoding {
    /** One value for every row: the value. */
    CONSTANT(0),
    /** Frame of reference: the minimum, then every value minus it bit-packed at the width of the range. */
    FRAME_OF_REFERENCE(1),
    /** The first value, then the differences of neighbours as frame-of-reference bit-packing (sorted keys, dates). */
    DELTA(2),
    /** Runs: the run values and the run lengths, each a nested stream. */
    RUN_LENGTH(3),
    /** The distinct values in ascending order as a nested stream, then each row's index into them as a nested stream. */
    DICTIONARY(4),
    /** Each value in 1, 2, 4 or 8 little-endian bytes. */
    PLAIN(5);

    private final int id;

    LongEncoding(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** The encoding with id {@code id}, or a {@link ChunkCorruption}. */
    public static LongEncoding ofId(int id) {
        for (LongEncoding encoding : values()) {
            if (encoding.id == id) {
                return encoding;
            }
        }
        throw ChunkCorruption.of("unknown integer encoding " + id);
    }

    /** The encoding's name in descriptions. */
    public String label() {
        return switch (this) {
            case CONSTANT -> "constant";
            case FRAME_OF_REFERENCE -> "for";
            case DELTA -> "delta";
            case RUN_LENGTH -> "rle";
            case DICTIONARY -> "dict";
            case PLAIN -> "plain";
        };
    }
}
