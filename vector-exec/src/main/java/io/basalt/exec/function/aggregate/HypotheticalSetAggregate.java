package io.basalt.exec.function.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.type.LogicalType;
import java.util.Arrays;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * The hypothetical-set aggregates {@code rank(h)}, {@code dense_rank(h)}, {@code percent_rank(h)} and
 * {@code cume_dist(h)} {@code WITHIN GROUP (ORDER BY x)}: where a row with value h would land among the group's
 * rows sorted by x, as the window functions of those names would rank it had it been added. Arguments: x, then
 * h (the same for every row of a group, as PostgreSQL requires of direct arguments). NULLs of x count as rows and
 * sort last, or first under DESC or NULLS FIRST; a NULL h sorts as a NULL x does. The group's values are kept
 * (as the other ordered-set aggregates keep them) and sorted once at the end.
 */
public record HypotheticalSetAggregate(Kind kind, boolean descending, boolean nullsFirst, LogicalType argumentType)
        implements AggregateFunction {
    /** Which of the four, by its SQL name. */
    public enum Kind {
        RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST;

        public String sqlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public HypotheticalSetAggregate {
        requireNonNull(kind, "kind is null");
        requireNonNull(argumentType, "argumentType is null");
    }

    @Override
    public String name() {
        return kind.sqlName();
    }

    @Override
    public LogicalType resultType() {
        return kind == Kind.RANK || kind == Kind.DENSE_RANK ? LogicalType.BIGINT : LogicalType.DOUBLE;
    }

    @Override
    public GroupedAggregateState newState() {
        return new State();
    }

    private static final byte UNSEEN = 0;
    private static final byte VALUE = 1;
    private static final byte NULL = 2;

    private final class State implements GroupedAggregateState {
        private final GroupedValues values = new GroupedValues(GroupedValues.formOf(argumentType));
        private final GroupedValues hypotheses = new GroupedValues(GroupedValues.formOf(argumentType));
        private long[] nullCounts = new long[16];
        private byte[] hypothesisState = new byte[16];

        @Override
        public void ensureGroups(int groupCount) {
            if (groupCount > nullCounts.length) {
                int size = Math.max(groupCount, nullCounts.length * 2);
                nullCounts = Arrays.copyOf(nullCounts, size);
                hypothesisState = Arrays.copyOf(hypothesisState, size);
            }
            values.ensure(groupCount);
            hypotheses.ensure(groupCount);
        }

        @Override
        public void updateArguments(FieldVector[] arguments, int[] groupIds, int rows) {
            FieldVector sorted = arguments[0];
            FieldVector hypothesis = arguments[1];
            for (int i = 0; i < rows; i++) {
                int g = groupIds[i];
                if (sorted.isNull(i)) {
                    nullCounts[g]++;
                }
                if (hypothesisState[g] == UNSEEN) {
                    if (hypothesis.isNull(i)) {
                        hypothesisState[g] = NULL;
                    } else {
                        hypothesisState[g] = VALUE;
                        hypotheses.addRow(hypothesis, i, g);
                    }
                }
            }
            values.add(sorted, groupIds, rows);
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            throw BasaltException.internal(name() + " needs its hypothetical argument");
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            throw BasaltException.internal(name() + " needs its hypothetical argument");
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            State theirs = (State) other;
            for (int g = 0; g < otherGroups; g++) {
                int mine = mapping[g];
                nullCounts[mine] += theirs.nullCounts[g];
                if (hypothesisState[mine] == UNSEEN && theirs.hypothesisState[g] != UNSEEN) {
                    hypothesisState[mine] = theirs.hypothesisState[g];
                    if (theirs.hypothesisState[g] == VALUE) {
                        hypotheses.addFirstOf(theirs.hypotheses, g, mine);
                    }
                }
            }
            values.merge(theirs.values, mapping, otherGroups);
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            for (int g = 0; g < groupCount; g++) {
                int count = values.size(g);
                long nulls = nullCounts[g];
                long before;
                long peers;
                long distinctBefore;
                if (hypothesisState[g] == VALUE) {
                    values.sort(g);
                    before = nullsFirst ? nulls : 0;
                    distinctBefore = nullsFirst && nulls > 0 ? 1 : 0;
                    peers = 0;
                    for (int i = 0; i < count; i++) {
                        int order = values.compare(g, i, hypotheses, g, 0);
                        boolean precedes = descending ? order > 0 : order < 0;
                        if (precedes) {
                            before++;
                            if (i == 0 || !values.sameAt(g, i - 1, i)) {
                                distinctBefore++;
                            }
                        } else if (order == 0) {
                            peers++;
                        }
                    }
                } else if (nullsFirst) {
                    before = 0;
                    distinctBefore = 0;
                    peers = nulls;
                } else {
                    values.sort(g);
                    before = count;
                    distinctBefore = 0;
                    for (int i = 0; i < count; i++) {
                        if (i == 0 || !values.sameAt(g, i - 1, i)) {
                            distinctBefore++;
                        }
                    }
                    peers = nulls;
                }
                long total = count + nulls;
                switch (kind) {
                    case RANK -> ((BigIntVector) out).setSafe(g, before + 1);
                    case DENSE_RANK -> ((BigIntVector) out).setSafe(g, distinctBefore + 1);
                    case PERCENT_RANK -> ((Float8Vector) out).setSafe(g, total == 0 ? 0.0 : (double) before / total);
                    case CUME_DIST -> ((Float8Vector) out).setSafe(g, (double) (before + peers + 1) / (total + 1));
                }
            }
        }
    }
}
