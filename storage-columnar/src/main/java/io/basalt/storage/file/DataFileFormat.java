package io.basalt.storage.file;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.storage.column.ColumnChunkCodecs;
import io.basalt.storage.column.ColumnChunkCodec;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The byte layout of a table data file, and the checks made on it. One file holds one table's checkpointed
 * generation as row groups of column chunks. All integers are big-endian.
 *
 * <pre>
 * header (16 bytes)
 *   magic            8 bytes  ASCII "BASALTDF"
 *   format version   int32    {@value #VERSION} today
 *   header checksum  int32    CRC32C of the 12 bytes before it
 * column chunks, back to back, row group by row group, column by column: the bytes {@link #CODEC} wrote; from
 *   version 2 each JSONB column's chunk may be followed by its row group's shredded sub-column chunks
 *   ({@code JsonbShredder}: per path a typed values chunk and, when some rows hold another type, the chunk of those
 *   rows' positions), written by the same codec and checksummed like the others; from version 3 a path's kind byte
 *   may say that JSON null at the path is among its other rows; from version 4 a path may be of kind ARRAY (its values
 *   chunk holds the arrays' JSONB bytes)
 * footer ({@link FileFooter}): per row group its first row position, row count, deletion mask, and per column
 *   chunk its offset, length, CRC32C and zone map ({@code ChunkStatistics})
 * trailer (28 bytes)
 *   footer offset    int64
 *   footer length    int32
 *   footer checksum  int32    CRC32C of the footer
 *   format version   int32
 *   magic            8 bytes  ASCII "BASALTDF"
 * </pre>
 *
 * <p>Every chunk's checksum is verified before the chunk is decoded, and the footer's before it is parsed, so
 * damaged bytes fail with DATA_CORRUPTED (XX001) naming the file rather than giving wrong rows. The version is
 * checked before any checksum, so that a file written by a newer Basalt is reported as such.
 */
public final class DataFileFormat {
    /** The codec every column chunk is written with: the one place the database files choose it. */
    public static final ColumnChunkCodec CODEC = ColumnChunkCodecs.DEFAULT;
    /**
     * 2: row groups may carry shredded JSONB sub-columns (listed in the footer). 3: a shredded path's kind byte may
     * carry {@link FileFooter#NULLS_ARE_OTHER}, which a build reading up to version 2 would take for damage (it
     * reports a version 3 file as written by a newer Basalt instead). Versions 1 and 2 are still read, version 2
     * with that bit too, since the builds between the bit and this version wrote it into version 2 files. 4: a
     * shredded path may be of kind {@code ShredKind.ARRAY} (a JSONB values chunk), which a build reading up to version
     * 3 reports as a newer format; versions 1 to 3 are still read (no array paths in them).
     */
    static final int VERSION = 4;
    static final int HEADER_BYTES = 16;
    static final int TRAILER_BYTES = 28;
    /** Rows a row group aims at; it is rounded up to whole in-memory chunks. */
    public static final int ROW_GROUP_ROWS = 122_880;
    static final byte[] MAGIC = "BASALTDF".getBytes(US_ASCII);

    private DataFileFormat() {
    }

    /** CRC32C of {@code segment}'s bytes. */
    static int checksum(MemorySegment segment) {
        CRC32C crc = new CRC32C();
        crc.update(segment.asByteBuffer());
        return (int) crc.getValue();
    }

    /** CRC32C of {@code bytes[from, from + length)}. */
    static int checksum(byte[] bytes, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        return (int) crc.getValue();
    }

    /** A damaged or foreign file: XX001 naming it. */
    static BasaltException corrupt(Path path, String detail) {
        return BasaltException.of(SqlState.DATA_CORRUPTED, "invalid data in file \"" + path + "\"")
                .withDetail(detail);
    }

    /** A file (data file or manifest) written by a newer version of the format than {@code supported}. */
    static BasaltException newerVersion(Path path, String what, int version, int supported) {
        return BasaltException.of(SqlState.DATA_CORRUPTED, "database files are incompatible with server")
                .withDetail(what + " \"" + path + "\" has format version " + version
                        + ", but this build of Basalt supports up to version " + supported + ".")
                .withHint("Open the database with a newer version of Basalt.");
    }
}
