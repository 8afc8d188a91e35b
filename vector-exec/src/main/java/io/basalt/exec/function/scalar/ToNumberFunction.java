package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.format.NumberTemplate;
import io.basalt.type.format.NumberTemplateReader;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code to_number(text, template)}: a numeric read from text through a numeric template (compiled once
 * when it is a constant, else once per distinct text in a batch).
 */
public final class ToNumberFunction implements ScalarFunction {
    private final NumberTemplate constantTemplate;

    public ToNumberFunction(NumberTemplate constantTemplate) {
        this.constantTemplate = constantTemplate;
    }

    @Override
    public String name() {
        return "to_number";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        VarCharVector texts = (VarCharVector) arguments[0];
        VarCharVector templates = (VarCharVector) arguments[1];
        FieldVector out = context.newVector(resultType, rows);
        NumberTemplate template = constantTemplate;
        byte[] lastTemplate = null;
        for (int i = 0; i < rows; i++) {
            if (texts.isNull(i) || templates.isNull(i)) {
                continue;
            }
            if (constantTemplate == null) {
                byte[] bytes = templates.get(i);
                if (lastTemplate == null || !java.util.Arrays.equals(bytes, lastTemplate)) {
                    template = NumberTemplate.compile(new String(bytes, StandardCharsets.UTF_8));
                    lastTemplate = bytes;
                }
            }
            ValueAccess.set(out, i, NumberTemplateReader.read(template, new String(texts.get(i), StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ToNumberFunction that && java.util.Objects.equals(constantTemplate, that.constantTemplate);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), constantTemplate);
    }
}
