package io.basalt.testing.slt;

/** A sqllogictest file that cannot be read: the message starts with {@code file:line:}. */
public final class SltSyntaxException extends RuntimeException {
    public SltSyntaxException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
    }
}
