package io.basalt.sequence;

import static java.util.Objects.requireNonNull;

import io.basalt.catalog.SequenceEntry;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.plan.expression.VolatileFunction;
import io.basalt.type.LogicalType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code nextval}, {@code currval} and {@code setval} of one session ({@link SessionSequences}). The sequence is
 * either fixed when the call is bound (a constant name, as PostgreSQL resolves a regclass constant) or named per
 * row by the first argument, a text. setval's further arguments are the value (bigint) and, optionally, is_called
 * (boolean). A NULL argument gives NULL, as the functions are strict.
 *
 * <p>Not a pure function: nextval and setval change the sequence once per row, in row order, so the planner must
 * never evaluate a call once for many rows (constant folding treats no call of these as constant). Rows are
 * processed one at a time; each step takes the sequence's lock, which is cheap next to the work a sequence value
 * usually feeds (an inserted row).
 */
public final class SequenceFunction implements VolatileFunction {
    /** Which of the three functions. */
    public enum Kind {
        NEXTVAL, CURRVAL, SETVAL
    }

    private final Kind kind;
    private final SequenceEntry fixed;
    private final SessionSequences session;

    /** @param fixed the sequence, or null when the first argument names it per row */
    public SequenceFunction(Kind kind, SequenceEntry fixed, SessionSequences session) {
        this.kind = requireNonNull(kind, "kind is null");
        this.fixed = fixed;
        this.session = requireNonNull(session, "session is null");
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + (fixed == null ? "" : "('" + fixed.name() + "')");
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        BigIntVector out = (BigIntVector) context.newVector(LogicalType.BIGINT, rows);
        int first = fixed == null ? 1 : 0;
        VarCharVector names = fixed == null ? (VarCharVector) arguments[0] : null;
        BigIntVector values = kind == Kind.SETVAL ? (BigIntVector) arguments[first] : null;
        BitVector called = kind == Kind.SETVAL && arguments.length > first + 1 ? (BitVector) arguments[first + 1]
                : null;
        // A text argument usually repeats one name: look it up again only when it changes.
        String lastName = null;
        SequenceEntry lastSequence = null;
        for (int r = 0; r < rows; r++) {
            SequenceEntry sequence = fixed;
            if (names != null) {
                if (names.isNull(r)) {
                    out.setNull(r);
                    continue;
                }
                String name = new String(names.get(r), StandardCharsets.UTF_8);
                if (!name.equals(lastName)) {
                    lastSequence = SequenceNames.resolve(session.catalog(), name);
                    lastName = name;
                }
                sequence = lastSequence;
            }
            switch (kind) {
                case NEXTVAL -> out.set(r, session.nextval(sequence));
                case CURRVAL -> out.set(r, session.currval(sequence));
                case SETVAL -> {
                    if (values.isNull(r) || (called != null && called.isNull(r))) {
                        out.setNull(r);
                    } else {
                        out.set(r, session.setval(sequence, values.get(r), called == null || called.get(r) == 1));
                    }
                }
            }
        }
        out.setValueCount(rows);
        return out;
    }
}
