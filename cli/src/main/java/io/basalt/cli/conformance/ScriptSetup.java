package io.basalt.cli.conformance;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a session is prepared before a conformance script runs in it, standing in for what
 * PostgreSQL's test harness arranges outside the script.
 *
 * @param settings      statements run first, their output not shown (e.g. {@code SET TimeZone = ...},
 *                      where the harness sets PGTZ)
 * @param variables     psql variables set as if with {@code -v} (e.g. {@code abs_srcdir}, which the
 *                      scripts read with {@code \getenv} from the harness's environment)
 * @param prerequisites scripts run silently in the same session before this one (e.g. {@code test_setup})
 */
public record ScriptSetup(List<String> settings, Map<String, String> variables, List<Path> prerequisites) {
    public ScriptSetup {
        settings = List.copyOf(settings);
        variables = Map.copyOf(requireNonNull(variables, "variables is null"));
        prerequisites = List.copyOf(prerequisites);
    }
}
