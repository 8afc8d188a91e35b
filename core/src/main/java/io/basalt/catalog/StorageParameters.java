package io.basalt.catalog;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.StorageParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Storage parameters of tables and indexes ({@code WITH (fillfactor = 70)}, {@code ALTER TABLE ... SET (...)} /
 * {@code RESET (...)}), validated as PostgreSQL 15 validates them: the known names per kind of relation with their
 * types and bounds, and its 22023 errors for an unknown name or namespace, a bad value, a value out of bounds or a
 * parameter given twice. A table keeps them as {@code name=value} texts, in the order pg_class.reloptions shows
 * (those of the {@code toast} namespace prefixed with {@code toast.}). They have no effect on how Basalt stores or
 * vacuums data: they are kept so that a schema written for PostgreSQL loads and shows them back.
 */
public final class StorageParameters {
    private StorageParameters() {
    }

    /** What a parameter's value must be. */
    private enum Kind {
        BOOLEAN, INTEGER, REAL, INDEX_CLEANUP, BUFFERING
    }

    /** A known parameter: its kind, bounds (for numbers), and whether the toast namespace knows it too. */
    private record Spec(Kind kind, double min, double max, boolean toast) {
    }

    private static final double INT_MAX = Integer.MAX_VALUE;

    /** PostgreSQL 15's parameters of tables (heap), from reloptions.c. */
    private static final Map<String, Spec> TABLE = Map.ofEntries(
            Map.entry("fillfactor", new Spec(Kind.INTEGER, 10, 100, false)),
            Map.entry("autovacuum_enabled", new Spec(Kind.BOOLEAN, 0, 0, true)),
            Map.entry("autovacuum_vacuum_threshold", new Spec(Kind.INTEGER, 0, INT_MAX, true)),
            Map.entry("autovacuum_vacuum_insert_threshold", new Spec(Kind.INTEGER, -1, INT_MAX, true)),
            Map.entry("autovacuum_analyze_threshold", new Spec(Kind.INTEGER, 0, INT_MAX, false)),
            Map.entry("autovacuum_vacuum_cost_delay", new Spec(Kind.REAL, 0, 100, true)),
            Map.entry("autovacuum_vacuum_cost_limit", new Spec(Kind.INTEGER, 1, 10000, true)),
            Map.entry("autovacuum_freeze_min_age", new Spec(Kind.INTEGER, 0, 1000000000, true)),
            Map.entry("autovacuum_freeze_max_age", new Spec(Kind.INTEGER, 100000, 2000000000, true)),
            Map.entry("autovacuum_freeze_table_age", new Spec(Kind.INTEGER, 0, 2000000000, true)),
            Map.entry("autovacuum_multixact_freeze_min_age", new Spec(Kind.INTEGER, 0, 1000000000, true)),
            Map.entry("autovacuum_multixact_freeze_max_age", new Spec(Kind.INTEGER, 10000, 2000000000, true)),
            Map.entry("autovacuum_multixact_freeze_table_age", new Spec(Kind.INTEGER, 0, 2000000000, true)),
            Map.entry("log_autovacuum_min_duration", new Spec(Kind.INTEGER, -1, INT_MAX, true)),
            Map.entry("autovacuum_vacuum_scale_factor", new Spec(Kind.REAL, 0, 100, true)),
            Map.entry("autovacuum_vacuum_insert_scale_factor", new Spec(Kind.REAL, 0, 100, true)),
            Map.entry("autovacuum_analyze_scale_factor", new Spec(Kind.REAL, 0, 100, false)),
            Map.entry("toast_tuple_target", new Spec(Kind.INTEGER, 128, 8160, false)),
            Map.entry("parallel_workers", new Spec(Kind.INTEGER, 0, 1024, false)),
            Map.entry("user_catalog_table", new Spec(Kind.BOOLEAN, 0, 0, false)),
            Map.entry("vacuum_index_cleanup", new Spec(Kind.INDEX_CLEANUP, 0, 0, true)),
            Map.entry("vacuum_truncate", new Spec(Kind.BOOLEAN, 0, 0, true)));

    /** Parameters of indexes per access method. */
    private static final Map<String, Map<String, Spec>> INDEX = Map.of(
            "btree", Map.of("fillfactor", new Spec(Kind.INTEGER, 10, 100, false),
                    "deduplicate_items", new Spec(Kind.BOOLEAN, 0, 0, false)),
            "hash", Map.of("fillfactor", new Spec(Kind.INTEGER, 10, 100, false)),
            "spgist", Map.of("fillfactor", new Spec(Kind.INTEGER, 10, 100, false)),
            "gist", Map.of("fillfactor", new Spec(Kind.INTEGER, 10, 100, false),
                    "buffering", new Spec(Kind.BUFFERING, 0, 0, false)),
            "gin", Map.of("fastupdate", new Spec(Kind.BOOLEAN, 0, 0, false),
                    "gin_pending_list_limit", new Spec(Kind.INTEGER, 64, INT_MAX, false)),
            "brin", Map.of("pages_per_range", new Spec(Kind.INTEGER, 1, 131072, false),
                    "autosummarize", new Spec(Kind.BOOLEAN, 0, 0, false)));

    /**
     * The texts a table keeps for {@code parameters} of CREATE TABLE, validated ({@code oids=false} is accepted
     * and not kept; {@code oids} true is 0A000). A partitioned table takes none.
     */
    public static List<String> forTable(List<StorageParameter> parameters, boolean partitioned) {
        return set(List.of(), parameters, partitioned);
    }

    /** {@code existing} with {@code parameters} set (ALTER TABLE ... SET): a parameter set again moves to the end. */
    public static List<String> set(List<String> existing, List<StorageParameter> parameters, boolean partitioned) {
        List<String> seen = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (StorageParameter parameter : parameters) {
            if (parameter.namespace() == null && parameter.name().equals("oids")) {
                if (parameter.value() == null || parseBoolean(parameter.value()) != Boolean.FALSE) {
                    throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "tables declared WITH OIDS are not supported");
                }
                continue;
            }
            String key = key(parameter);
            Spec spec = partitioned ? null : TABLE.get(parameter.name());
            if (spec == null || (parameter.namespace() != null && !spec.toast())) {
                throw unrecognized(parameter.name());
            }
            if (seen.contains(key)) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "parameter \"" + parameter.name() + "\" specified more than once");
            }
            seen.add(key);
            added.add(key + "=" + checked(spec, parameter));
        }
        List<String> result = new ArrayList<>();
        for (String option : existing) {
            if (!seen.contains(option.substring(0, option.indexOf('=')))) {
                result.add(option);
            }
        }
        result.addAll(added);
        return result;
    }

    /** {@code existing} without the parameters RESET names (names it does not know are ignored, as in PostgreSQL). */
    public static List<String> reset(List<String> existing, List<StorageParameter> parameters) {
        List<String> names = new ArrayList<>();
        for (StorageParameter parameter : parameters) {
            if (parameter.value() != null) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "RESET must not include values for parameters");
            }
            // RESET checks no namespace: an unknown one names nothing to reset
            names.add(parameter.namespace() == null ? parameter.name()
                    : parameter.namespace() + "." + parameter.name());
        }
        List<String> result = new ArrayList<>();
        for (String option : existing) {
            if (!names.contains(option.substring(0, option.indexOf('=')))) {
                result.add(option);
            }
        }
        return result;
    }

    /** Validates the parameters of CREATE INDEX ... USING {@code method} WITH (...). */
    public static void checkIndex(String method, List<StorageParameter> parameters) {
        Map<String, Spec> known = INDEX.getOrDefault(method.toLowerCase(Locale.ROOT), Map.of());
        List<String> seen = new ArrayList<>();
        for (StorageParameter parameter : parameters) {
            checkNamespace(parameter);
            Spec spec = known.get(parameter.name());
            if (spec == null || parameter.namespace() != null) {
                throw unrecognized(parameter.name());
            }
            if (seen.contains(parameter.name())) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "parameter \"" + parameter.name() + "\" specified more than once");
            }
            seen.add(parameter.name());
            checked(spec, parameter);
        }
    }

    /** Validates parameters that a view or CREATE TABLE AS names but Basalt does not keep. */
    public static void checkTable(List<StorageParameter> parameters) {
        set(List.of(), parameters, false);
    }

    /** The texts pg_class.reloptions shows of a table's: those of the toast namespace belong to its TOAST table. */
    public static List<String> shown(List<String> options) {
        List<String> shown = new ArrayList<>();
        for (String option : options) {
            if (!option.startsWith("toast.")) {
                shown.add(option);
            }
        }
        return shown;
    }

    private static String key(StorageParameter parameter) {
        checkNamespace(parameter);
        return parameter.namespace() == null ? parameter.name() : parameter.namespace() + "." + parameter.name();
    }

    private static void checkNamespace(StorageParameter parameter) {
        if (parameter.namespace() != null && !parameter.namespace().equals("toast")) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "unrecognized parameter namespace \"" + parameter.namespace() + "\"");
        }
    }

    private static BasaltException unrecognized(String name) {
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "unrecognized parameter \"" + name + "\"");
    }

    /** The parameter's value as kept, after checking it against {@code spec}; no value means true. */
    private static String checked(Spec spec, StorageParameter parameter) {
        String value = parameter.value() == null ? "true" : parameter.value();
        String name = parameter.name();
        switch (spec.kind()) {
            case BOOLEAN -> {
                if (parseBoolean(value) == null) {
                    throw invalid("boolean", name, value);
                }
            }
            case INTEGER -> {
                Double number = parseNumber(value);
                if (number == null || Math.rint(number) < Integer.MIN_VALUE || Math.rint(number) > Integer.MAX_VALUE) {
                    throw invalid("integer", name, value);
                }
                double rounded = Math.rint(number);
                if (rounded < spec.min() || rounded > spec.max()) {
                    throw outOfBounds(value, name, String.valueOf((long) spec.min()), String.valueOf((long) spec.max()));
                }
            }
            case REAL -> {
                Double number = parseNumber(value);
                if (number == null) {
                    throw invalid("floating point", name, value);
                }
                if (number < spec.min() || number > spec.max()) {
                    throw outOfBounds(value, name, String.format(Locale.ROOT, "%f", spec.min()),
                            String.format(Locale.ROOT, "%f", spec.max()));
                }
            }
            case INDEX_CLEANUP -> {
                if (!List.of("auto", "on", "off").contains(value.toLowerCase(Locale.ROOT))
                        && parseBoolean(value) == null) {
                    throw invalid("enum", name, value).withDetail("Valid values are \"on\", \"off\", and \"auto\".");
                }
            }
            case BUFFERING -> {
                if (!List.of("auto", "on", "off").contains(value.toLowerCase(Locale.ROOT))) {
                    throw invalid("enum", name, value).withDetail("Valid values are \"on\", \"off\", and \"auto\".");
                }
            }
        }
        return value;
    }

    private static BasaltException invalid(String kind, String name, String value) {
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for " + kind + " option \"" + name + "\": " + value);
    }

    private static BasaltException outOfBounds(String value, String name, String min, String max) {
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "value " + value + " out of bounds for option \"" + name + "\"")
                .withDetail("Valid values are between \"" + min + "\" and \"" + max + "\".");
    }

    /** PostgreSQL's parse_bool: true/false/yes/no and their prefixes, on/off, 1/0; null when none. */
    private static Boolean parseBoolean(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return null;
        }
        if ("true".startsWith(value) || "yes".startsWith(value) || value.equals("on") || value.equals("1")) {
            return Boolean.TRUE;
        }
        if ("false".startsWith(value) || "no".startsWith(value) || value.equals("off") || value.equals("0")) {
            return Boolean.FALSE;
        }
        return null;
    }

    private static Double parseNumber(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException notNumber) {
            return null;
        }
    }
}
