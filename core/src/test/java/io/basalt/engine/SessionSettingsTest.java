package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.basalt.api.BasaltConfig;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SessionSettings on its own: values checked and shown as PostgreSQL checks and shows them (the messages were
 * taken from PostgreSQL 15), the typed accessors the engine reads, Basalt's own parameters, and sessions that
 * start from the database's defaults without sharing changes.
 */
class SessionSettingsTest {
    private static final BasaltConfig CONFIG = new BasaltConfig(1024, 3, 1L << 30);

    private final SessionSettings defaults = SessionSettings.defaults(CONFIG);
    private final SessionSettings settings = defaults.copy();
    private final List<String> notices = new ArrayList<>();

    @Test
    void startsWithPostgreSqlDefaultsAndBasaltsOwn() {
        assertThat(settings.show("TimeZone")).isEqualTo("UTC");
        assertThat(settings.show("datestyle")).isEqualTo("ISO, MDY");
        assertThat(settings.show("search_path")).isEqualTo("\"$user\", public");
        assertThat(settings.show("server_version")).isEqualTo("15.0 (Basalt)");
        assertThat(settings.show("server_version_num")).isEqualTo("150000");
        assertThat(settings.show("threads")).isEqualTo("3");
        assertThat(settings.show("vector_size")).isEqualTo("1024");
        assertThat(settings.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(settings.threads()).isEqualTo(3);
        assertThat(settings.vectorSize()).isEqualTo(1024);
        assertThat(settings.workMemBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(settings.statementTimeout()).isEqualTo(Duration.ZERO);
        assertThat(settings.extraFloatDigits()).isEqualTo(1);
        assertThat(settings.searchPath()).containsExactly("$user", "public");
        assertThat(settings.intervalStyle()).isEqualTo("postgres");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", textBlock = """
            America/New_York => America/New_York
            america/new_york => America/New_York
            utc => UTC
            EST => EST
            -5 => <-05>+05
            5.5 => <+05:30>-05:30
            0 => <+00>-00
            UTC+3 => UTC+3
            xyz-5:30 => XYZ-5:30
            <+03>-3 => <+03>-3
            INTERVAL '+02:00' => <+02>-02
            interval '-08:00:30' => <-08:00:30>+08:00:30
            """)
    void readsTimeZonesAsPostgreSqlDoes(String value, String shown) {
        assertThat(settings.set("timezone", value, notices)).isEqualTo(shown);
        assertThat(settings.show("TimeZone")).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", textBlock = """
            America/New_York => America/New_York
            EST => -05:00
            -5 => -05:00
            5.5 => +05:30
            UTC+3 => -03:00
            <+03>-3 => +03:00
            INTERVAL '+02:00' => +02:00
            """)
    void turnsTimeZonesIntoJavaZones(String value, String zone) {
        settings.set("TimeZone", value, notices);
        ZoneId expected = zone.startsWith("+") || zone.startsWith("-") ? ZoneOffset.of(zone) : ZoneId.of(zone);
        for (Instant instant : List.of(Instant.parse("2024-01-15T12:00:00Z"), Instant.parse("2024-07-15T12:00:00Z"))) {
            assertThat(settings.timeZone().getRules().getOffset(instant))
                    .isEqualTo(expected.getRules().getOffset(instant));
        }
    }

    @Test
    void refusesWhatJavaCannotRepresent() {
        BasaltException error = failure(() -> settings.set("TimeZone", "ABC+100", notices));
        assertThat(error.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
        assertThat(settings.show("TimeZone")).isEqualTo("UTC");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", textBlock = """
            TimeZone | foo => invalid value for parameter "TimeZone": "foo"
            timezone | 200 => invalid value for parameter "TimeZone": "200"
            work_mem | 10 => 10 kB is outside the valid range for parameter "work_mem" (64 .. 2147483647)
            WORK_MEM | 4XB => invalid value for parameter "WORK_MEM": "4XB"
            statement_timeout | -1 => -1 ms is outside the valid range for parameter "statement_timeout" (0 .. 2147483647)
            extra_float_digits | 4 => 4 is outside the valid range for parameter "extra_float_digits" (-15 .. 3)
            intervalstyle | foo => invalid value for parameter "intervalstyle": "foo"
            standard_conforming_strings | maybe => parameter "standard_conforming_strings" requires a Boolean value
            datestyle | ISO, SQL => invalid value for parameter "DateStyle": "ISO, SQL"
            threads | 0 => 0 is outside the valid range for parameter "threads" (1 .. 1024)
            """)
    void refusesInvalidValuesWithPostgreSqlsMessages(String assignment, String message) {
        String[] parts = assignment.split(" \\| ", 2);
        BasaltException error = failure(() -> settings.set(parts[0], parts[1], notices));
        assertThat(error.sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
        assertThat(error.getMessage()).isEqualTo(message);
    }

    @Test
    void givesHintsAndDetailsAsPostgreSqlDoes() {
        assertThat(failure(() -> settings.set("work_mem", "4XB", notices)).hint())
                .isEqualTo("Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".");
        assertThat(failure(() -> settings.set("statement_timeout", "5 mins", notices)).hint())
                .isEqualTo("Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".");
        assertThat(failure(() -> settings.set("work_mem", "99999999999", notices)).hint())
                .isEqualTo("Value exceeds integer range.");
        assertThat(failure(() -> settings.set("IntervalStyle", "foo", notices)).hint())
                .isEqualTo("Available values: postgres, postgres_verbose, sql_standard, iso_8601.");
        assertThat(failure(() -> settings.set("DateStyle", "foo", notices)).detail())
                .isEqualTo("Unrecognized key word: \"foo\".");
        assertThat(failure(() -> settings.set("DateStyle", "DMY, YMD", notices)).detail())
                .isEqualTo("Conflicting \"datestyle\" specifications.");
        assertThat(failure(() -> settings.set("search_path", "a b", notices)).detail())
                .isEqualTo("List syntax is invalid.");
        assertThat(failure(() -> settings.set("TimeZone", "INTERVAL '1 day'", notices)).detail())
                .isEqualTo("Cannot specify days in time zone interval.");
    }

    @Test
    void unknownAndReadOnlyParameters() {
        BasaltException unknown = failure(() -> settings.show("nosuch"));
        assertThat(unknown.sqlState()).isEqualTo(SqlState.UNDEFINED_OBJECT);
        assertThat(unknown.getMessage()).isEqualTo("unrecognized configuration parameter \"nosuch\"");
        assertThat(failure(() -> settings.set("nosuch", "1", notices)).getMessage())
                .isEqualTo("unrecognized configuration parameter \"nosuch\"");
        assertThat(settings.find("nosuch")).isNull();
        assertThat(failure(() -> settings.set("Server_Version", "1", notices)).getMessage())
                .isEqualTo("parameter \"Server_Version\" cannot be changed");
        assertThat(failure(() -> settings.reset("vector_size")).getMessage())
                .isEqualTo("parameter \"vector_size\" cannot be changed");
        assertThat(failure(() -> settings.set("a-b.c", "1", notices)).getMessage())
                .isEqualTo("invalid configuration parameter name \"a-b.c\"");
    }

    @Test
    void basaltAcceptsOnlyWhatItImplements() {
        BasaltException encoding = failure(() -> settings.set("client_encoding", "LATIN1", notices));
        assertThat(encoding.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
        assertThat(encoding.getMessage()).isEqualTo("invalid value for parameter \"client_encoding\": \"LATIN1\"");
        assertThat(encoding.detail()).isEqualTo("Conversion between LATIN1 and UTF8 is not supported.");
        assertThat(settings.set("client_encoding", "Unicode", notices)).isEqualTo("UTF8");
        BasaltException strings = failure(() -> settings.set("standard_conforming_strings", "off", notices));
        assertThat(strings.sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
        assertThat(settings.show("standard_conforming_strings")).isEqualTo("on");
    }

    @Test
    void valuesAreShownInTheirCanonicalForm() {
        assertThat(settings.set("work_mem", "1.5MB", notices)).isEqualTo("1536kB");
        assertThat(settings.workMemBytes()).isEqualTo(1536L * 1024);
        assertThat(settings.set("statement_timeout", "1.5s", notices)).isEqualTo("1500ms");
        assertThat(settings.statementTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.set("statement_timeout", "0x10", notices)).isEqualTo("16ms");
        assertThat(settings.set("IntervalStyle", "SQL_Standard", notices)).isEqualTo("sql_standard");
        assertThat(settings.set("DateStyle", "german", notices)).isEqualTo("German, DMY");
        assertThat(settings.set("DateStyle", "SQL", notices)).isEqualTo("SQL, DMY");
        assertThat(settings.dateStyle()).isEqualTo("SQL, DMY");
        assertThat(settings.set("client_min_messages", "debug", notices)).isEqualTo("debug2");
        assertThat(settings.set("search_path", "shop, \"My Schema\"", notices)).isEqualTo("shop, \"My Schema\"");
        assertThat(settings.searchPath()).containsExactly("shop", "My Schema");
        assertThat(settings.set("threads", "2", notices)).isEqualTo("2");
        assertThat(settings.threads()).isEqualTo(2);
        assertThat(notices).isEmpty();
    }

    @Test
    void truncatesLongApplicationNamesWithANotice() {
        String name = "a".repeat(70);
        assertThat(settings.set("application_name", name, notices)).isEqualTo("a".repeat(63));
        assertThat(notices).containsExactly(
                "identifier \"" + name + "\" will be truncated to \"" + "a".repeat(63) + "\"");
    }

    @Test
    void transactionIsolationFollowsTheSessionDefault() {
        assertThat(settings.set("transaction_isolation", "serializable", notices)).isEqualTo("read committed");
        assertThat(settings.show("transaction_isolation")).isEqualTo("read committed");
        settings.set("default_transaction_isolation", "repeatable read", notices);
        assertThat(settings.show("transaction_isolation")).isEqualTo("repeatable read");
    }

    @Test
    void customParametersAreTextAndSurviveResetAllEmpty() {
        assertThat(settings.set("MyApp.User_Id", "42", notices)).isEqualTo("42");
        assertThat(settings.show("myapp.user_id")).isEqualTo("42");
        assertThat(settings.displayName("MYAPP.USER_ID")).isEqualTo("MyApp.User_Id");
        settings.resetAll();
        assertThat(settings.show("myapp.user_id")).isEmpty();
        assertThat(settings.all()).extracting(row -> row.getFirst()).doesNotContain("MyApp.User_Id");
    }

    @Test
    void resetReturnsToTheValueTheSessionStartedWith() {
        settings.set("work_mem", "64MB", notices);
        settings.set("TimeZone", "Europe/Paris", notices);
        settings.reset("work_mem");
        assertThat(settings.show("work_mem")).isEqualTo("4MB");
        settings.resetAll();
        assertThat(settings.show("TimeZone")).isEqualTo("UTC");
    }

    @Test
    void sessionsDoNotShareChanges() {
        SessionSettings other = defaults.copy();
        settings.set("work_mem", "64MB", notices);
        settings.set("x.y", "1", notices);
        assertThat(other.show("work_mem")).isEqualTo("4MB");
        assertThat(other.find("x.y")).isNull();
        assertThat(defaults.show("work_mem")).isEqualTo("4MB");
    }

    @Test
    void showAllListsEveryParameterByNameWithoutRegardToCase() {
        List<String> names = settings.all().stream().map(List::getFirst).toList();
        assertThat(names).contains("application_name", "DateStyle", "search_path", "TimeZone", "threads",
                "vector_size", "work_mem");
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(settings.all()).allSatisfy(row -> assertThat(row).hasSize(3).doesNotContainNull());
    }

    private static BasaltException failure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        BasaltException error = catchThrowableOfType(BasaltException.class, call);
        assertThat(error).isNotNull();
        return error;
    }
}
