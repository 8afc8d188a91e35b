package io.basalt.cli.conformance;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What the shell printed for one script, and what the runner learned on the way.
 *
 * @param output         standard output and standard error interleaved, as {@code 2>&1} into a file shows them
 * @param sqlStates      the SQLSTATE of each error message the engine raised (see {@link ErrorRecordingSession})
 * @param notes          problems preparing the session (a setting or prerequisite that failed) or running
 *                       the script (the shell itself failed), for the report
 * @param elapsedMillis  wall time of the script itself, without the preparation
 */
public record PlayedScript(String output, Map<String, String> sqlStates, List<String> notes, long elapsedMillis) {
    public PlayedScript {
        requireNonNull(output, "output is null");
        sqlStates = Map.copyOf(sqlStates);
        notes = List.copyOf(notes);
    }
}
