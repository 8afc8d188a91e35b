package io.basalt.exec.operator.window;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.function.window.WindowFunction;

/**
 * One window function call of a {@link WindowOperator}: the function, the input columns holding its
 * arguments (in the order {@link WindowFunction} lists them) and its frame.
 */
public record WindowCall(WindowFunction function, int[] argumentColumns, WindowFrame frame) {
    public WindowCall {
        requireNonNull(function, "function is null");
        requireNonNull(frame, "frame is null");
        argumentColumns = argumentColumns.clone();
    }

    @Override
    public int[] argumentColumns() {
        return argumentColumns.clone();
    }

    int argument(int index) {
        return argumentColumns[index];
    }

    int argumentCount() {
        return argumentColumns.length;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(function.name()).append('(');
        for (int i = 0; i < argumentColumns.length; i++) {
            text.append(i == 0 ? "#" : ", #").append(argumentColumns[i]);
        }
        return text.append(") ").append(frame).toString();
    }
}
