package io.basalt.exec.function.scalar;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.format.NumberTemplate;
import io.basalt.type.format.NumberTemplatePrinter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code to_char(bigint | numeric | real | double precision, template)}: each number printed through the
 * numeric template (compiled once when it is a constant, else once per distinct text in a batch). Integers
 * arrive as bigint; a numeric in any of its representations is read as an exact decimal.
 */
public final class NumberToCharFunction implements ScalarFunction {
    private final LogicalType source;
    private final NumberTemplate constantTemplate;

    /** {@code constantTemplate} is the template compiled ahead when it is a constant, else null. */
    public NumberToCharFunction(LogicalType source, NumberTemplate constantTemplate) {
        this.source = requireNonNull(source, "source is null");
        this.constantTemplate = constantTemplate;
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
        NumberTemplate template = constantTemplate;
        byte[] lastTemplate = null;
        TypeId type = source.id();
        for (int i = 0; i < rows; i++) {
            if (values.isNull(i) || templates.isNull(i)) {
                continue;
            }
            if (constantTemplate == null) {
                byte[] bytes = templates.get(i);
                if (lastTemplate == null || !java.util.Arrays.equals(bytes, lastTemplate)) {
                    template = NumberTemplate.compile(new String(bytes, StandardCharsets.UTF_8));
                    lastTemplate = bytes;
                }
            }
            String text;
            if (type == TypeId.DOUBLE || type == TypeId.REAL) {
                text = NumberTemplatePrinter.print(template, ((Float8Vector) values).get(i), type == TypeId.REAL);
            } else if (type == TypeId.BIGINT) {
                text = NumberTemplatePrinter.print(template, BigDecimal.valueOf(((BigIntVector) values).get(i)));
            } else {
                Object value = source.isScaledLong()
                        ? io.basalt.type.ValueConversion.scaledLongToDecimal(((BigIntVector) values).get(i), source.scale())
                        : ValueAccess.get(values, i);
                if (value instanceof io.basalt.type.NumericSpecial special) {
                    // NaN and the infinities print as float8's do (PostgreSQL gives both the same text)
                    text = NumberTemplatePrinter.print(template, special.doubleValue(), false);
                } else {
                    text = NumberTemplatePrinter.print(template, value instanceof BigDecimal decimal ? decimal : null);
                }
            }
            if (!text.isEmpty()) {
                out.setSafe(i, text.getBytes(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NumberToCharFunction that && source.equals(that.source)
                && java.util.Objects.equals(constantTemplate, that.constantTemplate);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), source, constantTemplate);
    }
}
