package io.basalt.exec.function.json;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Reads a path column of a scan ({@link io.basalt.exec.operator.scan.PathColumn}): its arguments are the values the
 * scan took from a shredded sub-column and the documents it could not take a value for. Where a value is there it
 * is the result; elsewhere {@code fallback} (the extraction as written, reading the document as column 0) is
 * evaluated on the documents, so a row the sub-column does not cover gives exactly what it gave before, error
 * included. A batch whose documents are all NULL (every row covered, the usual case) returns the values vector as
 * it is, and one without values (no sub-column) the extraction's result.
 */
public final class PathValueFunction implements ScalarFunction {
    private final PhysicalExpression fallback;
    private final String description;
    private final Object extraction;
    private final Object standsFor;

    /**
     * {@code description}: the extraction in short, e.g. {@code doc #>> '{specs,ram}'}; {@code extraction}: the
     * extraction as the planner bound it, over the table's columns, which plans print and the planner's estimates
     * read (opaque here).
     */
    public PathValueFunction(PhysicalExpression fallback, String description, Object extraction) {
        this(fallback, description, extraction, null);
    }

    private PathValueFunction(PhysicalExpression fallback, String description, Object extraction, Object standsFor) {
        this.fallback = requireNonNull(fallback, "fallback is null");
        this.description = requireNonNull(description, "description is null");
        this.extraction = requireNonNull(extraction, "extraction is null");
        this.standsFor = standsFor;
    }

    /** The extraction as the planner bound it, over the table's columns. */
    public Object extraction() {
        return extraction;
    }

    /**
     * This read standing for the condition {@code condition} as written (over the table's columns, opaque here): a
     * whole-document test such as {@code doc @> '{"k": 1}'} that the planner answers with conditions on path reads,
     * which plans print as the condition written, once for all the reads standing for it.
     */
    public PathValueFunction standingFor(Object condition) {
        return new PathValueFunction(fallback, description, extraction, requireNonNull(condition, "condition is null"));
    }

    /** The condition as written that this read stands for ({@link #standingFor}), or null. */
    public Object standsFor() {
        return standsFor;
    }

    @Override
    public String name() {
        return "path " + description;
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector values = arguments[0];
        FieldVector documents = arguments[1];
        if (documents.getNullCount() == rows) {
            return values;
        }
        FieldVector computed = fallback.evaluate(new Batch(List.of(documents), rows), context);
        if (values.getNullCount() == rows) {
            return computed; // no value from a sub-column (no shredded path here): the documents decide every row
        }
        // rows are mixed only in row groups where the path changes type or outside row groups
        return mergeByRow(values, values, computed, documents, rows, resultType, context);
    }

    /**
     * Per row: {@code fromSubColumn}'s value where the scan took a sub-column value ({@code taken} not NULL), else
     * {@code fromDocuments}' where the row's document is not NULL, else NULL. Rows are mixed only where a path changes
     * type within a row group: a plain loop.
     */
    static FieldVector mergeByRow(FieldVector taken, FieldVector fromSubColumn, FieldVector fromDocuments,
                                  FieldVector documents, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        for (int row = 0; row < rows; row++) {
            if (!taken.isNull(row)) {
                VectorGather.copyValue(fromSubColumn, row, out, row);
            } else if (!documents.isNull(row)) {
                VectorGather.copyValue(fromDocuments, row, out, row);
            } else {
                ValueAccess.set(out, row, null);
            }
        }
        out.setValueCount(rows);
        return out;
    }

    @Override
    public String toString() {
        return name();
    }
}
