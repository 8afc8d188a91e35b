package io.basalt.engine;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import java.nio.file.Path;
import java.util.Random;

/**
 * The process {@link JsonbShreddingCrashTest} kills: opens the database in {@code args[0]}, loads random documents
 * ({@link JsonbShreddingTest}), checkpoints them into a data file with shredded sub-columns, commits more rows and a
 * delete that only the log holds, prints {@code ready} and halts without closing anything, as a crash would.
 */
public final class JsonbShreddingCrashChild {
    private JsonbShreddingCrashChild() {
    }

    public static void main(String[] args) {
        Database database = Basalt.open(Path.of(args[0]));
        Session session = database.connect();
        Random random = new Random(7);
        session.execute("CREATE TABLE r (id int, doc jsonb)").close();
        JsonbShreddingTest.insertRandom(session, random, 0, 10_000);
        session.execute("CHECKPOINT").close();
        JsonbShreddingTest.insertRandom(session, random, 10_000, 2_000);
        session.execute("DELETE FROM r WHERE id % 89 = 0").close();
        System.out.println("ready");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
