package io.basalt.cli.script;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What the {@link StatementScanner} finds in the input: complete SQL statements and backslash commands. */
public sealed interface ScannedPiece {
    /**
     * A complete SQL statement as it is sent to the engine: from its first token (leading blanks and
     * {@code --} comments dropped, as psql drops them) through its terminating semicolon, if any.
     *
     * @param text        the statement text
     * @param startOffset where the text starts in everything fed to the scanner (0-based), so that
     *                    an error position can be placed in a longer text such as a {@code -c} string
     */
    record SqlStatement(String text, int startOffset) implements ScannedPiece {
        public SqlStatement {
            requireNonNull(text, "text is null");
        }
    }

    /**
     * A backslash command such as {@code \d orders}.
     *
     * @param name      the command without its backslash: {@code d}, {@code timing}, {@code x}
     * @param arguments the arguments as written, quotes kept (see {@link MetaArguments})
     */
    record MetaCommand(String name, List<String> arguments) implements ScannedPiece {
        public MetaCommand {
            requireNonNull(name, "name is null");
            arguments = List.copyOf(arguments);
        }
    }
}
