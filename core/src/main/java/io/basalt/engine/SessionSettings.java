package io.basalt.engine;

import static java.util.Objects.requireNonNull;

import io.basalt.api.BasaltConfig;
import io.basalt.engine.setting.Assignment;
import io.basalt.engine.setting.IdentifierLists;
import io.basalt.engine.setting.IntegerType;
import io.basalt.engine.setting.Parameter;
import io.basalt.engine.setting.ParameterCatalog;
import io.basalt.engine.setting.TimeZones;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.datetime.DateTimeSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration parameters of one session (PostgreSQL's GUCs): their values, checked and shown as
 * PostgreSQL checks and shows them ({@link ParameterCatalog} lists them). The database keeps a
 * {@code SessionSettings} holding the defaults; each session starts from a {@link #copy()} of it, and RESET
 * returns to those defaults. Names are matched without regard to case. Names with a dot ({@code myapp.user_id})
 * are custom parameters: any value is accepted and kept as text, as PostgreSQL keeps placeholder variables.
 *
 * <p>What acts on the values today: SHOW, {@code current_setting} and the typed accessors below, which the
 * rest of the engine reads: TimeZone, DateStyle and IntervalStyle reach date/time input and output through
 * {@link #dateTimeSettings()}.
 * client_min_messages hides notices (and warnings) of results; statement_timeout, work_mem and threads are stored and
 * shown but not enforced.
 *
 * <p>Not thread-safe: a session runs one statement at a time.
 */
public final class SessionSettings {
    private static final int MAX_CUSTOM_NAME_LENGTH = 255;

    private final ParameterCatalog catalog;
    /** Built-in parameters' values, by lower-case name; every SESSION and READ_ONLY parameter is present. */
    private final Map<String, String> values;
    /** The values RESET returns to, shared with the database's defaults. */
    private final Map<String, String> resetValues;
    /** Custom (dotted) parameters: lower-case name to the name as first written and the value. */
    private final Map<String, CustomValue> custom;

    record CustomValue(String name, String value) {
    }

    /** The open transaction block's own values of TRANSACTION parameters (by lower-case name), shown instead. */
    private final Map<String, String> transactionValues = new HashMap<>();

    private SessionSettings(ParameterCatalog catalog, Map<String, String> values, Map<String, String> resetValues,
                            Map<String, CustomValue> custom) {
        this.catalog = catalog;
        this.values = values;
        this.resetValues = resetValues;
        this.custom = custom;
    }

    /** The defaults of a database opened with {@code config}. */
    public static SessionSettings defaults(BasaltConfig config) {
        requireNonNull(config, "config is null");
        ParameterCatalog catalog = ParameterCatalog.of(config);
        Map<String, String> values = new HashMap<>();
        for (Parameter parameter : catalog.all()) {
            if (parameter.scope() != Parameter.Scope.TRANSACTION) {
                values.put(key(parameter.name()), parameter.defaultValue());
            }
        }
        SessionSettings defaults = new SessionSettings(catalog, values, Map.copyOf(values), new LinkedHashMap<>());
        if (config.startupSettings().isEmpty()) {
            return defaults;
        }
        // Startup settings (PostgreSQL's connection options) are checked like SET and become what RESET returns to.
        for (Map.Entry<String, String> setting : config.startupSettings().entrySet()) {
            defaults.set(setting.getKey(), setting.getValue(), new java.util.ArrayList<>());
        }
        return defaults.copy();
    }

    /** The session's parameter values at one moment, for a transaction to put back (see {@link #restore}). */
    public record Snapshot(Map<String, String> values, Map<String, CustomValue> custom) {
    }

    /** The values of every parameter now. */
    public Snapshot snapshot() {
        return new Snapshot(Map.copyOf(values), Map.copyOf(custom));
    }

    /** Puts every parameter back to its value in {@code snapshot} (ROLLBACK of a SET). */
    public void restore(Snapshot snapshot) {
        values.clear();
        values.putAll(snapshot.values());
        custom.clear();
        custom.putAll(snapshot.custom());
    }

    /** Puts parameter {@code name} back to its value in {@code snapshot} (the end of a SET LOCAL's transaction). */
    public void restore(Snapshot snapshot, String name) {
        String key = key(name);
        Parameter parameter = catalog.find(name);
        if (parameter != null) {
            key = key(parameter.name());
            String value = snapshot.values().get(key);
            if (value != null) {
                values.put(key, value);
            }
            return;
        }
        CustomValue value = snapshot.custom().get(key);
        if (value == null) {
            custom.remove(key);
        } else {
            custom.put(key, value);
        }
    }

    /** A new session's settings: these values, which RESET will return to. */
    public SessionSettings copy() {
        Map<String, String> start = Map.copyOf(values);
        return new SessionSettings(catalog, new HashMap<>(start), start, new LinkedHashMap<>(custom));
    }

    // ---------------------------------------------------------------- reading

    /**
     * The value of {@code name} as SHOW and {@code current_setting} print it.
     *
     * @throws BasaltException 42704 {@code unrecognized configuration parameter} when there is no such parameter
     */
    public String show(String name) {
        String value = find(name);
        if (value == null) {
            throw unrecognized(name);
        }
        return value;
    }

    /** Whether enable_hashagg is on: without it, duplicate rows are removed by sorting rather than hashing. */
    public boolean hashAggregation() {
        return !"off".equals(find("enable_hashagg"));
    }

    /** Like {@link #show} but null for an unknown parameter ({@code current_setting(name, true)}). */
    public String find(String name) {
        Parameter parameter = catalog.find(name);
        if (parameter == null) {
            CustomValue value = custom.get(key(name));
            return value == null ? null : value.value();
        }
        if (parameter.scope() == Parameter.Scope.TRANSACTION) {
            String own = transactionValues.get(key(parameter.name()));
            return own != null ? own : values.get("default_" + key(parameter.name()));
        }
        return values.get(key(parameter.name()));
    }

    /**
     * Shows {@code value} for the TRANSACTION parameter {@code name} (transaction_isolation, transaction_read_only)
     * while a transaction block is open; null returns to the session's default.
     */
    public void setTransactionValue(String name, String value) {
        if (value == null) {
            transactionValues.remove(key(name));
        } else {
            transactionValues.put(key(name), value);
        }
    }

    /** The name SHOW uses as its column's name: the canonical spelling ("TimeZone" for {@code SHOW timezone}). */
    public String displayName(String name) {
        Parameter parameter = catalog.find(name);
        if (parameter != null) {
            return parameter.name();
        }
        CustomValue value = custom.get(key(name));
        if (value == null) {
            throw unrecognized(name);
        }
        return value.name();
    }

    /** The built-in parameter {@code name}, or null (unknown or custom). */
    public Parameter parameter(String name) {
        return catalog.find(name);
    }

    /** SHOW ALL: for every built-in parameter in name order, its name, value and description. */
    public List<List<String>> all() {
        List<List<String>> rows = new ArrayList<>();
        for (Parameter parameter : catalog.all()) {
            rows.add(List.of(parameter.name(), find(parameter.name()), parameter.description()));
        }
        return rows;
    }

    // ---------------------------------------------------------------- changing

    /**
     * Gives {@code name} (as the statement wrote it) the value {@code text}, checked as PostgreSQL checks it.
     *
     * @param notices receives the notices the change raises (application_name's truncation)
     * @return the new value as SHOW prints it
     * @throws BasaltException 42704 for an unknown name, 42602 for an invalid custom name, 55P02 for a
     *         read-only parameter, 22023 (or the check's own code) for a value the parameter does not accept
     */
    public String set(String name, String text, List<String> notices) {
        requireNonNull(text, "text is null");
        Parameter parameter = catalog.find(name);
        if (parameter == null) {
            checkCustomName(name);
            String key = key(name);
            CustomValue existing = custom.get(key);
            custom.put(key, new CustomValue(existing == null ? name : existing.name(), text));
            return text;
        }
        checkChangeable(parameter, name);
        String current = find(parameter.name());
        String value = parameter.type().canonical(parameter, new Assignment(name, text, current, notices));
        if (parameter.scope() == Parameter.Scope.TRANSACTION) {
            return current;
        }
        values.put(key(parameter.name()), value);
        return value;
    }

    /**
     * Returns {@code name} to the value the session started with (RESET, SET ... TO DEFAULT).
     *
     * @return the value it has now
     */
    public String reset(String name) {
        Parameter parameter = catalog.find(name);
        if (parameter == null) {
            checkCustomName(name);
            String key = key(name);
            CustomValue existing = custom.get(key);
            custom.put(key, new CustomValue(existing == null ? name : existing.name(), ""));
            return "";
        }
        checkChangeable(parameter, name);
        if (parameter.scope() == Parameter.Scope.SESSION) {
            values.put(key(parameter.name()), resetValues.get(key(parameter.name())));
        }
        return find(parameter.name());
    }

    /** RESET ALL: every parameter that can change back to its start value; custom ones to the empty string. */
    public void resetAll() {
        for (Parameter parameter : catalog.all()) {
            if (parameter.scope() == Parameter.Scope.SESSION && !parameter.name().equals("role")
                    && !parameter.name().equals("session_authorization")) {
                values.put(key(parameter.name()), resetValues.get(key(parameter.name())));
            }
        }
        custom.replaceAll((key, value) -> new CustomValue(value.name(), ""));
    }

    private static void checkChangeable(Parameter parameter, String writtenName) {
        if (parameter.scope() == Parameter.Scope.READ_ONLY) {
            throw BasaltException.of(SqlState.CANT_CHANGE_RUNTIME_PARAM,
                    "parameter \"" + writtenName + "\" cannot be changed");
        }
    }

    /**
     * A custom name must be two or more simple identifiers separated by dots (PostgreSQL's rule); a name
     * without a dot is simply unknown.
     */
    private static void checkCustomName(String name) {
        if (name.indexOf('.') < 0) {
            throw unrecognized(name);
        }
        boolean valid = name.length() <= MAX_CUSTOM_NAME_LENGTH;
        boolean partStart = true;
        for (int i = 0; valid && i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                valid = !partStart;
                partStart = true;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c > 127) {
                partStart = false;
            } else {
                valid = !partStart && ((c >= '0' && c <= '9') || c == '$');
            }
        }
        if (!valid || partStart) {
            throw BasaltException.of(SqlState.INVALID_NAME, "invalid configuration parameter name \"" + name + "\"")
                    .withDetail("Custom parameter names must be two or more simple identifiers separated by dots.");
        }
    }

    private static BasaltException unrecognized(String name) {
        return BasaltException.of(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- typed values for the engine

    /** TimeZone as a zone: named zones keep their rules, numeric and POSIX offsets are fixed offsets. */
    public ZoneId timeZone() {
        return TimeZones.zoneOf(show("TimeZone"));
    }

    /** TimeZone, DateStyle, IntervalStyle, extra_float_digits and bytea_output, as value input and output read them. */
    public DateTimeSettings dateTimeSettings() {
        return DateTimeSettings.of(timeZone(), TimeZones.abbreviationOf(show("TimeZone")), dateStyle(), intervalStyle())
                .withExtraFloatDigits(extraFloatDigits()).withByteaEscape(show("bytea_output").equals("escape"));
    }

    /** DateStyle as SHOW prints it: output style, comma, field order ({@code ISO, MDY}). */
    public String dateStyle() {
        return show("DateStyle");
    }

    /** IntervalStyle: postgres, postgres_verbose, sql_standard or iso_8601. */
    public String intervalStyle() {
        return show("IntervalStyle");
    }

    /** extra_float_digits, from -15 to 3. */
    public int extraFloatDigits() {
        return Integer.parseInt(show("extra_float_digits"));
    }

    /** The schemas of search_path in order, names unquoted ({@code $user} included as written). */
    public List<String> searchPath() {
        List<String> names = IdentifierLists.split(show("search_path"));
        return names == null ? List.of() : List.copyOf(names);
    }

    /** lock_timeout: how long a statement waits for a row lock; zero means no limit. */
    public Duration lockTimeout() {
        return Duration.ofMillis(integer("lock_timeout"));
    }

    /** statement_timeout; zero means none. */
    public Duration statementTimeout() {
        return Duration.ofMillis(integer("statement_timeout"));
    }

    /** work_mem in bytes. */
    public long workMemBytes() {
        return integer("work_mem") * 1024L;
    }

    /** memory_limit in bytes: what one query may hold before it spills or fails with 53200. */
    public long memoryLimitBytes() {
        return integer("memory_limit") * 1024L;
    }

    /** temp_directory as set ("" when unset: see {@link io.basalt.engine.setting.TempDirectory}). */
    public String tempDirectory() {
        return show("temp_directory");
    }

    /** max_wal_size in bytes: the write-ahead log size past which a statement's commit triggers a checkpoint. */
    public long maxWalSizeBytes() {
        return integer("max_wal_size") * 1024L;
    }

    /** threads: worker threads a query may use. */
    public int threads() {
        return integer("threads");
    }

    /** vector_size: rows per batch, fixed for the database. */
    public int vectorSize() {
        return integer("vector_size");
    }

    private int integer(String name) {
        Parameter parameter = catalog.find(name);
        String value = show(name);
        if (parameter.type() instanceof IntegerType type) {
            return type.parse(name, value);
        }
        return Integer.parseInt(value);
    }
}
