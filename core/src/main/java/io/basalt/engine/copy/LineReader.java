package io.basalt.engine.copy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Splits COPY input into lines without decoding it: bytes are read in large blocks into one buffer, and each
 * line is handed out as a range of that buffer, valid until the next call. As in PostgreSQL, the first line's
 * end fixes the newline style of the whole input (LF, CR or CR LF); afterwards only that sequence ends a
 * line, so a stray CR or LF stays inside the line for the format to reject (or, inside a quoted CSV field, to
 * keep as data). The last line may end without a newline.
 *
 * <p>While it looks for the line end, the reader also notes whether the line holds bytes of 0x80 or above, so
 * that only such lines are checked for valid UTF-8.
 */
final class LineReader {
    /** Newline styles, fixed by the first line. */
    static final int UNKNOWN = 0;
    static final int LINE_FEED = 1;
    static final int CARRIAGE_RETURN = 2;
    static final int CARRIAGE_RETURN_LINE_FEED = 3;

    private final InputStream input;
    /** For CSV, the quote and escape characters, so that the first line's end is looked for outside quotes; 0 for text. */
    private final byte quote;
    private final byte escape;
    private boolean inQuote;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean endOfInput;
    private int style = UNKNOWN;
    private int lineStart;
    private int lineEnd;
    private boolean lineHasHighBytes;
    private boolean lineTerminated;

    /** A reader for the text format. */
    LineReader(InputStream input) {
        this(input, (byte) 0, (byte) 0);
    }

    /** A reader for CSV with the given quote and escape characters. */
    LineReader(InputStream input, byte quote, byte escape) {
        this.input = requireNonNull(input, "input is null");
        this.quote = quote;
        this.escape = escape;
    }

    /** Advances to the next line; false at the end of the input. */
    boolean next() {
        int scanned = 0;
        boolean high = false;
        while (true) {
            byte[] bytes = buffer;
            int end = limit;
            int i = position + scanned;
            // One pass finds the line end and notes non-ASCII bytes (negative as Java bytes).
            if (style == LINE_FEED) {
                for (; i < end; i++) {
                    byte b = bytes[i];
                    if (b == '\n') {
                        break;
                    }
                    high |= b < 0;
                }
            } else if (style == UNKNOWN && quote != 0) {
                // The first line of CSV: a newline inside quotes is data, not the line end that sets the style.
                for (; i < end; i++) {
                    byte b = bytes[i];
                    high |= b < 0;
                    if (inQuote && b == escape && escape != quote && i + 1 < end
                            && (bytes[i + 1] == quote || bytes[i + 1] == escape)) {
                        i++;
                    } else if (b == quote) {
                        inQuote = !inQuote;
                    } else if (!inQuote && (b == '\r' || b == '\n')) {
                        break;
                    }
                }
            } else {
                for (; i < end; i++) {
                    byte b = bytes[i];
                    if (b == '\r' || (b == '\n' && style != CARRIAGE_RETURN_LINE_FEED)) {
                        break;
                    }
                    high |= b < 0;
                }
            }
            if (i < end) {
                int terminator = 1;
                if (bytes[i] == '\r') {
                    if (i + 1 >= end && !endOfInput) {
                        // Whether this CR starts a CR LF is known only with the next byte.
                        scanned = i - position;
                        fill();
                        continue;
                    }
                    boolean lineFeedFollows = i + 1 < end && bytes[i + 1] == '\n';
                    if (style == UNKNOWN) {
                        style = lineFeedFollows ? CARRIAGE_RETURN_LINE_FEED : CARRIAGE_RETURN;
                    }
                    if (style == CARRIAGE_RETURN_LINE_FEED) {
                        if (!lineFeedFollows) {
                            // A lone CR in a CR LF input belongs to the line.
                            scanned = i + 1 - position;
                            continue;
                        }
                        terminator = 2;
                    }
                } else if (style == UNKNOWN) {
                    style = LINE_FEED;
                }
                lineStart = position;
                lineEnd = i;
                lineTerminated = true;
                lineHasHighBytes = high;
                position = i + terminator;
                return true;
            }
            if (endOfInput) {
                if (position == end) {
                    return false;
                }
                lineStart = position;
                lineEnd = end;
                lineTerminated = false;
                lineHasHighBytes = high;
                position = end;
                return true;
            }
            scanned = end - position;
            fill();
        }
    }

    /** Moves the unread bytes to the front of the buffer (growing it when full) and reads more behind them. */
    private void fill() {
        int unread = limit - position;
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, unread);
        } else if (unread == buffer.length) {
            byte[] larger = new byte[buffer.length * 2];
            System.arraycopy(buffer, 0, larger, 0, unread);
            buffer = larger;
        }
        position = 0;
        limit = unread;
        try {
            while (limit < buffer.length) {
                int read = input.read(buffer, limit, buffer.length - limit);
                if (read < 0) {
                    endOfInput = true;
                    return;
                }
                if (read == 0) {
                    continue;
                }
                limit += read;
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] buffer() {
        return buffer;
    }

    int lineStart() {
        return lineStart;
    }

    int lineEnd() {
        return lineEnd;
    }

    /** Whether the current line holds a byte of 0x80 or above (and so needs a UTF-8 check). */
    boolean lineHasHighBytes() {
        return lineHasHighBytes;
    }

    /** Whether the current line ended with a newline (only the input's last line may not). */
    boolean lineTerminated() {
        return lineTerminated;
    }

    /** The input's newline style once the first line is read: one of the constants above. */
    int style() {
        return style;
    }

    /** The bytes of the input's newline, for a quoted CSV field that spans lines. */
    byte[] newline() {
        return switch (style) {
            case CARRIAGE_RETURN -> new byte[] {'\r'};
            case CARRIAGE_RETURN_LINE_FEED -> new byte[] {'\r', '\n'};
            default -> new byte[] {'\n'};
        };
    }
}
