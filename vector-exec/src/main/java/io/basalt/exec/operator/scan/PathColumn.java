package io.basalt.exec.operator.scan;

import static java.util.Objects.requireNonNull;

import io.basalt.type.LogicalType;
import java.util.List;

/**
 * A value a scan may read from a JSONB column's shredded sub-columns instead of from the documents: the text at an
 * object path ({@code doc->'a'->>'b'}, {@code doc #>> '{a,b}'}), or that text cast to {@code type} (integers, boolean,
 * double precision). A source that supports them ({@link ScanSource#withPathColumns}) adds two columns per path
 * column: the values it could take from a row group's typed sub-column ({@code type}; NULL where it could not), and
 * the documents of the rows it could not (JSONB; NULL where it could, or where every extraction of the path gives
 * NULL). The reader combines them: the value where there is one, otherwise the original expression evaluated on the
 * document ({@code io.basalt.exec.function.json.PathValueFunction}), so that results and errors are those of the
 * expression on every row.
 */
public record PathColumn(int column, List<String> keys, LogicalType type) {
    public PathColumn {
        keys = List.copyOf(keys);
        requireNonNull(type, "type is null");
    }
}
