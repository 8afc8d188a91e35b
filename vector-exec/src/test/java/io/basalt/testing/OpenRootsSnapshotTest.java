package io.basalt.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.memory.MemoryRoots;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

/** The snapshot arithmetic behind {@link ArrowLeakCheck}, on descriptions and on real roots. */
class OpenRootsSnapshotTest {

    @Test
    void nothingOpenedSinceAnEqualSnapshot() {
        OpenRootsSnapshot before = OpenRootsSnapshot.of(List.of("db holding 0 bytes"));

        assertThat(before.openedSince(List.of("db holding 4096 bytes"))).isEmpty();
    }

    @Test
    void reportsRootsOpenedAfterTheSnapshotWithTheirBytes() {
        OpenRootsSnapshot before = OpenRootsSnapshot.of(List.of("db holding 0 bytes"));

        List<String> leaked = before.openedSince(List.of("db holding 0 bytes", "query-1 holding 64 bytes"));

        assertThat(leaked).containsExactly("query-1 holding 64 bytes");
    }

    @Test
    void countsRootsOfTheSameName() {
        OpenRootsSnapshot before = OpenRootsSnapshot.of(List.of("db holding 0 bytes"));

        List<String> leaked = before.openedSince(List.of("db holding 0 bytes", "db holding 8 bytes"));

        assertThat(leaked).hasSize(1);
    }

    @Test
    void rootsClosedSinceTheSnapshotAreNotLeaks() {
        OpenRootsSnapshot before = OpenRootsSnapshot.of(List.of("db holding 0 bytes", "old holding 0 bytes"));

        assertThat(before.openedSince(List.of())).isEmpty();
    }

    @Test
    void rootNameIsTheTextBeforeTheByteCount() {
        assertThat(OpenRootsSnapshot.rootName("query holding 12 holding 64 bytes")).isEqualTo("query holding 12");
        assertThat(OpenRootsSnapshot.rootName("unusual")).isEqualTo("unusual");
    }

    @Test
    void seesRealRootsUntilTheyAreClosed() {
        OpenRootsSnapshot before = OpenRootsSnapshot.take();
        try (BufferAllocator root = MemoryRoots.newRoot("snapshot-test", 1 << 20)) {
            try (ArrowBuf buffer = root.buffer(256)) {
                assertThat(buffer.capacity()).isGreaterThanOrEqualTo(256);
                assertThat(before.openedSince()).singleElement().asString().startsWith("snapshot-test holding ");
            }
        }
        assertThat(before.openedSince()).isEmpty();
    }
}
