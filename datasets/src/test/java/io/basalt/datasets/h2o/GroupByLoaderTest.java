package io.basalt.datasets.h2o;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.datasets.RecordingSession;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The group-by loader creates table x with the benchmark's column types and appends every row. */
class GroupByLoaderTest {
    @Test
    void createsTableXAndAppendsAllRows() {
        RecordingSession session = new RecordingSession();
        long rows = GroupByLoader.load(session, "x", new GroupByParameters(10_000, 100, 0, false, 108), 3000);
        assertThat(rows).isEqualTo(10_000);
        assertThat(session.statements).containsExactly("CREATE TABLE x (id1 VARCHAR, id2 VARCHAR, id3 VARCHAR, "
                + "id4 INTEGER, id5 INTEGER, id6 INTEGER, v1 INTEGER, v2 INTEGER, v3 DOUBLE PRECISION)");
        assertThat(session.appendedRows).containsExactly(Map.entry("x", 10_000L));
    }
}
