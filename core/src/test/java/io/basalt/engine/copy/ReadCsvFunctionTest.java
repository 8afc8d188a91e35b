package io.basalt.engine.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code read_csv}: the columns' names and types found from the file (against DuckDB's read_csv of the same file),
 * the rows (against COPY FROM of the same file into a table of those types), the options, and the errors.
 */
class ReadCsvFunctionTest {
    @TempDir
    Path directory;

    private Path mixed() throws IOException {
        StringBuilder csv = new StringBuilder("id,price,day,at,flag,code,note\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(i).append(',').append(i * 0.25).append(',')
                    .append(String.format("2024-%02d-%02d", 1 + i % 12, 1 + i % 28)).append(',')
                    .append(String.format("2024-03-01 %02d:%02d:%02d", i % 24, i % 60, i % 60)).append(',')
                    .append(i % 2 == 0).append(',').append(String.format("%03d", i % 1000)).append(',')
                    .append(i % 5 == 0 ? "" : "\"note, " + i + "\"").append('\n');
        }
        Path file = directory.resolve("mixed.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void typesAndHeaderAreFoundAsDuckDbFindsThem() throws IOException, SQLException {
        Path file = mixed();
        List<String> duckTypes = new ArrayList<>();
        List<String> duckNames = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("DESCRIBE SELECT * FROM read_csv('" + file + "')")) {
            while (result.next()) {
                duckNames.add(result.getString(1));
                duckTypes.add(result.getString(2));
            }
        }
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            try (QueryResult result = session.query("SELECT * FROM read_csv('" + file + "') LIMIT 1")) {
                result.columns().forEach(column -> {
                    names.add(column.name());
                    types.add(column.type().displayName());
                });
            }
            assertThat(names).isEqualTo(duckNames);
            assertThat(types).containsExactly("bigint", "double precision", "date",
                    "timestamp without time zone", "boolean", "text", "text");
            assertThat(duckTypes).containsExactly("BIGINT", "DOUBLE", "DATE", "TIMESTAMP", "BOOLEAN", "VARCHAR",
                    "VARCHAR");
            // the rows are COPY FROM's
            session.execute("CREATE TABLE t (id bigint, price double precision, day date, at timestamp,"
                    + " flag boolean, code text, note text)").close();
            session.execute("COPY t FROM '" + file + "' (FORMAT csv, HEADER)").close();
            assertThat(rows(session, "SELECT * FROM read_csv('" + file + "') ORDER BY id"))
                    .isEqualTo(rows(session, "SELECT * FROM t ORDER BY id")).hasSize(3000);
            assertThat(rows(session, "SELECT count(*), sum(id), count(note), min(code) FROM read_csv('" + file
                    + "') WHERE flag AND day >= DATE '2024-06-01'")).isEqualTo(rows(session,
                    "SELECT count(*), sum(id), count(note), min(code) FROM t WHERE flag AND day >= DATE '2024-06-01'"));
            session.execute("CREATE TABLE copied AS SELECT * FROM read_csv('" + file + "')").close();
            assertThat(rows(session, "SELECT count(*) FROM copied")).containsExactly(List.of("3000"));
        }
    }

    @Test
    void optionsNameTheDelimiterNullStringQuoteAndHeader() throws IOException {
        Path file = directory.resolve("semi.txt");
        Files.writeString(file, "1;NA;'a;b'\n2;x;NA\n3;'it''s';c\n");
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            String call = "read_csv('" + file + "', delim => ';', nullstr => 'NA', quote => '''', header => false)";
            assertThat(rows(session, "SELECT column0, column1, column2 FROM " + call + " ORDER BY 1"))
                    .containsExactly(List.of("1", "NULL", "a;b"), List.of("2", "x", "NULL"),
                            List.of("3", "it's", "c"));
            try (QueryResult result = session.query("SELECT * FROM " + call)) {
                assertThat(result.columns().getFirst().type().displayName()).isEqualTo("bigint");
            }
            // all text: the first line is a header only when asked
            Path names = directory.resolve("names.csv");
            Files.writeString(names, "name,city\nann,oslo\nbob,rome\n");
            assertThat(rows(session, "SELECT count(*) FROM read_csv('" + names + "')")).containsExactly(List.of("3"));
            assertThat(rows(session, "SELECT city FROM read_csv('" + names + "', header => true) ORDER BY 1"))
                    .containsExactly(List.of("oslo"), List.of("rome"));
        }
    }

    @Test
    void badFilesAndOptionsGiveCopysErrorsAndChangeNothing() throws IOException {
        Path wide = directory.resolve("wide.csv");
        Files.writeString(wide, "a,b\n1,2\n3,4,5\n");
        StringBuilder late = new StringBuilder("a,b\n");
        for (int i = 0; i < CsvFileScan.SAMPLE_ROWS + 10; i++) {
            late.append(i).append(",x\n");
        }
        late.append("oops,x\n");
        Path lateBad = directory.resolve("late.csv");
        Files.writeString(lateBad, late);
        Path empty = directory.resolve("empty.csv");
        Files.writeString(empty, "");
        Path quote = directory.resolve("quote.csv");
        Files.writeString(quote, "a,b\n1,\"open\n");
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            session.execute("CREATE TABLE kept (a bigint)").close();
            fails(session, "CREATE TABLE x AS SELECT * FROM read_csv('" + wide + "')", SqlState.BAD_COPY_FILE_FORMAT,
                    "extra data after last expected column");
            fails(session, "INSERT INTO kept SELECT a FROM read_csv('" + lateBad + "')",
                    SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bigint: \"oops\"");
            fails(session, "SELECT * FROM read_csv('" + directory.resolve("missing.csv") + "')",
                    SqlState.UNDEFINED_FILE, "could not open file");
            fails(session, "SELECT * FROM read_csv('" + empty + "')", SqlState.BAD_COPY_FILE_FORMAT, "is empty");
            fails(session, "SELECT * FROM read_csv('" + quote + "')", SqlState.BAD_COPY_FILE_FORMAT,
                    "unterminated CSV quoted field");
            fails(session, "SELECT * FROM read_csv('" + wide + "', colour => 'red')", SqlState.INVALID_PARAMETER_VALUE,
                    "read_csv has no option \"colour\"");
            fails(session, "SELECT * FROM read_csv('" + wide + "', delim => ';;')", SqlState.FEATURE_NOT_SUPPORTED,
                    "delimiter");
            fails(session, "SELECT * FROM read_csv('" + wide + "', header => 'yes')", SqlState.INVALID_PARAMETER_VALUE,
                    "header requires a Boolean value");
            assertThat(rows(session, "SELECT count(*) FROM kept")).containsExactly(List.of("0"));
            assertThat(rows(session, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'x'"))
                    .containsExactly(List.of("0"));
        }
    }

    @Test
    void globsAndGivenColumnsReadAsDuckDbReadsThem() throws IOException, SQLException {
        Path parts = Files.createDirectories(directory.resolve("parts"));
        Files.writeString(parts.resolve("b.csv"), "id,name,day\n3,cat,2024-02-01\n4,,2024-02-02\n");
        Files.writeString(parts.resolve("a.csv"), "id,name,day\n1,ant,2024-01-01\n2,bee,2024-01-02\n");
        String glob = parts + "/*.csv";
        String one = parts.resolve("a.csv").toString();
        List<String> calls = List.of(
                "read_csv('" + glob + "')",
                "read_csv(['" + parts.resolve("b.csv") + "', '" + one + "'])",
                "read_csv('" + glob + "', columns => {'k': 'INTEGER', 'label': 'VARCHAR', 'd': 'DATE'})",
                "read_csv('" + one + "', types => {'id': 'VARCHAR'})",
                "read_csv('" + one + "', dtypes => ['VARCHAR', 'VARCHAR'])",
                "read_csv('" + one + "', names => ['x', 'y'])",
                "read_csv('" + one + "', auto_detect => false, columns => {'p': 'VARCHAR', 'q': 'VARCHAR',"
                        + " 'r': 'VARCHAR'})",
                "read_csv('" + one + "', auto_detect => false, header => true, columns => {'p': 'BIGINT',"
                        + " 'q': 'VARCHAR', 'r': 'DATE'})");
        try (Database database = Basalt.inMemory(); Session session = database.connect();
             Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            for (String call : calls) {
                List<List<String>> duck = new ArrayList<>();
                List<String> duckNames = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("SELECT * FROM " + call)) {
                    for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                        duckNames.add(result.getMetaData().getColumnName(c));
                    }
                    while (result.next()) {
                        List<String> row = new ArrayList<>();
                        for (int c = 1; c <= duckNames.size(); c++) {
                            String text = result.getString(c);
                            row.add(text == null ? "NULL" : text);
                        }
                        duck.add(row);
                    }
                }
                try (QueryResult result = session.query("SELECT * FROM " + call)) {
                    assertThat(result.columns().stream().map(column -> column.name()).toList()).as(call)
                            .isEqualTo(duckNames);
                }
                assertThat(rows(session, "SELECT * FROM " + call)).as(call).isEqualTo(duck);
            }
        }
    }

    private static void fails(Session session, String sql, SqlState state, String message) {
        assertThatThrownBy(() -> session.execute(sql).close()).as(sql).isInstanceOfSatisfying(BasaltException.class,
                e -> {
                    assertThat(e.sqlState()).as(e.getMessage()).isEqualTo(state);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    private static List<List<String>> rows(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r < result.rowCount(); r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < result.columns().size(); c++) {
                    String text = result.getText(r, c);
                    row.add(text == null ? "NULL" : text);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
