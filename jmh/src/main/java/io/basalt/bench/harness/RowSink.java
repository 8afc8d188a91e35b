package io.basalt.bench.harness;

import java.util.List;

/** Receives a result's rows one at a time, values normalized as {@link ResultTable#normalize} does. */
public interface RowSink {
    /** Called once before the rows with the result's column names. */
    void columns(List<String> names);

    /** One row; the array may be reused after the call returns. */
    void row(Object[] values);
}
