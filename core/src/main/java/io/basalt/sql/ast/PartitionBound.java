package io.basalt.sql.ast;

import java.util.List;

/**
 * The bound of one partition: {@code FOR VALUES FROM (...) TO (...)}, {@code FOR VALUES IN (...)},
 * {@code FOR VALUES WITH (MODULUS m, REMAINDER r)} or {@code DEFAULT}. Range bound values may be the column
 * references {@code minvalue} and {@code maxvalue}, which stand for the unbounded ends, as in PostgreSQL's grammar.
 */
public sealed interface PartitionBound {
    int position();

    /** {@code FOR VALUES FROM (from) TO (to)}. */
    record Range(List<Expression> from, List<Expression> to, int position) implements PartitionBound {
        public Range {
            from = List.copyOf(from);
            to = List.copyOf(to);
        }
    }

    /** {@code FOR VALUES IN (values)}. */
    record In(List<Expression> values, int position) implements PartitionBound {
        public In {
            values = List.copyOf(values);
        }
    }

    /** {@code FOR VALUES WITH (MODULUS modulus, REMAINDER remainder)}. */
    record Hash(long modulus, long remainder, int position) implements PartitionBound {
    }

    /** {@code DEFAULT}: the rows no other partition takes. */
    record Default(int position) implements PartitionBound {
    }
}
