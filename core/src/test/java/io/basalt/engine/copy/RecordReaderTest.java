package io.basalt.engine.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.CopyOption;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text and CSV record readers on their own: field splitting, unescaping, NULL, newline styles, the end
 * marker, multi-line CSV records, headers, and the errors with their CONTEXT lines, checked against what
 * PostgreSQL 15 reads from the same bytes.
 */
class RecordReaderTest {
    private static final List<String> TWO = List.of("a", "b");

    @Test
    void textSplitsOnTabsAndReadsTheNullString() {
        assertThat(text("1\tx\n\\N\t\n", TWO)).containsExactly(row("1", "x"), row(null, ""));
    }

    @Test
    void textUnescapesBackslashSequences() {
        assertThat(text("a\\tb\\\\c\\nd\t\\101\\x41\\x4g\\q\\\t\n", TWO))
                .containsExactly(row("a\tb\\c\nd", "AA\u0004gq\t"));
        assertThat(text("\\b\\f\\r\\v\t\\0062\n", TWO)).containsExactly(row("\b\f\r\u000b", "\u00062"));
    }

    @Test
    void textComparesTheNullStringBeforeUnescaping() {
        assertThat(text("\\\\N\tNULL\n", TWO, CopyOption.of("null", "NULL", 1)))
                .containsExactly(row("\\N", null));
    }

    @Test
    void textHandlesEveryNewlineStyleAndAMissingLastNewline() {
        assertThat(text("1\ta\r\n2\tb\r\n", TWO)).containsExactly(row("1", "a"), row("2", "b"));
        assertThat(text("1\ta\r2\tb", TWO)).containsExactly(row("1", "a"), row("2", "b"));
        assertThat(text("1\ta\n2\tb", TWO)).containsExactly(row("1", "a"), row("2", "b"));
    }

    @Test
    void textRejectsACarriageReturnInALineFeedInput() {
        assertThatThrownBy(() -> text("1\ta\n2\tb\rc\n", TWO))
                .isInstanceOfSatisfying(BasaltException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("literal carriage return found in data");
                    assertThat(e.hint()).isEqualTo("Use \"\\r\" to represent carriage return.");
                    assertThat(e.context()).isEqualTo("COPY t, line 2");
                });
    }

    @Test
    void textEndsAtTheEndMarker() {
        assertThat(text("1\ta\n\\.\n2\tb\n", TWO)).containsExactly(row("1", "a"));
        // PostgreSQL 15: a marker at the end of a line ends the data after that line's fields.
        assertThat(text("1\ta\n2\tb\\.\n3\tc\n", TWO)).containsExactly(row("1", "a"), row("2", "b"));
        assertThatThrownBy(() -> text("1\ta\n2\t\\.b\n", TWO)).hasMessage("end-of-copy marker corrupt");
    }

    @Test
    void textReadsAnEscapedNewlineAsData() {
        assertThat(text("1\tx\\\ny\n2\tz\n", TWO)).containsExactly(row("1", "x\ny"), row("2", "z"));
    }

    @Test
    void textReportsMissingAndExtraFieldsWithTheLine() {
        assertThatThrownBy(() -> text("1\ta\n2\n", TWO)).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.BAD_COPY_FILE_FORMAT);
            assertThat(e.getMessage()).isEqualTo("missing data for column \"b\"");
            assertThat(e.context()).isEqualTo("COPY t, line 2: \"2\"");
        });
        assertThatThrownBy(() -> text("1\ta\tb\n", TWO)).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("extra data after last expected column");
            assertThat(e.context()).isEqualTo("COPY t, line 1: \"1\ta\tb\"");
        });
    }

    @Test
    void rowsBeforeAMalformedRecordComeFirst() {
        LineReader lines = new LineReader(input("1\ta\n2\tb\n3\n"));
        RecordReader reader = new TextRecordReader(lines, options(List.of()), "t", TWO);
        FieldBatch batch = new FieldBatch(2, 16);
        assertThat(reader.read(batch, 16)).isEqualTo(2);
        assertThatThrownBy(() -> reader.read(batch, 16)).hasMessage("missing data for column \"b\"");
    }

    @Test
    void contextClipsLongLinesAtOneHundredBytes() {
        String longLine = "x".repeat(150);
        assertThatThrownBy(() -> text(longLine + "\n", TWO)).isInstanceOfSatisfying(BasaltException.class,
                e -> assertThat(e.context()).isEqualTo("COPY t, line 1: \"" + "x".repeat(100) + "...\""));
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] bytes = {'1', '\t', (byte) 0xe9, 'x', '\n'};
        assertThatThrownBy(() -> read(new LineReader(new ByteArrayInputStream(bytes)), false, TWO, List.of()))
                .isInstanceOfSatisfying(BasaltException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.CHARACTER_NOT_IN_REPERTOIRE);
                    assertThat(e.getMessage()).isEqualTo("invalid byte sequence for encoding \"UTF8\": 0xe9 0x78");
                });
        assertThatThrownBy(() -> text("1\t\\0\n", TWO)).hasMessage("invalid byte sequence for encoding \"UTF8\": 0x00");
        assertThat(text("1\t\\303\\251t\u00e9\n", TWO)).containsExactly(row("1", "\u00e9t\u00e9"));
    }

    @Test
    void headerLinesAreSkippedOrMatched() {
        assertThat(text("anything at all\n1\ta\n", TWO, CopyOption.of("header", "true", 1)))
                .containsExactly(row("1", "a"));
        assertThat(text("a\tb\n1\tx\n", TWO, CopyOption.of("header", "match", 1))).containsExactly(row("1", "x"));
        assertThatThrownBy(() -> text("a\tc\n", TWO, CopyOption.of("header", "match", 1)))
                .hasMessage("column name mismatch in header line field 2: got \"c\", expected \"b\"");
        assertThatThrownBy(() -> text("a\t\\N\n", TWO, CopyOption.of("header", "match", 1)))
                .hasMessage("column name mismatch in header line field 2: got null value (\"\\N\"), expected \"b\"");
    }

    @Test
    void csvQuotesDelimitersQuotesAndNewlines() {
        assertThat(csv("1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,x\"y\"z\n", TWO))
                .containsExactly(row("1", "a,b"), row("2", "say \"hi\""), row("3", "two\nlines"), row("4", "xyz"));
    }

    @Test
    void csvTellsNullFromTheEmptyString() {
        assertThat(csv(",\"\"\n", TWO)).containsExactly(row(null, ""));
        assertThat(csv("x,\"x\"\n", TWO, CopyOption.of("null", "x", 1))).containsExactly(row(null, "x"));
    }

    @Test
    void csvForceNotNullAndForceNull() {
        List<String> three = List.of("a", "b", "c");
        assertThat(read(new LineReader(input(",,\"\"\n"), (byte) '"', (byte) '"'), true, three,
                List.of(CopyOption.of("format", "csv", 1)), new boolean[] {true, false, false},
                new boolean[] {false, false, true})).containsExactly(row("", null, null));
    }

    @Test
    void csvWithAnotherEscapeCharacter() {
        assertThat(csv("'it\\'s','back\\\\slash'\n", TWO, CopyOption.of("quote", "'", 1),
                CopyOption.of("escape", "\\", 2))).containsExactly(row("it's", "back\\slash"));
    }

    @Test
    void csvFirstLineEndIsLookedForOutsideQuotes() {
        // The carriage return inside the quotes does not make this a CR input: lines end with LF.
        assertThat(csv("1,\"a\rb\"\n2,\"c\r\nd\"\n", TWO)).containsExactly(row("1", "a\rb"), row("2", "c\r\nd"));
        assertThat(csv("1,\"a\r\nb\"\r\n2,c\r\n", TWO)).containsExactly(row("1", "a\r\nb"), row("2", "c"));
    }

    @Test
    void csvErrors() {
        assertThatThrownBy(() -> csv("1,\"open\n", TWO)).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("unterminated CSV quoted field");
            assertThat(e.context()).isEqualTo("COPY t, line 1: \"1,\"open\n\"");
        });
        assertThatThrownBy(() -> csv("1,a\n2,b\rc\n", TWO)).hasMessage("unquoted carriage return found in data");
    }

    @Test
    void csvEndsAtALoneEndMarker() {
        assertThat(csv("1,a\n\\.\n2,b\n", TWO)).containsExactly(row("1", "a"));
        assertThat(csv("1,a\n\\.x,b\n", TWO)).containsExactly(row("1", "a"), row("\\.x", "b"));
    }

    @Test
    void largeInputsCrossBufferBoundaries() {
        StringBuilder data = new StringBuilder();
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String value = "value-" + i + "-" + "y".repeat(i % 37);
            data.append(i).append('\t').append(value).append("\r\n");
            expected.add(row(Integer.toString(i), value));
        }
        assertThat(text(data.toString(), TWO)).isEqualTo(expected);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static List<List<String>> text(String data, List<String> columns, CopyOption... options) {
        return read(new LineReader(input(data)), false, columns, Arrays.asList(options));
    }

    private static List<List<String>> csv(String data, List<String> columns, CopyOption... options) {
        List<CopyOption> all = new ArrayList<>(Arrays.asList(options));
        all.add(CopyOption.of("format", "csv", 0));
        CopyOptions checked = options(all);
        return read(new LineReader(input(data), checked.quote(), checked.escape()), true, columns, all);
    }

    private static List<List<String>> read(LineReader lines, boolean csv, List<String> columns,
                                           List<CopyOption> options) {
        return read(lines, csv, columns, options, new boolean[columns.size()], new boolean[columns.size()]);
    }

    private static List<List<String>> read(LineReader lines, boolean csv, List<String> columns,
                                           List<CopyOption> options, boolean[] forceNotNull, boolean[] forceNull) {
        CopyOptions checked = options(options);
        RecordReader reader = csv
                ? new CsvRecordReader(lines, checked, "t", columns, forceNotNull, forceNull)
                : new TextRecordReader(lines, checked, "t", columns);
        FieldBatch batch = new FieldBatch(columns.size(), 3);
        List<List<String>> rows = new ArrayList<>();
        // A small batch size, so that batches fill and start again.
        for (int count = reader.read(batch, 3); count > 0; count = reader.read(batch, 3)) {
            for (int row = 0; row < count; row++) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < columns.size(); c++) {
                    values.add(batch.text(row, c));
                }
                rows.add(values);
            }
        }
        return rows;
    }

    private static CopyOptions options(List<CopyOption> options) {
        return CopyOptions.of(options, true);
    }

    private static InputStream input(String data) {
        return new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }
}
