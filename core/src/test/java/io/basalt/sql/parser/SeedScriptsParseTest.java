package io.basalt.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.lexer.Lexer;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses every statement of the seed scripts ({@code conformance/seeds/sql/*.sql} in the shared folder) and
 * demands that none is a syntax error, except where PostgreSQL itself printed a syntax error for it in the
 * expected output ({@code conformance/seeds/expected/*.out}, which echoes each statement before its result).
 */
class SeedScriptsParseTest {

    @Test
    void everySeedStatementParsesWherePostgreSqlParsesIt() throws IOException {
        String shared = System.getProperty("basalt.shared.dir");
        assumeTrue(shared != null, "basalt.shared.dir is not set");
        Path seeds = Path.of(shared, "conformance", "seeds");
        assumeTrue(Files.isDirectory(seeds.resolve("sql")), "no seed scripts at " + seeds);
        List<Path> scripts;
        try (Stream<Path> files = Files.list(seeds.resolve("sql"))) {
            scripts = files.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(scripts).isNotEmpty();
        int statements = 0;
        int syntaxErrors = 0;
        for (Path script : scripts) {
            String name = script.getFileName().toString().replace(".sql", "");
            String expected = Files.readString(seeds.resolve("expected").resolve(name + ".out"));
            int cursor = 0;
            for (String statement : statements(Files.readString(script))) {
                statements++;
                int echoed = expected.indexOf(statement, cursor);
                assertThat(echoed).as("statement echoed in %s.out: %s", name, statement).isGreaterThanOrEqualTo(0);
                cursor = echoed + statement.length();
                try {
                    Parser.parseStatement(statement);
                } catch (BasaltException error) {
                    assertThat(error.sqlState()).as("%s: %s", name, statement).isEqualTo(SqlState.SYNTAX_ERROR);
                    syntaxErrors++;
                    String reported = expected.substring(cursor, Math.min(expected.length(), cursor + 400));
                    assertThat(reported).as("PostgreSQL's output after %s", statement)
                            .startsWith("\nERROR:  " + error.getMessage() + "\n");
                }
            }
        }
        assertThat(statements).isGreaterThan(300);
        assertThat(syntaxErrors).isEqualTo(1);
    }

    /** The statements of a script, cut at top-level semicolons as psql cuts them, with their semicolon. */
    private static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        int depth = 0;
        for (Token token : Lexer.tokenize(script)) {
            if (token.kind() == TokenKind.LEFT_PAREN) {
                depth++;
            } else if (token.kind() == TokenKind.RIGHT_PAREN) {
                depth--;
            }
            boolean end = token.kind() == TokenKind.END_OF_INPUT;
            if (end || (token.kind() == TokenKind.SEMICOLON && depth == 0)) {
                String statement = stripLeadingComments(script.substring(start, token.end()).strip());
                start = token.end();
                if (!statement.isEmpty()) {
                    statements.add(statement);
                }
            }
        }
        return statements;
    }

    private static String stripLeadingComments(String statement) {
        String rest = statement;
        while (rest.startsWith("--")) {
            int newline = rest.indexOf('\n');
            rest = newline < 0 ? "" : rest.substring(newline + 1).strip();
        }
        return rest;
    }
}
