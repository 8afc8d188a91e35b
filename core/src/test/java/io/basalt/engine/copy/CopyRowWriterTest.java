package io.basalt.engine.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.sql.ast.CopyOption;
import io.basalt.type.LogicalType;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/** COPY TO's text and CSV output, compared with what PostgreSQL 15 writes for the same values. */
class CopyRowWriterTest {
    @Test
    void textEscapesBackslashDelimiterAndControlCharacters() throws IOException {
        assertThat(write(List.of(CopyOption.of("format", "text", 0)), false,
                "a\tb\\c\nd\re\bf\fg\u000bh", null))
                .isEqualTo("a\\tb\\\\c\\nd\\re\\bf\\fg\\vh\t\\N\n");
        assertThat(write(List.of(CopyOption.of("delimiter", ",", 0), CopyOption.of("null", "NULL", 0)), false,
                "x,y", null)).isEqualTo("x\\,y,NULL\n");
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() throws IOException {
        List<CopyOption> csv = List.of(CopyOption.of("format", "csv", 0));
        assertThat(write(csv, false, "plain", "a,b")).isEqualTo("plain,\"a,b\"\n");
        assertThat(write(csv, false, "say \"hi\"", "two\nlines")).isEqualTo("\"say \"\"hi\"\"\",\"two\nlines\"\n");
        assertThat(write(csv, false, "", null)).isEqualTo("\"\",\n");
        assertThat(write(csv, false, "\\.", "x")).isEqualTo("\\.,x\n");
    }

    @Test
    void csvForceQuoteAndOtherQuoteAndEscape() throws IOException {
        List<CopyOption> options = List.of(CopyOption.of("format", "csv", 0), CopyOption.of("quote", "'", 0),
                CopyOption.of("escape", "\\", 0));
        assertThat(write(options, true, "it's", "back\\slash")).isEqualTo("'it\\'s','back\\\\slash'\n");
        assertThat(write(options, false, "it's", "back\\slash")).isEqualTo("'it\\'s',back\\slash\n");
    }

    @Test
    void headerLine() throws IOException {
        StringWriter out = new StringWriter();
        CopyOptions options = CopyOptions.of(List.of(CopyOption.of("format", "csv", 0)), false);
        new CopyRowWriter(options, out, new boolean[2]).writeHeader(List.of("id", "with, comma"));
        assertThat(out.toString()).isEqualTo("id,\"with, comma\"\n");
    }

    private static String write(List<CopyOption> options, boolean forceQuote, String first, String second)
            throws IOException {
        CopyOptions checked = CopyOptions.of(options, false);
        StringWriter out = new StringWriter();
        try (BufferAllocator allocator = new RootAllocator()) {
            List<FieldVector> columns = new ArrayList<>();
            try {
                for (String value : Arrays.asList(first, second)) {
                    FieldVector vector = ValueAccess.allocate(LogicalType.TEXT, "c", allocator, 1);
                    columns.add(vector);
                    ValueAccess.set(vector, 0, value);
                    vector.setValueCount(1);
                }
                new CopyRowWriter(checked, out, new boolean[] {forceQuote, forceQuote}).writeRows(columns, 1);
            } finally {
                for (FieldVector vector : columns) {
                    vector.close();
                }
            }
        }
        return out.toString();
    }
}
