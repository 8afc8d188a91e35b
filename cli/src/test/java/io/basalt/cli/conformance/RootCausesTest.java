package io.basalt.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tracing "relation does not exist" back to the failed statement that should have created the relation. */
class RootCausesTest {
    private static final String SCRIPT = """
            CREATE TABLE app.Users (id serial);
            INSERT INTO users DEFAULT VALUES;
            SELECT * FROM other;
            CREATE TABLE users (id int);
            SELECT * FROM users;
            """;

    @Test
    void aMissingRelationFollowsFromTheFailedCreationUntilACreationSucceeds() {
        String expected = """
                CREATE TABLE app.Users (id serial);
                INSERT INTO users DEFAULT VALUES;
                SELECT * FROM other;
                ERROR:  relation "other" does not exist
                CREATE TABLE users (id int);
                SELECT * FROM users;
                ERROR:  relation "users" does not exist
                """;
        String actual = """
                CREATE TABLE app.Users (id serial);
                ERROR:  type serial is not supported yet
                INSERT INTO users DEFAULT VALUES;
                ERROR:  relation "users" does not exist
                SELECT * FROM other;
                ERROR:  relation "other" does not exist
                CREATE TABLE users (id int);
                SELECT * FROM users;
                ERROR:  relation "users" does not exist
                """;
        Map<String, String> states = Map.of("type serial is not supported yet", "0A000",
                "relation \"users\" does not exist", "42P01", "relation \"other\" does not exist", "42P01");
        FileResult result = ScriptComparison.compare("roots", SCRIPT, expected, new PlayedScript(actual, states, List.of(), 0));
        assertThat(result.verdicts()).extracting(StatementVerdict::passed, StatementVerdict::cause, StatementVerdict::rootCause)
                .containsExactly(
                        tuple(false, "0A000 type serial is not supported yet", "0A000 type serial is not supported yet"),
                        tuple(false, "42P01 relation \"…\" does not exist", "0A000 type serial is not supported yet"),
                        tuple(true, null, null),
                        tuple(true, null, null),
                        tuple(true, null, null));
        assertThat(FailureTally.ofRoots(List.of(result))).containsExactly(Map.entry("0A000 type serial is not supported yet", 2));
    }

    @Test
    void aMissingRelationNobodyTriedToCreateIsItsOwnRoot() {
        String script = "SELECT * FROM nowhere;\n";
        String actual = script + "ERROR:  relation \"nowhere\" does not exist\n";
        FileResult result = ScriptComparison.compare("own", script, script,
                new PlayedScript(actual, Map.of("relation \"nowhere\" does not exist", "42P01"), List.of(), 0));
        assertThat(result.verdicts().getFirst().rootCause()).isEqualTo("42P01 relation \"…\" does not exist");
    }
}
