package io.basalt.exec.operator.window;

import org.apache.arrow.vector.FieldVector;

/**
 * Computes one window call's result for every row of the sorted input, partition by partition, into a
 * vector of the call's result type with room for every row. Implementations choose their algorithm per
 * function and argument type once, and then run typed loops.
 */
interface WindowEvaluator {
    /**
     * @param frames every row's frame, or null for functions that do not read a frame
     * @param out the result vector; the caller sets its value count
     */
    void evaluate(WindowRows rows, Frames frames, FieldVector out);
}
