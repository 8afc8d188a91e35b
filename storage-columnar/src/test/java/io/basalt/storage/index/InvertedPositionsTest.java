package io.basalt.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Saving and reading back an {@link InvertedPositions}: the positions below the limit written come back with the
 * same posting lists, the index goes on growing from the limit, and damaged input is refused. Its candidates for a
 * conjunction are the intersection of the posting lists, or a superset where a nearly full list is skipped.
 */
class InvertedPositionsTest {
    @Test
    void writtenPositionsBelowTheLimitReadBackAlike() throws IOException {
        Random random = new Random(3);
        InvertedPositions index = new InvertedPositions();
        long[][] rows = new long[5000][];
        for (int position = 0; position < rows.length; position++) {
            int size = random.nextInt(4);
            rows[position] = new long[size];
            for (int i = 0; i < size; i++) {
                rows[position][i] = random.nextInt(300) - 150L; // repeats within a row too
            }
            if (size == 0 && random.nextBoolean()) {
                index.skip();
            } else {
                index.add(rows[position], size);
            }
        }
        for (int limit : new int[] {0, 1, 63, 64, 65, 2048, 4999, 5000}) {
            InvertedPositions read = roundTrip(index, limit);
            assertThat(read.count()).isEqualTo(limit);
            for (long entry = -151; entry <= 150; entry++) {
                long[] expected = Arrays.stream(index.all(new long[] {entry})).filter(p -> p < limit).toArray();
                assertThat(read.all(new long[] {entry})).as("entry %d, limit %d", entry, limit).isEqualTo(expected);
            }
            read.add(new long[] {7, 7}, 2);
            assertThat(read.all(new long[] {7})).endsWith((long) limit);
        }
    }

    @Test
    void candidatesAreTheIntersectionOrASupersetMissingOnlyWhatNearlyFullListsWouldRemove() {
        Random random = new Random(4);
        InvertedPositions index = new InvertedPositions();
        int count = 20_000;
        boolean[][] holds = new boolean[count][4];
        for (int position = 0; position < count; position++) {
            // entry 0 in every position but 20 (which entry 2 holds), 1 in about 30%, 2 in about 3%, 3 in about 50%
            holds[position][0] = position % 1000 != 0;
            holds[position][1] = random.nextInt(10) < 3;
            holds[position][2] = random.nextInt(100) < 3 || position % 1000 == 0;
            holds[position][3] = random.nextBoolean();
            long[] entries = new long[4];
            int size = 0;
            for (int e = 0; e < 4; e++) {
                if (holds[position][e]) {
                    entries[size++] = e;
                }
            }
            index.add(entries, size);
        }
        long[][] queries = {{0}, {0, 1}, {0, 2}, {1, 2}, {0, 1, 2, 3}, {1, 3}, {0, 9}};
        for (long[] wanted : queries) {
            long[] exact = index.all(wanted);
            long[] candidates = index.candidates(wanted);
            for (int position = 0; position < count; position++) {
                boolean all = true;
                for (long entry : wanted) {
                    all &= entry < 4 && holds[position][(int) entry];
                }
                assertThat(Arrays.binarySearch(exact, position) >= 0).isEqualTo(all);
            }
            assertThat(candidates).as("%s", Arrays.toString(wanted)).isSorted();
            for (long position : exact) {
                assertThat(Arrays.binarySearch(candidates, position)).as("%s", Arrays.toString(wanted)).isNotNegative();
            }
            // the dense list 0 (20 positions missing) is skipped beside 1 or 2: what it would remove stays
            long extra = candidates.length - exact.length;
            assertThat(extra).isLessThanOrEqualTo(20);
        }
        assertThat(index.candidates(new long[] {0, 2})).hasSizeGreaterThan(index.all(new long[] {0, 2}).length);
        assertThat(index.candidates(new long[] {1, 2})).isEqualTo(index.all(new long[] {1, 2}));
        assertThat(index.candidates(new long[] {0, 9})).isEmpty();
    }

    @Test
    void damagedInputIsRefused() throws IOException {
        InvertedPositions index = new InvertedPositions();
        index.add(new long[] {1, 2}, 2);
        index.add(new long[] {2}, 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        index.write(new DataOutputStream(bytes), 2);
        byte[] written = bytes.toByteArray();
        byte[] cut = Arrays.copyOf(written, written.length - 1);
        assertThatThrownBy(() -> InvertedPositions.read(new DataInputStream(new ByteArrayInputStream(cut))))
                .isInstanceOf(IOException.class);
        byte[] lowered = written.clone();
        lowered[3] = 1; // the limit: 1 where positions up to 1 are written
        assertThatThrownBy(() -> InvertedPositions.read(new DataInputStream(new ByteArrayInputStream(lowered))))
                .isInstanceOf(IOException.class);
    }

    private static InvertedPositions roundTrip(InvertedPositions index, int limit) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        index.write(new DataOutputStream(bytes), limit);
        return InvertedPositions.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }
}
