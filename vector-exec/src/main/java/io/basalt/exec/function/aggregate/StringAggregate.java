package io.basalt.exec.function.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.type.LogicalType;
import java.util.Arrays;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code string_agg(value, delimiter)} over text (or bytea): the non-null values in input order, each but
 * the first preceded by its own row's delimiter (a NULL delimiter adds nothing); NULL when no value is
 * non-null. A group keeps its bytes with the first value's delimiter still in front, and how long that
 * delimiter is, so that a partial state from another worker can be appended with its own delimiter and
 * the leading one is dropped only when the result is written.
 */
public record StringAggregate(LogicalType argumentType) implements AggregateFunction {
    public StringAggregate {
        requireNonNull(argumentType, "argumentType is null");
    }

    @Override
    public String name() {
        return "string_agg";
    }

    @Override
    public LogicalType resultType() {
        return argumentType;
    }

    @Override
    public GroupedAggregateState newState() {
        return new State();
    }

    private static final byte[] EMPTY = new byte[0];

    private static final class State implements GroupedAggregateState {
        private byte[][] buffers = new byte[16][];
        private int[] lengths = new int[16];
        private int[] leadingDelimiters = new int[16];

        @Override
        public void ensureGroups(int groupCount) {
            if (groupCount > lengths.length) {
                int size = Math.max(groupCount, lengths.length * 2);
                buffers = Arrays.copyOf(buffers, size);
                lengths = Arrays.copyOf(lengths, size);
                leadingDelimiters = Arrays.copyOf(leadingDelimiters, size);
            }
        }

        /** Appends {@code length} bytes of {@code source} from {@code offset} to group {@code g}'s buffer. */
        private void append(int g, byte[] source, int offset, int length) {
            byte[] buffer = buffers[g];
            int needed = lengths[g] + length;
            if (buffer.length < needed) {
                buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
                buffers[g] = buffer;
            }
            System.arraycopy(source, offset, buffer, lengths[g], length);
            lengths[g] = needed;
        }

        @Override
        public void updateArguments(FieldVector[] arguments, int[] groupIds, int rows) {
            BaseVariableWidthVector values = (BaseVariableWidthVector) arguments[0];
            BaseVariableWidthVector delimiters = (BaseVariableWidthVector) arguments[1];
            for (int i = 0; i < rows; i++) {
                if (values.isNull(i)) {
                    continue;
                }
                int g = groupIds[i];
                byte[] delimiter = delimiters.isNull(i) ? EMPTY : delimiters.get(i);
                if (buffers[g] == null) {
                    buffers[g] = new byte[32];
                    leadingDelimiters[g] = delimiter.length;
                }
                append(g, delimiter, 0, delimiter.length);
                byte[] value = values.get(i);
                append(g, value, 0, value.length);
            }
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            throw BasaltException.internal("string_agg needs two arguments");
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            throw BasaltException.internal("string_agg needs two arguments");
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            State theirs = (State) other;
            for (int g = 0; g < otherGroups; g++) {
                if (theirs.buffers[g] == null) {
                    continue;
                }
                int target = mapping[g];
                if (buffers[target] == null) {
                    buffers[target] = Arrays.copyOf(theirs.buffers[g], Math.max(theirs.lengths[g], 32));
                    lengths[target] = theirs.lengths[g];
                    leadingDelimiters[target] = theirs.leadingDelimiters[g];
                } else {
                    append(target, theirs.buffers[g], 0, theirs.lengths[g]);
                }
            }
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            BaseVariableWidthVector vector = (BaseVariableWidthVector) out;
            for (int g = 0; g < groupCount; g++) {
                if (buffers[g] == null) {
                    vector.setNull(g);
                } else {
                    int skip = leadingDelimiters[g];
                    vector.setSafe(g, buffers[g], skip, lengths[g] - skip);
                }
            }
        }
    }
}
