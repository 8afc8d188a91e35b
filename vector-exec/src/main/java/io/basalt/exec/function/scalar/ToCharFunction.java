package io.basalt.exec.function.scalar;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.datetime.Calendar;
import io.basalt.type.datetime.DateTimeSettings;
import io.basalt.type.datetime.DateTimeValues;
import io.basalt.type.datetime.ZoneAbbreviation;
import io.basalt.type.format.BrokenDownTime;
import io.basalt.type.format.DateTimeTemplate;
import io.basalt.type.format.DateTimeTemplatePrinter;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code to_char(timestamp | timestamptz | interval, template)}: each value printed through the template
 * (compiled once when it is a constant, else once per distinct text in a batch). A timestamptz is shown in
 * the session's zone captured when the plan was built; infinite values and a NULL template give NULL, as in
 * PostgreSQL.
 */
public final class ToCharFunction implements ScalarFunction {
    private final TypeId source;
    private final DateTimeTemplate constantTemplate;
    private final DateTimeSettings settings;

    /** {@code constantTemplate} is the template compiled ahead when it is a constant, else null. */
    public ToCharFunction(TypeId source, DateTimeTemplate constantTemplate, DateTimeSettings settings) {
        this.source = requireNonNull(source, "source is null");
        this.constantTemplate = constantTemplate;
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public String name() {
        return "to_char";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector values = arguments[0];
        VarCharVector templates = (VarCharVector) arguments[1];
        VarCharVector out = (VarCharVector) context.newVector(resultType, rows);
        BrokenDownTime time = new BrokenDownTime();
        StringBuilder text = new StringBuilder(32);
        DateTimeTemplate template = constantTemplate;
        byte[] lastTemplate = null;
        for (int i = 0; i < rows; i++) {
            if (values.isNull(i) || templates.isNull(i)) {
                continue;
            }
            if (constantTemplate == null) {
                byte[] bytes = templates.get(i);
                if (lastTemplate == null || !java.util.Arrays.equals(bytes, lastTemplate)) {
                    template = DateTimeTemplate.compile(new String(bytes, StandardCharsets.UTF_8));
                    lastTemplate = bytes;
                }
            }
            if (!breakDown(values, i, time)) {
                continue;
            }
            text.setLength(0);
            DateTimeTemplatePrinter.print(template, time, text);
            if (text.isEmpty()) {
                // PostgreSQL returns NULL for an empty result.
                continue;
            }
            out.setSafe(i, text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Takes row {@code i} apart into {@code time}; false for an infinite value, which prints as NULL. */
    private boolean breakDown(FieldVector values, int i, BrokenDownTime time) {
        switch (source) {
            case TIMESTAMP -> {
                long micros = ((BigIntVector) values).get(i);
                if (!Calendar.isFiniteTimestamp(micros)) {
                    return false;
                }
                time.setTimestamp(micros);
                time.hasZone = false;
            }
            case TIMESTAMPTZ -> {
                long micros = ((BigIntVector) values).get(i);
                if (!Calendar.isFiniteTimestamp(micros)) {
                    return false;
                }
                int offset = DateTimeValues.offsetAt(micros, settings.zone());
                time.setTimestamp(micros + offset * 1_000_000L);
                time.hasZone = true;
                time.offsetSeconds = offset;
                time.zoneAbbreviation = ZoneAbbreviation.of(settings, micros);
            }
            case INTERVAL -> {
                Interval interval = Interval.fromBytes(((FixedSizeBinaryVector) values).get(i));
                if (!interval.isFinite()) {
                    return false;
                }
                time.setInterval(interval);
            }
            default -> throw io.basalt.error.BasaltException.internal("to_char of " + source);
        }
        return true;
    }

    /** Value equality: two calls with the same source type, template and settings are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ToCharFunction that && source == that.source
                && java.util.Objects.equals(constantTemplate, that.constantTemplate) && settings.equals(that.settings);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), source, constantTemplate, settings);
    }
}
