package io.basalt.exec.operator;

import io.basalt.exec.pipeline.ExecutionContext;

/** An operator that starts a pipeline: a scan, VALUES, a table function. */
public interface SourceOperator extends PhysicalOperator {
    SourceState openSource(ExecutionContext context);
}
