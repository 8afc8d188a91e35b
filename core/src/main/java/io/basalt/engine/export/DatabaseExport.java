package io.basalt.engine.export;

import io.basalt.api.Session;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.lexer.IdentifierQuoting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code EXPORT DATABASE 'dir' [(FORMAT csv | parquet)]}: writes into {@code dir} (created if absent)
 * {@code schema.sql}, the catalog as DDL ({@link SchemaScript}: the part before the data, then a marker line, then
 * the indexes), one data file per table written by {@code COPY ... TO} in the chosen format, and
 * {@code load.sql} with the {@code COPY ... FROM} statements that load them (file names relative to {@code dir}).
 * {@link DatabaseImport} reads it back. A table with an enum column is written as CSV in a Parquet export too
 * ({@link #hasEnumColumn}). The caller runs the export in one snapshot so that the tables agree.
 */
public final class DatabaseExport {
    /** The line of schema.sql after which the statements belong after the data. */
    static final String POST_DATA_MARKER = "-- Indexes: after the data";

    private DatabaseExport() {
    }

    /** Writes the export; {@code format} is csv or parquet (COPY says whether it can write that format). */
    public static int write(SchemaScript script, Session session, Path directory, String format) {
        try {
            Files.createDirectories(directory);
            StringBuilder schema = new StringBuilder("-- Basalt database export: the schema\n\n");
            for (String statement : script.preData()) {
                schema.append(statement).append(";\n\n");
            }
            schema.append(POST_DATA_MARKER).append("\n\n");
            for (String statement : script.postData()) {
                schema.append(statement).append(statement.startsWith("--") ? "\n\n" : ";\n\n");
            }
            Files.writeString(directory.resolve("schema.sql"), schema.toString(), StandardCharsets.UTF_8);
            StringBuilder load = new StringBuilder("-- Basalt database export: the data, loaded after schema.sql's"
                    + " first part\n\n");
            List<TableEntry> tables = script.tables();
            for (int i = 0; i < tables.size(); i++) {
                TableEntry table = tables.get(i);
                String tableFormat = format.equals("parquet") && hasEnumColumn(table) ? "csv" : format;
                String file = fileName(i, table, tableFormat);
                String target = copyTarget(table);
                session.execute("COPY " + target + " TO " + literal(directory.resolve(file).toAbsolutePath()
                        .toString()) + " (FORMAT " + tableFormat + ")").close();
                load.append("COPY ").append(target).append(" FROM ").append(literal(file)).append(" (FORMAT ")
                        .append(tableFormat).append(");\n");
            }
            Files.writeString(directory.resolve("load.sql"), load.toString(), StandardCharsets.UTF_8);
            return tables.size();
        } catch (IOException failure) {
            throw BasaltException.of(SqlState.IO_ERROR, "could not write export to \"" + directory + "\": "
                    + failure.getMessage());
        }
    }

    /**
     * {@code schema.table (columns)}: the columns named, so that a table's column order never matters; generated
     * columns left out, as pg_dump does (loading computes them again).
     */
    static String copyTarget(TableEntry table) {
        List<String> names = new java.util.ArrayList<>();
        for (ColumnEntry column : table.columns()) {
            if (!column.generated()) {
                names.add(IdentifierQuoting.quote(column.name()));
            }
        }
        return SchemaScript.qualified(table.schema(), table.name()) + " (" + String.join(", ", names) + ")";
    }

    /**
     * Whether a column of {@code table} is of an enum type (or an array of one): Parquet holds no enum Basalt
     * could load back into the type, so such a table's data goes into a CSV file even in a Parquet export.
     */
    private static boolean hasEnumColumn(TableEntry table) {
        for (ColumnEntry column : table.columns()) {
            if (column.type().enumType() != null
                    || column.type().isArray() && column.type().element().enumType() != null) {
                return true;
            }
        }
        return false;
    }

    /** A file name from the table's names made safe for any file system, numbered so that none collide. */
    private static String fileName(int number, TableEntry table, String format) {
        String base = (table.schema() + "." + table.name()).replaceAll("[^A-Za-z0-9_.-]", "_");
        return String.format(java.util.Locale.ROOT, "%03d_%s.%s", number, base, format);
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
