package io.basalt.engine;

import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.nio.file.Path;

/** Opens databases. (Walking skeleton: being filled in.) */
public final class Engine {
    private Engine() {
    }

    public static Database open(Path path, BasaltConfig config) {
        throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "not yet");
    }
}
