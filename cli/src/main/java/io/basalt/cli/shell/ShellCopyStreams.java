package io.basalt.cli.shell;

import static java.util.Objects.requireNonNull;

import io.basalt.api.CopyStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The shell's side of COPY, as psql plays it. {@code COPY ... FROM STDIN} reads the lines that follow the
 * statement in the same input, up to a line that is exactly {@code \.} or the end of the input; those lines
 * are data, never echoed or run. At a terminal psql's instructions and the {@code >>} prompt are shown. When
 * the engine stops reading early (an error in the data), {@link #finish} reads the rest up to {@code \.}, so
 * that the data is not taken for statements. When the statement fails before it asks for data (no such
 * table, bad options), nothing is read, as in psql. {@code COPY ... TO STDOUT} writes to the shell's output.
 */
final class ShellCopyStreams implements CopyStreams {
    private final InputSource input;
    private final boolean interactive;
    private final ShellOutput output;
    private volatile DataLines lines;

    ShellCopyStreams(InputSource input, boolean interactive, ShellOutput output) {
        this.input = requireNonNull(input, "input is null");
        this.interactive = interactive;
        this.output = requireNonNull(output, "output is null");
    }

    @Override
    public InputStream input() {
        if (interactive) {
            output.println("Enter data to be copied followed by a newline.");
            output.println("End with a backslash and a period on a line by itself, or an EOF signal.");
            output.flush();
        }
        lines = new DataLines();
        return lines;
    }

    @Override
    public OutputStream output() {
        java.io.PrintStream out = output.out();
        return new OutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                out.write(bytes, offset, length);
            }

            @Override
            public void flush() {
                out.flush();
            }
        };
    }

    /** Data lines handed to the engine so far (for the progress report; read from another thread). */
    long rowsRead() {
        DataLines current = lines;
        return current == null ? 0 : current.dataLines;
    }

    /** Reads what is left of the data after the statement ended; returns the number of input lines consumed. */
    int finish() {
        if (lines == null) {
            return 0;
        }
        lines.drain();
        return lines.linesRead;
    }

    /** The data lines as UTF-8 bytes, each ended by a newline, read from the input as they are needed. */
    private final class DataLines extends InputStream {
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;
        private int linesRead;
        /** Lines read that are data (not the closing {@code \.}); the progress report reads it from its thread. */
        private volatile long dataLines;

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return current[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            return count;
        }

        /** Makes unread bytes available; false at the end of the data. */
        private boolean fill() {
            while (position == current.length) {
                if (ended) {
                    return false;
                }
                String line;
                try {
                    line = input.readLine(interactive ? ">> " : null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (line == null) {
                    ended = true;
                    return false;
                }
                linesRead++;
                if (line.equals("\\.")) {
                    ended = true;
                    return false;
                }
                dataLines++;
                current = (line + "\n").getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return true;
        }

        void drain() {
            position = current.length;
            while (fill()) {
                position = current.length;
            }
        }
    }
}
