package io.basalt.format.parquet;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.InputFile;

/**
 * One Parquet file to read: its path and footer, read once when the file is named (so that a missing, truncated
 * or foreign file fails before anything is read or changed). Also the one place that turns parquet-mr's failures
 * into PostgreSQL-style errors: 58P01 for a missing file, and 22P04 (bad_copy_file_format, as PostgreSQL's COPY
 * FROM reports a malformed input file) both for a file that is no Parquet file (too short, wrong magic, unreadable
 * footer) and for pages that do not decode. XX001 (data_corrupted) is kept for Basalt's own database files.
 */
public record ParquetFile(Path path, ParquetMetadata footer) {
    /** Read options without Hadoop; column chunks are read into recycled buffers ({@link ChunkBufferPool}). */
    static final ParquetReadOptions READ_OPTIONS = HadoopFreeReadOptions.of(ParquetCodecs.INSTANCE,
            new ChunkBufferPool());

    /** Footers parsed lately, by absolute path, each with the raw bytes it was parsed from. */
    private static final FooterCache FOOTERS = new FooterCache(32);

    /**
     * Reads the footer of the file at {@code path}; a footer parsed lately is used again when the file still ends in
     * the same footer bytes ({@link FooterCache}).
     */
    public static ParquetFile open(Path path) {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is a directory");
        }
        if (!Files.exists(path)) {
            throw BasaltException.of(SqlState.UNDEFINED_FILE,
                    "could not open file \"" + name + "\" for reading: No such file or directory");
        }
        Path key = path.toAbsolutePath().normalize();
        try {
            byte[] tail = FooterCache.tail(path);
            ParquetMetadata footer = tail == null ? null : FOOTERS.get(key, tail);
            if (footer == null) {
                try (ParquetFileReader reader = new ParquetFileReader(new ParquetInputFile(path), READ_OPTIONS)) {
                    footer = reader.getFooter();
                }
                checkLayout(footer, Files.size(path));
                if (tail != null) {
                    FOOTERS.put(key, tail, footer);
                }
            } else {
                checkLayout(footer, Files.size(path));
            }
            return new ParquetFile(path, footer);
        } catch (NoSuchFileException e) {
            throw BasaltException.of(SqlState.UNDEFINED_FILE,
                    "could not open file \"" + name + "\" for reading: No such file or directory");
        } catch (AccessDeniedException e) {
            throw BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE,
                    "could not open file \"" + name + "\" for reading: Permission denied");
        } catch (IOException | RuntimeException e) {
            throw BasaltException.of(SqlState.BAD_COPY_FILE_FORMAT, "file \"" + name + "\" is not a valid Parquet file")
                    .withDetail(describe(e));
        }
    }

    /**
     * Checks that every column chunk the footer describes lies between the leading magic and the footer, and that
     * row counts are not negative: a damaged footer whose sizes point past the end of the file would otherwise
     * have parquet-mr allocate buffers of those sizes before the read comes up short.
     */
    private static void checkLayout(ParquetMetadata footer, long length) throws IOException {
        // the footer's own length sits in the 4 bytes before the trailing magic; parquet-mr checked it already
        long dataEnd = length - Integer.BYTES - 4;
        for (BlockMetaData block : footer.getBlocks()) {
            if (block.getRowCount() < 0) {
                throw new IOException("a row group of " + block.getRowCount() + " rows");
            }
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                long start = chunk.getStartingPos();
                long size = chunk.getTotalSize();
                if (start < 4 || size < 0 || start + size > dataEnd) {
                    throw new IOException("column chunk " + chunk.getPath() + " of " + size + " bytes at offset "
                            + start + " lies outside the file's " + length + " bytes");
                }
            }
        }
    }

    /** A reader of this file's row groups (the footer is not read again); the caller closes it. */
    ParquetFileReader openReader() {
        InputFile input = new ParquetInputFile(path);
        try {
            return ParquetFileReader.open(input, footer, READ_OPTIONS, input.newStream());
        } catch (NoSuchFileException e) {
            throw BasaltException.of(SqlState.UNDEFINED_FILE,
                    "could not open file \"" + path + "\" for reading: No such file or directory");
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
    }

    /**
     * The error for data of this file that does not decode: 22P04 (a malformed input file, as for COPY FROM in
     * PostgreSQL), not XX001, which says that the database itself is damaged.
     */
    BasaltException corrupt(Throwable cause) {
        if (cause instanceof BasaltException basalt) {
            return basalt;
        }
        return BasaltException.of(SqlState.BAD_COPY_FILE_FORMAT, "invalid data in Parquet file \"" + path + "\"")
                .withDetail(describe(cause));
    }

    /** parquet-mr's message, with the chain of causes that says what actually went wrong. */
    private static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable cause = failure; cause != null && out.length() < 400; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message == null || out.indexOf(message) >= 0) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(": ");
            }
            out.append(message);
        }
        return out.isEmpty() ? failure.getClass().getSimpleName() : out.toString();
    }
}
