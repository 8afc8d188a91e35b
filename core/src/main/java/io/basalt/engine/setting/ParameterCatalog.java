package io.basalt.engine.setting;

import io.basalt.api.BasaltConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration parameters Basalt knows: PostgreSQL's that matter to users and to client libraries, under
 * PostgreSQL's names and with its defaults, plus Basalt's own (threads, vector_size). Names are matched without
 * regard to case. Most parameters are stored and shown but not yet acted on; the class comment of
 * {@code io.basalt.engine.SessionSettings} says which are.
 */
public final class ParameterCatalog {
    /** What SHOW server_version prints: the PostgreSQL release whose dialect Basalt speaks, and Basalt's name. */
    public static final String SERVER_VERSION = "15.0 (Basalt)";

    private final Map<String, Parameter> byLowerCaseName;

    private ParameterCatalog(List<Parameter> parameters) {
        Map<String, Parameter> map = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            map.put(parameter.name().toLowerCase(Locale.ROOT), parameter);
        }
        this.byLowerCaseName = Collections.unmodifiableMap(map);
    }

    /** The parameters of a database opened with {@code config} (which gives the defaults of threads and vector_size). */
    public static ParameterCatalog of(BasaltConfig config) {
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(Parameter.session("allow_in_place_tablespaces",
                "Allows tablespaces directly inside pg_tblspc, for testing (Basalt has no tablespaces).",
                new BooleanType(), "off"));
        parameters.add(Parameter.session("application_name", "Name of the application, for logs and monitoring.",
                new TextType(ApplicationNames::canonical), ""));
        parameters.add(Parameter.session("bytea_output", "Output format of bytea values.",
                new EnumType("escape", "hex"), "hex"));
        parameters.add(Parameter.session("client_encoding", "Character set encoding of text sent to the client.",
                new TextType(ClientEncodings::canonical), "UTF8"));
        // set by SET ROLE and SET SESSION AUTHORIZATION (SessionRoles), which check them; RESET ALL leaves them
        parameters.add(Parameter.session("role", "Sets the current role.", TextType.ANY, "none"));
        parameters.add(Parameter.session("session_authorization", "Sets the session user name.",
                TextType.ANY, "basalt"));
        parameters.add(Parameter.session("client_min_messages", "Lowest message level sent to the client.",
                new EnumType(List.of("debug5", "debug4", "debug3", "debug2", "debug1", "log", "notice", "warning",
                        "error"), Map.of("debug", "debug2", "info", "info")), "notice"));
        parameters.add(new Parameter("DateStyle", "Output format of dates and the order of ambiguous date input.",
                new TextType(DateStyles::canonical), DateStyles.DEFAULT, Parameter.Scope.SESSION, true, false));
        parameters.add(Parameter.session("default_transaction_isolation",
                "Isolation level a new transaction starts with.", isolationLevels(), "read committed"));
        parameters.add(Parameter.session("default_transaction_deferrable",
                "Whether a new serializable read-only transaction waits for a safe snapshot (no effect in Basalt).",
                new BooleanType(), "off"));
        parameters.add(Parameter.session("default_transaction_read_only",
                "Whether a new transaction starts read-only.", new BooleanType(), "off"));
        parameters.add(Parameter.session("default_text_search_config",
                "Text search configuration of the text search functions called without one.",
                new TextType(ParameterCatalog::checkTextSearchConfiguration), "pg_catalog.english"));
        parameters.add(Parameter.session("escape_string_warning",
                "Warns about backslash escapes in ordinary string literals (Basalt reads them literally and never warns).",
                new BooleanType(), "on"));
        parameters.add(Parameter.session("extra_float_digits",
                "Digits added to (positive) or removed from (negative) the shortest exact output of floating-point values.",
                new IntegerType(-15, 3, IntegerUnit.NONE), "1"));
        parameters.add(Parameter.readOnly("integer_datetimes", "Whether date and time values are stored as integers.",
                "on"));
        parameters.add(Parameter.session("IntervalStyle", "Output format of intervals.",
                new EnumType("postgres", "postgres_verbose", "sql_standard", "iso_8601"), "postgres"));
        for (String category : List.of("messages", "monetary", "numeric", "time")) {
            parameters.add(Parameter.session("lc_" + category, "Locale of " + category
                    + " formatting (Basalt formats and compares as the C locale does).",
                    new TextType(ParameterCatalog::checkLocale), "C"));
        }
        parameters.add(Parameter.session("lock_timeout",
                "Longest time a statement waits for a row lock held by another transaction; zero means no limit.",
                new IntegerType(0, Integer.MAX_VALUE, IntegerUnit.MILLISECONDS), "0"));
        parameters.add(Parameter.session("max_parallel_workers",
                "Upper bound on parallel workers (kept for compatibility; Basalt sizes its workers with threads).",
                new IntegerType(0, 1024, IntegerUnit.NONE), "8"));
        parameters.add(Parameter.session("max_wal_size",
                "Write-ahead log size that triggers a checkpoint (Basalt: a session setting, checked after each statement).",
                new IntegerType(64, Integer.MAX_VALUE, IntegerUnit.KILOBYTES), "1GB"));
        parameters.add(Parameter.session("restrict_nonsystem_relation_kind",
                "Kinds of relations a statement may not use unless the system made them (view, foreign-table).",
                new TextType(ParameterCatalog::checkRelationKinds), ""));
        parameters.add(Parameter.session("row_security", "Whether row-level security policies apply; off makes a "
                + "statement they would filter fail.", new BooleanType(), "on"));
        parameters.add(new Parameter("search_path", "Schemas searched for names that are not schema-qualified.",
                new TextType(ParameterCatalog::checkIdentifierList), "\"$user\", public", Parameter.Scope.SESSION,
                true, true));
        parameters.add(Parameter.readOnly("server_encoding", "Character set encoding of the database.", "UTF8"));
        parameters.add(Parameter.readOnly("server_version", "Version of the server.", SERVER_VERSION));
        parameters.add(Parameter.readOnly("server_version_num", "Version of the server as an integer.", "150000"));
        parameters.add(Parameter.session("standard_conforming_strings",
                "Whether backslashes in ordinary string literals are ordinary characters.",
                new TextType(ParameterCatalog::checkStandardStrings), "on"));
        parameters.add(Parameter.session("statement_timeout",
                "Longest time a statement may run; zero means no limit.",
                new IntegerType(0, Integer.MAX_VALUE, IntegerUnit.MILLISECONDS), "0"));
        parameters.add(Parameter.session("synchronous_commit",
                "Synchronisation level of commits (Basalt's write-ahead log always syncs before a commit returns).",
                new EnumType(List.of("local", "remote_write", "remote_apply", "on", "off"), Map.of("true", "on",
                        "yes", "on", "1", "on", "false", "off", "no", "off", "0", "off")), "on"));
        parameters.add(Parameter.session("threads", "Worker threads a query may use (Basalt).",
                new IntegerType(1, 1024, IntegerUnit.NONE), Integer.toString(config.threads())));
        parameters.add(Parameter.session("TimeZone", "Time zone for displaying and interpreting time stamps.",
                new TextType(TimeZones::canonical), "UTC"));
        parameters.add(Parameter.session("timezone_abbreviations",
                "Set of time zone abbreviations accepted in date/time input (Basalt knows PostgreSQL's default set).",
                new TextType(ParameterCatalog::checkAbbreviationSet), "Default"));
        parameters.add(new Parameter("transaction_isolation", "Isolation level of the current transaction.",
                isolationLevels(), "read committed", Parameter.Scope.TRANSACTION, false, false));
        parameters.add(new Parameter("transaction_deferrable",
                "Whether the current serializable read-only transaction waits for a safe snapshot (no effect in Basalt).",
                new BooleanType(), "off", Parameter.Scope.TRANSACTION, false, false));
        parameters.add(new Parameter("transaction_read_only", "Whether the current transaction is read-only.",
                new BooleanType(), "off", Parameter.Scope.TRANSACTION, false, false));
        parameters.add(Parameter.readOnly("vector_size",
                "Rows per batch in the executor, fixed when the database is opened (Basalt).",
                Integer.toString(config.vectorSize())));
        parameters.add(Parameter.session("work_mem", "Memory an operator may use before spilling (not enforced yet).",
                new IntegerType(64, Integer.MAX_VALUE, IntegerUnit.KILOBYTES), "4MB"));
        parameters.add(Parameter.session("max_stack_depth", "Maximum stack depth, in kilobytes (Basalt: a statement "
                        + "nested too deeply for the thread's stack fails with 54001 whatever it is set to).",
                new IntegerType(100, Integer.MAX_VALUE, IntegerUnit.KILOBYTES), "2MB"));
        parameters.add(Parameter.session("memory_limit",
                "Memory one query may use; sorts, hash aggregates, hash joins, window functions and set operations "
                        + "spill to temporary files to stay within it, other operators fail with 53200 (Basalt).",
                new IntegerType(1024, Integer.MAX_VALUE, IntegerUnit.KILOBYTES), defaultMemoryLimit(config)));
        parameters.add(Parameter.session("temp_directory", "Directory under which queries write their spill files; "
                + "empty: the system property basalt.temp_directory, else tmp in the database directory, else "
                + "java.io.tmpdir (Basalt).", new TextType(TempDirectory::check), ""));
        parameters.addAll(PlannerParameters.all());
        return new ParameterCatalog(parameters);
    }

    /** The database's memory limit (a fraction of the JVM's memory) in whole megabytes, written as SHOW prints it. */
    private static String defaultMemoryLimit(BasaltConfig config) {
        long kilobytes = Math.min(config.memoryLimit() / (1024 * 1024), Integer.MAX_VALUE / 1024) * 1024;
        return IntegerUnit.KILOBYTES.format((int) Math.max(1024, kilobytes));
    }

    private static EnumType isolationLevels() {
        return new EnumType("serializable", "repeatable read", "read committed", "read uncommitted");
    }

    private static String checkIdentifierList(Parameter parameter, Assignment assignment) {
        if (IdentifierLists.split(assignment.text()) == null) {
            throw InvalidValue.of(parameter.name(), assignment.text()).withDetail("List syntax is invalid.");
        }
        return assignment.text();
    }

    /** Basalt behaves as the C locale does, so only the C locale's names are accepted (and "", the default). */
    /** restrict_nonsystem_relation_kind: a list of {@code view} and {@code foreign-table}, kept as written. */
    private static String checkRelationKinds(Parameter parameter, Assignment assignment) {
        String text = assignment.text();
        for (String kind : text.split(",")) {
            String word = kind.strip();
            if (word.isEmpty() && text.isBlank()) {
                continue;
            }
            if (!word.equals("view") && !word.equals("foreign-table")) {
                throw InvalidValue.of(parameter.name(), text).withDetail("Unrecognized key word: \"" + word + "\".");
            }
        }
        return text;
    }

    /** A configuration Basalt has ({@code simple}, {@code english}), shown qualified with pg_catalog. */
    private static String checkTextSearchConfiguration(Parameter parameter, Assignment assignment) {
        String bare = assignment.text().toLowerCase(java.util.Locale.ROOT);
        bare = bare.startsWith("pg_catalog.") ? bare.substring("pg_catalog.".length()) : bare;
        if (!bare.equals("simple") && !bare.equals("english")) {
            throw InvalidValue.of(parameter.name(), assignment.text());
        }
        return "pg_catalog." + bare;
    }

    private static String checkLocale(Parameter parameter, Assignment assignment) {
        String text = assignment.text();
        if (!List.of("", "C", "POSIX", "C.UTF-8", "C.utf8").contains(text)) {
            throw InvalidValue.of(parameter.name(), text);
        }
        return text.isEmpty() ? "C" : text;
    }

    private static String checkAbbreviationSet(Parameter parameter, Assignment assignment) {
        if (!assignment.text().equals("Default")) {
            throw InvalidValue.of(parameter.name(), assignment.text());
        }
        return "Default";
    }

    /** Basalt's lexer always reads backslashes in ordinary strings literally, so the parameter must stay on. */
    private static String checkStandardStrings(Parameter parameter, Assignment assignment) {
        Boolean on = BooleanType.parse(assignment.text());
        if (on == null) {
            throw InvalidValue.notBoolean(assignment.writtenName());
        }
        if (!on) {
            throw InvalidValue.of(parameter.name(), assignment.text())
                    .withDetail("Basalt always reads backslashes in ordinary string literals as ordinary characters.");
        }
        return "on";
    }

    /** The parameter named {@code name} in any case, or null. */
    public Parameter find(String name) {
        return byLowerCaseName.get(name.toLowerCase(Locale.ROOT));
    }

    /** Every parameter, in the order SHOW ALL lists them (by name, without regard to case). */
    public List<Parameter> all() {
        List<Parameter> sorted = new ArrayList<>(byLowerCaseName.values());
        sorted.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return sorted;
    }
}
