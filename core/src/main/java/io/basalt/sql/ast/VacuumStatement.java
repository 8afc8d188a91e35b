package io.basalt.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code VACUUM [(options)] [FULL] [FREEZE] [VERBOSE] [ANALYZE] [table [(columns)], ...]} and
 * {@code ANALYZE [(options)] [VERBOSE] [table [(columns)], ...]}: {@code vacuum} tells the two apart; the old
 * keyword spellings arrive as options without values ({@code full}, {@code freeze}, {@code verbose},
 * {@code analyze}); no tables means every table. Options are checked when the statement runs.
 */
public record VacuumStatement(boolean vacuum, List<ExplainOption> options, List<Target> tables, int position)
        implements Statement {
    public VacuumStatement {
        options = List.copyOf(options);
        tables = List.copyOf(tables);
    }

    /** One table to process, with the columns to analyze (empty for all). */
    public record Target(QualifiedName name, List<String> columns) {
        public Target {
            requireNonNull(name, "name is null");
            columns = List.copyOf(columns);
        }
    }
}
