package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.basalt.api.BasaltConfig;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The utility statements through a session, for what the sqllogictest files cannot show: command tags, the
 * settings object the engine reads, notices, and where Basalt deliberately differs from PostgreSQL (SET LOCAL
 * lasts for the session until transactions exist; only UTF8 as client encoding).
 */
class UtilityStatementsTest {
    private final DatabaseImpl database = new DatabaseImpl(null, BasaltConfig.defaults());
    private final SessionImpl session = (SessionImpl) database.connect();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void commandTagsArePostgreSqls() {
        assertThat(tag("SET work_mem = '8MB'")).isEqualTo("SET");
        assertThat(tag("RESET ALL")).isEqualTo("RESET");
        assertThat(tag("SHOW work_mem")).isEqualTo("SHOW");
        assertThat(tag("CREATE TABLE t (a integer)")).isEqualTo("CREATE TABLE");
        assertThat(tag("PREPARE add (integer) AS INSERT INTO t VALUES ($1)")).isEqualTo("PREPARE");
        assertThat(tag("EXECUTE add(1)")).isEqualTo("INSERT 0 1");
        assertThat(tag("PREPARE all_rows AS SELECT * FROM t")).isEqualTo("PREPARE");
        assertThat(tag("EXECUTE all_rows")).isEqualTo("SELECT 1");
        assertThat(tag("DEALLOCATE add")).isEqualTo("DEALLOCATE");
        assertThat(tag("DEALLOCATE ALL")).isEqualTo("DEALLOCATE ALL");
        assertThat(tag("TRUNCATE t")).isEqualTo("TRUNCATE TABLE");
        assertThat(tag("EXPLAIN SELECT * FROM t")).isEqualTo("EXPLAIN");
    }

    @Test
    void showReturnsOneTextColumnNamedAfterTheParameter() {
        try (QueryResult result = session.query("SHOW timezone")) {
            assertThat(result.columns()).singleElement().satisfies(column -> {
                assertThat(column.name()).isEqualTo("TimeZone");
                assertThat(column.type().displayName()).isEqualTo("text");
            });
            assertThat(result.getText(0, 0)).isEqualTo("UTC");
        }
        try (QueryResult all = session.query("SHOW ALL")) {
            assertThat(all.columns()).extracting(column -> column.name()).containsExactly("name", "setting", "description");
            assertThat(all.rowCount()).isEqualTo(session.settings().all().size());
        }
    }

    @Test
    void theEngineReadsTheSessionsSettings() {
        run("SET TIME ZONE 'Europe/Paris'");
        assertThat(session.settings().timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        run("SET TIME ZONE -3");
        assertThat(session.settings().timeZone()).isEqualTo(ZoneOffset.ofHours(-3));
        run("SELECT set_config('DateStyle', 'SQL, DMY', false)");
        assertThat(session.settings().dateStyle()).isEqualTo("SQL, DMY");
        try (Session other = database.connect()) {
            assertThat(((SessionImpl) other).settings().timeZone()).isEqualTo(ZoneId.of("UTC"));
        }
    }

    @Test
    void setLocalLastsUntilTheTransactionBlockEnds() {
        run("SET LOCAL work_mem = '8MB'");
        assertThat(show("work_mem")).isEqualTo("4MB");
        run("BEGIN");
        run("SET LOCAL work_mem = '8MB'");
        assertThat(show("work_mem")).isEqualTo("8MB");
        run("COMMIT");
        assertThat(show("work_mem")).isEqualTo("4MB");
    }

    @Test
    void truncatedApplicationNamesRaiseANotice() {
        try (QueryResult result = session.execute("SET application_name = '" + "x".repeat(64) + "'")) {
            assertThat(result.notices()).containsExactly("identifier \"" + "x".repeat(64)
                    + "\" will be truncated to \"" + "x".repeat(63) + "\"");
        }
    }

    @Test
    void onlyUtf8IsAcceptedAsClientEncoding() {
        BasaltException error = catchThrowableOfType(BasaltException.class, () -> run("SET client_encoding = 'LATIN1'"));
        assertThat(error.detail()).isEqualTo("Conversion between LATIN1 and UTF8 is not supported.");
        run("SET NAMES 'UTF-8'");
        assertThat(show("client_encoding")).isEqualTo("UTF8");
    }

    @Test
    void settingFunctionsNameTheirColumnsAsPostgreSqlDoes() {
        try (QueryResult result = session.query("SELECT current_setting('work_mem'), "
                + "current_setting('extra_float_digits')::integer, set_config('x.y', 'z', false) AS v, "
                + "pg_catalog.current_setting('x.y') || '!'")) {
            assertThat(result.columns()).extracting(column -> column.name())
                    .containsExactly("current_setting", "current_setting", "v", "?column?");
            assertThat(result.getText(0, 1)).isEqualTo("1");
            assertThat(result.getText(0, 3)).isEqualTo("z!");
        }
    }

    @Test
    void settingFunctionsNeedConstantArguments() {
        run("CREATE TABLE names (n text)");
        BasaltException error = catchThrowableOfType(BasaltException.class,
                () -> run("SELECT current_setting(n) FROM names"));
        assertThat(error.sqlState().code()).isEqualTo("0A000");
        assertThat(error.position()).isEqualTo(24);
    }

    @Test
    void explainWithoutAnalyzeDoesNotApplySetConfig() {
        run("EXPLAIN SELECT set_config('work_mem', '8MB', false)");
        assertThat(show("work_mem")).isEqualTo("4MB");
        run("EXPLAIN ANALYZE SELECT set_config('work_mem', '8MB', false)");
        assertThat(show("work_mem")).isEqualTo("8MB");
    }

    private String show(String name) {
        try (QueryResult result = session.query("SHOW " + name)) {
            return result.getText(0, 0);
        }
    }

    private String tag(String sql) {
        try (QueryResult result = session.execute(sql)) {
            return result.commandTag();
        }
    }

    private void run(String sql) {
        session.execute(sql).close();
    }
}
