package io.basalt.exec.operator.scan;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.kernel.CompareOp;
import java.util.List;

/**
 * A simple condition on one stored column that a scan may use to skip whole row groups by their zone maps (the
 * smallest and largest value and the NULL count of each column chunk). It never replaces the filter: the planner
 * keeps the full condition above the scan, so a source may ignore any predicate, and one that prunes must only skip
 * row groups where no row can satisfy it. {@code column} indexes the source's columns; values are the Java values
 * {@code ValueAccess.get} returns for the column's type.
 */
public sealed interface ScanPredicate {
    /** The source column the predicate reads. */
    int column();

    /** {@code column <operator> value}, value not null ({@code <>} is never pushed: it cannot skip a group). */
    record Compare(int column, CompareOp operator, Object value) implements ScanPredicate {
        public Compare {
            requireNonNull(operator, "operator is null");
            requireNonNull(value, "value is null");
        }
    }

    /** {@code column IN (values)}, the values not null. */
    record InList(int column, List<Object> values) implements ScanPredicate {
        public InList {
            values = List.copyOf(values);
        }
    }

    /** {@code column IS NULL}, or with {@code negated} {@code column IS NOT NULL}. */
    record IsNull(int column, boolean negated) implements ScanPredicate {
    }

    /** {@code column LIKE 'prefix%'} on a text column: the UTF-8 bytes every matching value starts with. */
    record Prefix(int column, byte[] prefix) implements ScanPredicate {
        public Prefix {
            prefix = prefix.clone();
        }
    }

    /**
     * A jsonb test an inverted (GIN) index of the column can narrow to candidate rows: {@code column @> operand}
     * (CONTAINS, the pattern's jsonb encoding as {@code byte[]}), {@code column ? operand} (EXISTS, a String), or
     * {@code ?|} / {@code ?&} (EXISTS_ANY / EXISTS_ALL, a {@code List<String>} without NULLs). Zone maps skip nothing
     * by it. {@code preferIndex}: use an index even where reading every row looks cheaper (enable_seqscan is off).
     */
    record JsonbMatch(int column, JsonbMatchKind kind, Object operand, boolean preferIndex) implements ScanPredicate {
        public JsonbMatch {
            requireNonNull(kind, "kind is null");
            requireNonNull(operand, "operand is null");
        }
    }

    /**
     * The operators of {@link JsonbMatch}; PATH_EXISTS and PATH_MATCH are {@code @?} and {@code @@} with a constant
     * jsonpath (its text as the operand, a String).
     */
    enum JsonbMatchKind { CONTAINS, EXISTS, EXISTS_ANY, EXISTS_ALL, PATH_EXISTS, PATH_MATCH }

    /**
     * A condition on the key of an index over an expression that the table store keeps (CREATE INDEX ... ((expr))),
     * named {@code indexName}: {@code key <operator> value} with one value, or with EQ and several values
     * {@code key IN (values)}; the values are not null and of the key's Java type. No stored column holds the key, so
     * {@link #column} is -1 and zone maps skip nothing by it; the store may read only the rows the index names.
     * {@code preferIndex}: use the index even where reading every row looks cheaper (enable_seqscan is off).
     */
    record IndexKey(String indexName, CompareOp operator, List<Object> values, boolean preferIndex)
            implements ScanPredicate {
        public IndexKey {
            requireNonNull(indexName, "indexName is null");
            requireNonNull(operator, "operator is null");
            values = List.copyOf(values);
        }

        @Override
        public int column() {
            return -1;
        }
    }

    /**
     * {@code key @@ query} on the key of a GIN index over a tsvector expression or column that the table store keeps,
     * named {@code indexName}; {@code query} is the constant tsquery's text. Like {@link IndexKey} it reads no stored
     * column ({@link #column} is -1) and zone maps skip nothing by it; the store may read only the rows whose
     * lexemes can satisfy the query. {@code preferIndex}: use the index even where reading every row looks cheaper.
     */
    record TextSearchKey(String indexName, String query, boolean preferIndex) implements ScanPredicate {
        public TextSearchKey {
            requireNonNull(indexName, "indexName is null");
            requireNonNull(query, "query is null");
        }

        @Override
        public int column() {
            return -1;
        }
    }
}
