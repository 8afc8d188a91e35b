package io.basalt.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.api.Basalt;
import io.basalt.api.CatalogView;
import io.basalt.api.CopyStreams;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup and restore round trips: EXPORT DATABASE then IMPORT DATABASE, and a dump script run into a new database,
 * on the seeds' e-commerce schema with its constraints and on a table of every type. The copy must hold the same
 * rows, the same keys and constraints (which must still be enforced) and sequences that continue where they were.
 */
class DatabaseExportTest {
    @TempDir
    Path directory;

    private static String resource(String name) throws IOException {
        try (InputStream in = DatabaseExportTest.class.getResourceAsStream("/export/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void runScript(Session session, String script) {
        for (String statement : ScriptStatements.split(script)) {
            session.execute(statement).close();
        }
    }

    /** Runs a dump as psql -f would: statements, and after each COPY ... FROM stdin its data up to \. */
    static void restoreDump(Session session, String dump) {
        int at = 0;
        while (at < dump.length()) {
            int copy = dump.indexOf("\nCOPY ", at);
            int copyEnd = copy < 0 ? -1 : dump.indexOf(" FROM stdin;\n", copy);
            if (copy < 0 || copyEnd < 0) {
                runScript(session, dump.substring(at));
                return;
            }
            runScript(session, dump.substring(at, copy + 1));
            String statement = dump.substring(copy + 1, copyEnd + " FROM stdin".length());
            int dataStart = copyEnd + " FROM stdin;\n".length();
            int dataEnd = dump.indexOf("\\.\n", dataStart);
            byte[] data = dump.substring(dataStart, dataEnd).getBytes(StandardCharsets.UTF_8);
            session.execute(statement, new CopyStreams() {
                @Override
                public InputStream input() {
                    return new ByteArrayInputStream(data);
                }

                @Override
                public OutputStream output() {
                    return OutputStream.nullOutputStream();
                }
            }).close();
            at = dataEnd + 3;
        }
    }

    /** Every table's rows as text, sorted, by qualified name: what two databases must agree on. */
    private static Map<String, List<String>> contents(Session session) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (CatalogView.TableInfo table : session.catalog().tables()) {
            String name = SchemaScript.qualified(table.schema(), table.name());
            List<String> rows = new ArrayList<>();
            try (QueryResult result = session.query("SELECT * FROM " + name)) {
                for (long r = 0; r < result.rowCount(); r++) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 0; c < result.columns().size(); c++) {
                        row.append(c == 0 ? "" : " | ").append(result.getText(r, c));
                    }
                    rows.add(row.toString());
                }
            }
            rows.sort(null);
            out.put(name, rows);
        }
        return out;
    }

    /**
     * Keys and columns (name, type, NOT NULL) of every table as the catalog describes them. Default texts are left
     * out: the catalog shows now() folded to the time the table was created (schema.sql is checked for them).
     */
    private static List<String> structure(Session session) {
        List<String> out = new ArrayList<>();
        CatalogView catalog = session.catalog();
        for (CatalogView.TableInfo table : catalog.tables()) {
            out.add(table.schema() + "." + table.name());
            for (CatalogView.ColumnInfo column : table.columns()) {
                out.add(column.name() + " " + column.type() + (column.notNull() ? " NOT NULL" : ""));
            }
            out.add(catalog.uniqueKeys(table.schema(), table.name()).toString());
            out.add(catalog.foreignKeys(table.schema(), table.name()).toString());
        }
        return out;
    }

    private static String text(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.getText(0, 0);
        }
    }

    private static void loadEcommerce(Session session) throws IOException {
        runScript(session, resource("ecommerce_schema.sql"));
        runScript(session, resource("ecommerce_data.sql"));
        session.execute("CREATE SCHEMA audit").close();
        session.execute("CREATE SEQUENCE audit.ticket START 100 INCREMENT 5").close();
        session.execute("SELECT nextval('audit.ticket'), nextval('audit.ticket')").close();
        session.execute("CREATE TABLE audit.log (id bigserial PRIMARY KEY, at timestamptz DEFAULT CURRENT_TIMESTAMP,"
                + " note text CHECK (note <> '' AND length(note) < 100), ticket bigint DEFAULT nextval('audit.ticket'))")
                .close();
        session.execute("INSERT INTO audit.log (note) VALUES ('first'), ('second')").close();
    }

    private static void assertEnforcedConstraints(Session copy) {
        assertThatThrownBy(() -> copy.execute("INSERT INTO product_variants (product_id, sku, name, price)"
                + " VALUES ('00000000-0000-0000-0000-0000000000a1', 'SKU-X', 'X', -1)"))
                .isInstanceOf(BasaltException.class).hasMessageContaining("product_variants_price_check");
        assertThatThrownBy(() -> copy.execute("INSERT INTO wishlists (user_id, product_id) VALUES"
                + " ('00000000-0000-0000-0000-000000000009', '00000000-0000-0000-0000-0000000000a1')"))
                .isInstanceOf(BasaltException.class).hasMessageContaining("wishlists_user_id_fkey");
        assertThatThrownBy(() -> copy.execute("INSERT INTO users (email, password_hash, name) VALUES"
                + " ('ann@example.com', 'x', 'dup')"))
                .isInstanceOf(BasaltException.class).hasMessageContaining("users_email_key");
        assertThatThrownBy(() -> copy.execute("INSERT INTO carts (user_id, session_id) VALUES (NULL, NULL)"))
                .isInstanceOf(BasaltException.class).hasMessageContaining("user_or_session");
        assertThatThrownBy(() -> copy.execute("DELETE FROM orders"))
                .isInstanceOf(BasaltException.class).hasMessageContaining("order_coupons_order_id_fkey");
        copy.execute("DELETE FROM order_coupons").close();
        copy.execute("UPDATE reviews SET order_id = NULL").close();
        copy.execute("DELETE FROM orders").close(); // cascades to order_items and order_status_history
        assertThat(text(copy, "SELECT count(*) FROM order_items")).isEqualTo("0");
    }

    @Test
    void exportAndImportTheEcommerceSchema() throws IOException {
        Path export = directory.resolve("export");
        try (Database db = Basalt.inMemory(); Session session = db.connect();
             Database copyDb = Basalt.inMemory(); Session copy = copyDb.connect()) {
            loadEcommerce(session);
            try (QueryResult result = session.execute("EXPORT DATABASE '" + export + "'")) {
                assertThat(result.commandTag()).isEqualTo("EXPORT DATABASE");
            }
            assertThat(export.resolve("schema.sql")).exists();
            assertThat(Files.readString(export.resolve("load.sql"))).contains("FROM '");
            assertThat(Files.readString(export.resolve("schema.sql")))
                    .contains("created_at timestamp with time zone DEFAULT now() NOT NULL")
                    .contains("at timestamp with time zone DEFAULT CURRENT_TIMESTAMP");
            copy.execute("IMPORT DATABASE '" + export + "'").close();

            assertThat(contents(copy)).isEqualTo(contents(session));
            assertThat(structure(copy)).isEqualTo(structure(session));
            assertThat(text(copy, "SELECT nextval('audit.ticket')")).isEqualTo(text(session,
                    "SELECT nextval('audit.ticket')"));
            assertThat(text(copy, "SELECT nextval('categories_id_seq')")).isEqualTo("3");
            copy.execute("INSERT INTO audit.log (note) VALUES ('third')").close();
            assertThat(text(copy, "SELECT max(id) FROM audit.log")).isEqualTo("3");
            assertEnforcedConstraints(copy);
        }
    }

    @Test
    void dumpAndRestoreTheEcommerceSchema() throws IOException {
        try (Database db = Basalt.inMemory(); Session session = db.connect();
             Database copyDb = Basalt.inMemory(); Session copy = copyDb.connect()) {
            loadEcommerce(session);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            session.dump(out);
            String dump = out.toString(StandardCharsets.UTF_8);
            assertThat(dump).contains("COPY public.users (id, email, password_hash, name, role, created_at,"
                    + " updated_at) FROM stdin;");
            restoreDump(copy, dump);
            assertThat(contents(copy)).isEqualTo(contents(session));
            assertThat(structure(copy)).isEqualTo(structure(session));
            assertEnforcedConstraints(copy);
        }
    }

    /**
     * Defaults of any form are dumped as PostgreSQL prints them and read back to the same defaults; generated
     * columns are dumped as generated and left out of the COPY data (they were written as plain columns, so the
     * restore failed).
     */
    @Test
    void defaultsAndGeneratedColumnsSurviveADump() {
        try (Database db = Basalt.inMemory(); Session session = db.connect();
             Database copyDb = Basalt.inMemory(); Session copy = copyDb.connect()) {
            session.execute("CREATE SCHEMA ds").close();
            session.execute("CREATE SEQUENCE ds.sq").close();
            session.execute("CREATE TABLE dd (a int DEFAULT nextval('ds.sq') + 1, b timestamptz DEFAULT (now() + "
                    + "interval '1 day'), h text DEFAULT CASE WHEN random() > 2 THEN 'x' ELSE 'y' END, l bigint "
                    + "DEFAULT 2 + 3, j int DEFAULT -1, n numeric(10,2) DEFAULT 1.5 * 2, w int GENERATED ALWAYS AS "
                    + "(l * 2 + 1) STORED)").close();
            session.execute("INSERT INTO dd DEFAULT VALUES").close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            session.dump(out);
            String dump = out.toString(StandardCharsets.UTF_8);
            assertThat(dump).contains("a integer DEFAULT (nextval('ds.sq'::regclass) + 1)")
                    .contains("w integer GENERATED ALWAYS AS (l * 2 + 1) STORED")
                    .contains("COPY public.dd (a, b, h, l, j, n) FROM stdin;");
            restoreDump(copy, dump);
            String defaults = "SELECT string_agg(column_name || '=' || coalesce(column_default, generation_expression),"
                    + " ' ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'dd'";
            assertThat(text(copy, defaults)).isEqualTo(text(session, defaults));
            assertThat(text(copy, "SELECT a || ' ' || h || ' ' || l || ' ' || j || ' ' || n || ' ' || w FROM dd"))
                    .isEqualTo("2 y 5 -1 3.00 11");
        }
    }

    @Test
    void everyTypeSurvivesBothWays() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            session.execute("CREATE TABLE every (b boolean, s smallint, i integer, l bigint, r real,"
                    + " d double precision, n numeric(12,3), wide numeric, t text, vc varchar(10), c char(3), dt date,"
                    + " tm time(3), ts timestamp, tz timestamptz, ttz timetz, iv interval, u uuid, by bytea, j json,"
                    + " jb jsonb, ia integer[], ta text[], na numeric[][])").close();
            session.execute("INSERT INTO every VALUES (true, -32768, 2147483647, -9223372036854775808, 1.5e-10,"
                    + " 'NaN', -123456789.125, 'NaN', E'tab\\there, \"quoted\", back\\\\slash\\nnewline', '', 'ab',"
                    + " 'infinity', '24:00:00', '-infinity', '2024-02-29 12:00:00.123456+05:30', '10:30:00+05:30',"
                    + " '-1 year 2 mons 3 days 04:05:06.789', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\x00ff0a5c',"
                    + " '{\"a\": [1, 2.50]}', '{\"k\": \"v\", \"n\": null}', '{1,NULL,3}', '{\"x,y\",\"\",NULL}',"
                    + " '[0:1][1:2]={{1.5,2},{3,4}}')").close();
            session.execute("INSERT INTO every (t, vc) VALUES (NULL, NULL), ('\\N', 'NULL')").close();
            session.execute("INSERT INTO every (d, r, wide) VALUES ('-Infinity', 'Infinity', '-Infinity')").close();

            Path export = directory.resolve("every");
            session.execute("EXPORT DATABASE '" + export + "' (FORMAT csv)").close();
            try (Database copyDb = Basalt.inMemory(); Session copy = copyDb.connect()) {
                copy.execute("IMPORT DATABASE '" + export + "'").close();
                assertThat(contents(copy)).isEqualTo(contents(session));
                assertThat(structure(copy)).isEqualTo(structure(session));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            session.dump(out);
            try (Database copyDb = Basalt.inMemory(); Session copy = copyDb.connect()) {
                restoreDump(copy, out.toString(StandardCharsets.UTF_8));
                assertThat(contents(copy)).isEqualTo(contents(session));
            }
        }
    }

    @Test
    void statementErrors() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            assertThatThrownBy(() -> session.execute("EXPORT DATABASE '" + directory + "' (FORMAT xml)"))
                    .isInstanceOf(BasaltException.class).hasMessage("EXPORT DATABASE format \"xml\" not recognized");
            assertThatThrownBy(() -> session.execute("IMPORT DATABASE '" + directory.resolve("none") + "'"))
                    .isInstanceOf(BasaltException.class).hasMessageContaining("could not open file")
                    .extracting(e -> ((BasaltException) e).sqlState().code()).isEqualTo("58P01");
            assertThatThrownBy(() -> session.execute("EXPORT DATABASE somewhere"))
                    .isInstanceOf(BasaltException.class)
                    .extracting(e -> ((BasaltException) e).sqlState().code()).isEqualTo("42601");
        }
    }
}
