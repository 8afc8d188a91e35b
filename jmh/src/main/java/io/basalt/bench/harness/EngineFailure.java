package io.basalt.bench.harness;

/** An engine refused or failed a statement; the message is the engine's, for the report. */
public final class EngineFailure extends RuntimeException {
    public EngineFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** A one-line description of any failure: the engine's message, or the exception type when there is none. */
    public static String describe(Throwable failure) {
        Throwable cause = failure instanceof EngineFailure && failure.getCause() != null ? failure.getCause() : failure;
        String message = cause.getMessage();
        String text = message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
