package io.basalt.storage.column.shred;

/**
 * The switch for shredding JSONB columns into typed sub-columns: the JVM system property
 * {@code basalt.jsonb_shredding}, {@code on} (the default) or {@code off}. It is read when a row group is written
 * (off: no sub-columns are written) and when a query is planned (off: extractions read the documents even where a
 * row group has sub-columns), so that results can be compared with and without shredding.
 */
public final class JsonbShredding {
    public static final String PROPERTY = "basalt.jsonb_shredding";

    private JsonbShredding() {
    }

    /** Whether shredding is on now. */
    public static boolean enabled() {
        return !"off".equalsIgnoreCase(System.getProperty(PROPERTY, "on"));
    }
}
