package io.basalt.api;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The client's side of COPY, as PostgreSQL's copy protocol has it: where {@code COPY ... FROM STDIN} reads its
 * data and {@code COPY ... TO STDOUT} writes its rows, both as UTF-8 text in the statement's format. A shell
 * reads the lines that follow the statement up to {@code \.} for the first and prints the second.
 */
public interface CopyStreams {
    /** Streams for a client that has none: COPY FROM STDIN and TO STDOUT fail. */
    CopyStreams NONE = new CopyStreams() {
        @Override
        public InputStream input() {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "COPY FROM STDIN needs a client that sends the data (Session.execute with CopyStreams)");
        }

        @Override
        public OutputStream output() {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "COPY TO STDOUT needs a client that takes the data (Session.execute with CopyStreams)");
        }
    };

    /** The data of a COPY FROM STDIN, read to its end; asked for at most once per statement. */
    InputStream input();

    /** Where a COPY TO STDOUT writes; the engine flushes it when done but does not close it. */
    OutputStream output();
}
