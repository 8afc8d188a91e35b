package io.basalt.exec.function.json;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A whole-document test answered through a path column of a scan ({@link io.basalt.exec.operator.scan.PathColumn},
 * read as the jsonb member): its arguments are the members the scan took from a shredded sub-column and the documents
 * it could not take a member for. {@code onMember} (the test rewritten over the member, reading it as column 0) is
 * evaluated where a member is there, {@code onDocument} (the test as written, reading the document as column 0) where
 * a document is, and a row with neither (its document NULL or without the member) gives NULL. The planner builds it
 * only in a filter and only for tests that give false or NULL on such rows, where NULL drops the row alike.
 */
public final class PathConditionFunction implements ScalarFunction {
    private final PhysicalExpression onMember;
    private final PhysicalExpression onDocument;
    private final Object condition;

    /** {@code condition}: the test as the planner bound it, over the table's columns, which plans print (opaque here). */
    public PathConditionFunction(PhysicalExpression onMember, PhysicalExpression onDocument, Object condition) {
        this.onMember = requireNonNull(onMember, "onMember is null");
        this.onDocument = requireNonNull(onDocument, "onDocument is null");
        this.condition = requireNonNull(condition, "condition is null");
    }

    /** The test as written, over the table's columns. */
    public Object condition() {
        return condition;
    }

    @Override
    public String name() {
        return "path condition";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector members = arguments[0];
        FieldVector documents = arguments[1];
        boolean anyMember = members.getNullCount() != rows;
        boolean anyDocument = documents.getNullCount() != rows;
        if (!anyDocument) {
            // the usual batch: every row's member from the sub-column (a NULL member gives NULL)
            return onMember.evaluate(new Batch(List.of(members), rows), context);
        }
        FieldVector fromDocuments = onDocument.evaluate(new Batch(List.of(documents), rows), context);
        if (!anyMember) {
            return fromDocuments;
        }
        FieldVector fromMembers = onMember.evaluate(new Batch(List.of(members), rows), context);
        return PathValueFunction.mergeByRow(members, fromMembers, fromDocuments, documents, rows, resultType, context);
    }

    @Override
    public String toString() {
        return name();
    }
}
