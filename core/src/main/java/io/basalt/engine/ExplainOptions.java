package io.basalt.engine;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.ExplainOption;
import java.util.List;
import java.util.Locale;

/**
 * The options of one EXPLAIN, checked as PostgreSQL checks them: Boolean options take {@code true},
 * {@code false}, {@code on}, {@code off} (any case), {@code 1} or {@code 0}, or nothing (true); FORMAT takes
 * text, json, xml or yaml; TIMING and WAL require ANALYZE; TIMING and SUMMARY default to ANALYZE's value.
 * COSTS (on by default) prints each node's estimate; BUFFERS, WAL and SETTINGS are accepted and change
 * nothing: Basalt has no buffer or WAL counters, and no planner settings to list.
 */
record ExplainOptions(boolean analyze, boolean verbose, boolean summary, boolean costs, boolean timing,
                      String format) {
    static ExplainOptions of(List<ExplainOption> options) {
        boolean analyze = false;
        boolean verbose = false;
        boolean costs = true;
        boolean wal = false;
        Boolean timing = null;
        Boolean summary = null;
        String format = "text";
        for (ExplainOption option : options) {
            switch (option.name()) {
                case "analyze" -> analyze = bool(option);
                case "verbose" -> verbose = bool(option);
                case "costs" -> costs = bool(option);
                case "buffers", "settings" -> bool(option);
                case "wal" -> wal = bool(option);
                case "timing" -> timing = bool(option);
                case "summary" -> summary = bool(option);
                case "format" -> {
                    if (option.value() == null) {
                        throw BasaltException.of(SqlState.SYNTAX_ERROR, option.name() + " requires a parameter");
                    }
                    format = option.value().toLowerCase(Locale.ROOT);
                    if (!List.of("text", "json", "xml", "yaml").contains(format)) {
                        throw BasaltException.at(SqlState.INVALID_PARAMETER_VALUE, option.position(),
                                "unrecognized value for EXPLAIN option \"" + option.name() + "\": \"" + option.value()
                                        + "\"");
                    }
                }
                default -> throw BasaltException.at(SqlState.SYNTAX_ERROR, option.position(),
                        "unrecognized EXPLAIN option \"" + option.name() + "\"");
            }
        }
        if (wal && !analyze) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "EXPLAIN option WAL requires ANALYZE");
        }
        if (timing != null && timing && !analyze) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "EXPLAIN option TIMING requires ANALYZE");
        }
        return new ExplainOptions(analyze, verbose, summary == null ? analyze : summary, costs,
                timing == null ? analyze : timing, format);
    }

    /** PostgreSQL's defGetBoolean, shared with VACUUM and ANALYZE, whose options read alike. */
    static boolean bool(ExplainOption option) {
        String value = option.value();
        if (value == null) {
            return true;
        }
        if (option.numeric()) {
            if (value.equals("0") || value.equals("1")) {
                return value.equals("1");
            }
        } else {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "on" -> {
                    return true;
                }
                case "false", "off" -> {
                    return false;
                }
                default -> {
                    // falls through to the error
                }
            }
        }
        throw BasaltException.of(SqlState.SYNTAX_ERROR, option.name() + " requires a Boolean value");
    }
}
