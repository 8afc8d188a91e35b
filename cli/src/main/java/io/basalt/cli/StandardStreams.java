package io.basalt.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard output and error as UTF-8 streams.
 *
 * <p>The JVM prints {@code WARNING: Using incubator modules: jdk.incubator.vector} on standard error
 * before any Basalt code runs, and no option turns that off. The {@code basalt} launcher therefore
 * starts Java with a copy of the real standard error on descriptor 3 and standard error itself
 * going through a filter that drops that line, and sets {@code BASALT_STDERR_FD=3}. From here on
 * everything goes straight to descriptor 3, so that errors and results keep their order (the filter
 * would delay them). Descriptor 3 is written through itself (see {@link DescriptorOutputStream});
 * when that is not possible the filtered standard error is used, which keeps every line but may
 * show errors a little later than the results around them.
 */
final class StandardStreams {
    static final String STDERR_VARIABLE = "BASALT_STDERR_FD";

    private StandardStreams() {
    }

    static PrintStream output() {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
                StandardCharsets.UTF_8);
    }

    /** Standard error, bypassing the launcher's filter when the launcher set one up; also installed as {@code System.err}. */
    static PrintStream error() {
        PrintStream err = null;
        String descriptor = System.getenv(STDERR_VARIABLE);
        if (descriptor != null && descriptor.matches("[0-9]+")) {
            try {
                err = new PrintStream(new BufferedOutputStream(DescriptorOutputStream.open(Integer.parseInt(descriptor)), 8192),
                        true, StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                err = null;
            }
        }
        if (err == null) {
            err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        }
        System.setErr(err);
        return err;
    }
}
