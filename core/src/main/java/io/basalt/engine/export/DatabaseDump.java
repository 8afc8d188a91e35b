package io.basalt.engine.export;

import io.basalt.api.CopyStreams;
import io.basalt.api.Session;
import io.basalt.catalog.TableEntry;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A whole database as one SQL script, as pg_dump writes it in its plain format: the schema part before the data
 * ({@link SchemaScript}), then each table's rows as {@code COPY ... FROM stdin;} followed by the rows in COPY's text
 * format and a {@code \.} line, then the indexes. {@code psql -f} and Basalt's shell {@code -f} run it.
 * The caller runs the dump in one snapshot so that the tables agree.
 */
public final class DatabaseDump {
    private DatabaseDump() {
    }

    public static void write(SchemaScript script, Session session, OutputStream output) {
        PrintStream out = new PrintStream(output, false, StandardCharsets.UTF_8);
        out.print("--\n-- Basalt database dump\n--\n\n");
        out.print("SET client_encoding = 'UTF8';\n\n");
        for (String statement : script.preData()) {
            out.print(statement);
            out.print(";\n\n");
        }
        for (TableEntry table : script.tables()) {
            String target = DatabaseExport.copyTarget(table);
            out.print("--\n-- Data for " + SchemaScript.qualified(table.schema(), table.name()) + "\n--\n\n");
            out.print("COPY " + target + " FROM stdin;\n");
            out.flush();
            session.execute("COPY " + target + " TO STDOUT", new CopyStreams() {
                @Override
                public InputStream input() {
                    return InputStream.nullInputStream();
                }

                @Override
                public OutputStream output() {
                    return out;
                }
            }).close();
            out.print("\\.\n\n");
        }
        for (String statement : script.postData()) {
            out.print(statement);
            out.print(statement.startsWith("--") ? "\n\n" : ";\n\n");
        }
        out.flush();
    }
}
