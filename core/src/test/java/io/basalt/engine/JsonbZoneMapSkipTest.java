package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.storage.column.shred.JsonbShredding;
import io.basalt.storage.table.PathScanStatistics;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zone maps of shredded JSONB sub-columns alone skip row groups: issue #10's
 * {@code (attributes->'specs'->>'ram')::int > 16} and {@code attributes->>'brand' = 'x'} over three row groups of which
 * two cannot match are answered with exactly those two ruled out by their sub-columns' zone maps
 * ({@link PathScanStatistics#rowGroupsSkippedByZoneMaps}), none when every group may match or when shredding is off,
 * and the counts are those of the same queries reading the documents (shredding off).
 */
class JsonbZoneMapSkipTest {
    private static final int GROUP_ROWS = 122_880;

    @TempDir
    Path directory;

    @AfterEach
    void shreddingBackOn() {
        System.clearProperty(JsonbShredding.PROPERTY);
    }

    @Test
    void pathPredicatesSkipTheRowGroupsTheirZoneMapsRuleOut() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            session.execute("CREATE TABLE products (id int, attributes jsonb)").close();
            // row groups 0 and 1: brands a0..a4 / b0..b4, ram 4, 8 or 16; row group 2: brand x in a quarter of the
            // rows (c0..c4 elsewhere), ram 32 or 64
            session.execute("INSERT INTO products SELECT g, jsonb_build_object("
                    + "'brand', CASE WHEN g < " + GROUP_ROWS + " THEN 'a' || (g % 5)"
                    + " WHEN g < " + 2 * GROUP_ROWS + " THEN 'b' || (g % 5)"
                    + " WHEN g % 4 = 0 THEN 'x' ELSE 'c' || (g % 5) END,"
                    + " 'specs', jsonb_build_object('ram', CASE WHEN g < " + 2 * GROUP_ROWS
                    + " THEN 4 << (g % 3) ELSE 32 << (g % 2) END))"
                    + " FROM generate_series(0, " + (3 * GROUP_ROWS - 1) + ") g").close();
            session.execute("CHECKPOINT").close();
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            String ram = "SELECT count(*) FROM products WHERE (attributes->'specs'->>'ram')::int > 16";
            String brand = "SELECT count(*) FROM products WHERE attributes->>'brand' = 'x'";
            String everyGroup = "SELECT count(*) FROM products WHERE (attributes->'specs'->>'ram')::int >= 16";
            assertThat(skipped(session, ram, "122880")).isEqualTo(2);
            assertThat(skipped(session, brand, "30720")).isEqualTo(2);
            assertThat(skipped(session, everyGroup, "204800")).as("16 lies in every group").isZero();

            System.setProperty(JsonbShredding.PROPERTY, "off");
            assertThat(skipped(session, ram, "122880")).as("documents read").isZero();
            assertThat(skipped(session, brand, "30720")).as("documents read").isZero();
            assertThat(skipped(session, everyGroup, "204800")).as("documents read").isZero();
        }
    }

    /** Runs {@code sql} (a count), checks the count, and returns how many row groups zone maps skipped meanwhile. */
    private static long skipped(Session session, String sql, String count) {
        long before = PathScanStatistics.rowGroupsSkippedByZoneMaps();
        try (QueryResult result = session.query(sql)) {
            assertThat(result.rowCount()).isEqualTo(1);
            assertThat(result.getText(0, 0)).as(sql).isEqualTo(count);
        }
        return PathScanStatistics.rowGroupsSkippedByZoneMaps() - before;
    }
}
