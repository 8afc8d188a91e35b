package io.basalt.storage.column.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The symbol table's indexed longest match ({@link MatchIndex}) agrees at every position with a scan of the
 * symbols (the reference), for tables trained on several kinds of text, and compressed text decodes back.
 */
class MatchIndexTest {
    @Test
    void indexedMatchEqualsScanEverywhere() {
        Random random = new Random(17);
        String[][] kinds = {
            {"payload ", "1", "2", "3", "4", "5", "6", "7", "8", "9", "0"},
            {"the ", "quick ", "brown ", "fox ", "jumps ", "over ", "lazy ", "dog", "ä", "日本"},
            {"a", "b", "c", "ab", "abc", "abcd", "abcdefgh", "abcdefghi", "\u0000", "\u00ff"},
        };
        for (String[] pieces : kinds) {
            int count = 5000;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int[] offsets = new int[count + 1];
            for (int i = 0; i < count; i++) {
                int parts = random.nextInt(6);
                for (int p = 0; p < parts; p++) {
                    bytes.writeBytes(pieces[random.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8));
                }
                if (random.nextInt(4) == 0) {
                    bytes.write(random.nextInt(256));
                }
                offsets[i + 1] = bytes.size();
            }
            byte[] data = bytes.toByteArray();
            SymbolTable table = SymbolTable.train(data, offsets, count);
            assertThat(table.size()).isPositive();
            for (int position = 0; position < data.length; position++) {
                int end = random.nextInt(8) == 0 ? Math.min(data.length, position + 1 + random.nextInt(3)) : data.length;
                int scanned = table.longestMatchByScan(data, position, end);
                assertThat(table.longestMatch(data, position, end)).as("position %d end %d", position, end)
                        .isEqualTo(scanned);
            }
            byte[] compressed = table.compress(data, 0, data.length);
            byte[] decoded = new byte[data.length + 8];
            table.decompress(compressed, decoded, data.length);
            assertThat(java.util.Arrays.copyOf(decoded, data.length)).isEqualTo(data);
        }
    }
}
