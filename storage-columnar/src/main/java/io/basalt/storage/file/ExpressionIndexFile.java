package io.basalt.storage.file;

import io.basalt.storage.table.InMemoryTableStore;
import java.nio.file.Path;

/**
 * The indexes over expressions of a table's data file, saved beside it by the checkpoint that wrote it
 * ({@code table-NNNNNN.bdf.keys}, framed as {@link SavedIndexFile} describes with magic {@code "BXKI"}; the body is
 * what {@link InMemoryTableStore#writeExpressionKeys} writes), so that opening the database reads them back instead
 * of computing every row's key again.
 */
public final class ExpressionIndexFile {
    /** Appended to the data file's name. */
    public static final String SUFFIX = ".keys";
    private static final byte[] MAGIC = {'B', 'X', 'K', 'I'};

    private ExpressionIndexFile() {
    }

    /** The index file beside data file {@code dataFile}. */
    public static Path of(Path dataFile) {
        return dataFile.resolveSibling(dataFile.getFileName() + SUFFIX);
    }

    /**
     * Saves the indexes over expressions of {@code store} over positions {@code [0, positions)} of generation {@code generation}
     * beside {@code dataFile}, durably; writes nothing when the store keeps none covering them (or has moved on to
     * another generation).
     *
     * @throws io.basalt.error.BasaltException IO_ERROR when the file cannot be written
     */
    public static void write(Path dataFile, InMemoryTableStore store, long generation, long positions) {
        SavedIndexFile.write(of(dataFile), MAGIC, generation, positions,
                out -> store.writeExpressionKeys(generation, positions, out));
    }

    /**
     * Hands {@code store} the indexes over expressions saved beside {@code dataFile} when they were written for generation
     * {@code generation} holding {@code positions} positions ({@link InMemoryTableStore#offerExpressionKeys}); a
     * missing or unusable file is passed over (a damaged one with a warning).
     */
    public static void offer(Path dataFile, InMemoryTableStore store, long generation, long positions) {
        SavedIndexFile.offer(of(dataFile), MAGIC, generation, positions,
                in -> store.offerExpressionKeys(generation, in));
    }
}
