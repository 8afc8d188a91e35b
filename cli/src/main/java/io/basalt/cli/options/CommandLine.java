package io.basalt.cli.options;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the command line asks for: run the shell with options, or print help or the version.
 *
 * @param request  what to do
 * @param options  the shell's options (also filled for help and version, unused there)
 * @param warnings lines to print on standard error before starting, such as ignored extra arguments
 */
public record CommandLine(Request request, ShellOptions options, List<String> warnings) {
    public enum Request { RUN, HELP, VERSION }

    public CommandLine {
        requireNonNull(request, "request is null");
        requireNonNull(options, "options is null");
        warnings = List.copyOf(warnings);
    }
}
