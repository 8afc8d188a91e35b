package io.basalt.cli.error;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;

/**
 * What the shell tells the user about a failed statement: the primary message, optional DETAIL, HINT and
 * CONTEXT lines and the 1-based character position in the statement (0 for none), taken from a
 * {@link BasaltException}. Any other exception escaping the engine is a bug and is reported as an
 * internal error naming its type, so that the shell keeps running.
 */
public record ErrorReport(String message, String detail, String hint, String context, int position) {
    public ErrorReport {
        requireNonNull(message, "message is null");
    }

    /** A report without a CONTEXT line. */
    public ErrorReport(String message, String detail, String hint, int position) {
        this(message, detail, hint, null, position);
    }

    public static ErrorReport of(Throwable failure) {
        if (failure instanceof BasaltException basalt) {
            return new ErrorReport(basalt.getMessage(), basalt.detail(), basalt.hint(), basalt.context(),
                    basalt.position());
        }
        String text = failure.getMessage() == null ? failure.getClass().getName()
                : failure.getClass().getName() + ": " + failure.getMessage();
        return new ErrorReport("internal error: " + text, null, null, 0);
    }

    /** The same report with its position moved by {@code offset} characters (for a statement inside a longer text). */
    public ErrorReport shiftedBy(int offset) {
        return position > 0 ? new ErrorReport(message, detail, hint, context, position + offset) : this;
    }

    /**
     * The report as psql prints it: {@code ERROR:  message}, the {@code LINE n:} excerpt with a
     * caret when there is a position inside {@code query}, then {@code DETAIL:  }, {@code HINT:  } and
     * {@code CONTEXT:  } lines. {@code locationPrefix} (e.g. {@code basalt:file.sql:3: }) goes before
     * the first line only. Every line ends with a newline.
     */
    public String render(String query, String locationPrefix) {
        StringBuilder out = new StringBuilder();
        out.append(locationPrefix).append("ERROR:  ").append(message).append('\n');
        if (position > 0 && query != null) {
            out.append(ErrorPosition.render(query, position));
        }
        if (detail != null) {
            out.append("DETAIL:  ").append(detail).append('\n');
        }
        if (hint != null) {
            out.append("HINT:  ").append(hint).append('\n');
        }
        if (context != null) {
            out.append("CONTEXT:  ").append(context).append('\n');
        }
        return out.toString();
    }
}
