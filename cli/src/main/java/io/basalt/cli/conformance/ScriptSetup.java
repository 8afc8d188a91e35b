package io.basalt.cli.conformance;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a session is prepared before a conformance script runs in it, standing in for what
 * PostgreSQL's test harness arranges outside the script.
 *
 * @param settings      configuration parameters the session starts with and RESET returns to, as the
 *                      harness's connection options set them (TimeZone from PGTZ, DateStyle from PGDATESTYLE)
 * @param variables     psql variables set as if with {@code -v} (e.g. {@code HIDE_TABLEAM})
 * @param environment   the environment {@code \getenv} reads in place of the process's (e.g.
 *                      {@code PG_ABS_SRCDIR}, which pg_regress exports for the scripts)
 * @param prerequisites scripts run silently in the same session before this one (e.g. {@code test_setup})
 */
public record ScriptSetup(Map<String, String> settings, Map<String, String> variables, Map<String, String> environment,
                          List<Path> prerequisites) {
    public ScriptSetup {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        variables = Map.copyOf(requireNonNull(variables, "variables is null"));
        environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        prerequisites = List.copyOf(prerequisites);
    }
}
