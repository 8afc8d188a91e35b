package io.basalt.cli.options;

/** psql's {@code ECHO} variable: what input the shell repeats on standard output. */
public enum EchoMode {
    NONE,
    /** {@code -a}: every input line of a script as it is read. */
    ALL,
    /** {@code -e}: each statement as it is sent. */
    QUERIES
}
