package io.basalt.exec.pipeline;

import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.SinkState;
import java.util.List;

/**
 * Decides, once per pipeline run, where selective batches (a filter's survivors as positions over its input's
 * vectors, see {@link io.basalt.exec.batch.Batch}) may travel: from the sink backwards, each operator state learns
 * whether its consumer takes them and answers whether it takes them itself. A filter whose consumer takes them
 * hands on its input's vectors with the positions that passed instead of copying those rows; one whose consumer
 * does not compacts as before. So rows are copied only where a consumer needs them dense.
 */
final class SelectionHandOff {
    private SelectionHandOff() {
    }

    /** Tells {@code states} (in pipeline order, feeding {@code sink}) who may hand selective batches to whom. */
    static void negotiate(List<OperatorState> states, SinkState sink) {
        boolean takes = sink.takesSelections();
        for (int i = states.size() - 1; i >= 0; i--) {
            takes = states.get(i).acceptSelections(takes);
        }
    }
}
