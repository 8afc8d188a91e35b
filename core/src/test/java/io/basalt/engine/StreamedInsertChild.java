package io.basalt.engine;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.nio.file.Path;

/**
 * The process {@link StreamedInsertTest#aLargeInsertRunsInASmallHeap} starts with a small heap: opens the database in
 * {@code args[0]} and in one transaction inserts {@code args[1]} rows by INSERT ... SELECT, reads them back before
 * COMMIT (count and sum) and after it, printing both summaries and the JVM's peak heap use in MB.
 */
public final class StreamedInsertChild {
    private StreamedInsertChild() {
    }

    public static void main(String[] args) {
        long rows = Long.parseLong(args[1]);
        try (Database database = Basalt.open(Path.of(args[0])); Session session = database.connect()) {
            session.execute("CREATE TABLE big (i bigint, b int, t text)").close();
            session.execute("BEGIN").close();
            session.execute("INSERT INTO big SELECT i, i % 7, 'row ' || i FROM generate_series(1, " + rows + ") i")
                    .close();
            String before = summary(session);
            session.execute("COMMIT").close();
            System.out.println(before);
            System.out.println(summary(session));
        }
        long peak = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("peak heap MB " + peak / (1 << 20));
    }

    private static String summary(Session session) {
        try (QueryResult result = session.query("SELECT count(*) || ' ' || sum(i) || ' ' || sum(b) || ' '"
                + " || count(*) FILTER (WHERE t = 'row ' || i) FROM big")) {
            return result.getText(0, 0);
        }
    }
}
