package io.basalt.engine;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import java.nio.file.Path;
import java.util.Random;

/**
 * The process {@link JsonbGinIndexPersistenceTest} halts: opens the database in {@code args[0]}, loads random
 * documents ({@link JsonbGinIndexTest}) into a table with a jsonb_ops and a jsonb_path_ops GIN index, checkpoints
 * them (the data file and its saved indexes), commits more rows, an update and a delete that only the log holds,
 * prints {@code ready} and halts without closing anything, as a crash would.
 */
public final class JsonbGinIndexCrashChild {
    private JsonbGinIndexCrashChild() {
    }

    public static void main(String[] args) {
        Database database = Basalt.open(Path.of(args[0]));
        Session session = database.connect();
        Random random = new Random(11);
        session.execute("CREATE TABLE docs (id int, j jsonb, k jsonb)").close();
        session.execute("CREATE INDEX docs_ops ON docs USING gin (j)").close();
        session.execute("CREATE INDEX docs_path ON docs USING gin (k jsonb_path_ops)").close();
        JsonbGinIndexTest.insertDocuments(session, random, 1, 6000);
        session.execute("CHECKPOINT").close();
        JsonbGinIndexTest.insertDocuments(session, random, 6001, 1500);
        session.execute("UPDATE docs SET j = j || '{\"brand\": \"acme\"}', k = k || '{\"brand\": \"acme\"}'"
                + " WHERE id % 7 = 0 AND jsonb_typeof(j) = 'object'").close();
        session.execute("DELETE FROM docs WHERE id % 13 = 0").close();
        System.out.println("ready");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
