package io.basalt.type.json.path;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.datetime.Calendar;
import io.basalt.type.datetime.DateTimeConversion;
import io.basalt.type.datetime.DateTimeValues;
import io.basalt.type.datetime.IntervalFields;
import io.basalt.type.datetime.TimeValues;
import io.basalt.type.datetime.TimeWithZone;
import io.basalt.type.format.DateTimeTemplate;
import io.basalt.type.format.DateTimeTemplateReader;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonNode.JsonDatetime;
import java.math.BigDecimal;

/**
 * jsonpath's date/time methods, as PostgreSQL 17 has them: {@code .datetime([template])} reads a string as a
 * date, time, timetz, timestamp or timestamptz (with a template in standard mode, without one trying the
 * ISO forms in PostgreSQL's order), and {@code .date()}, {@code .time([p])}, {@code .time_tz([p])},
 * {@code .timestamp([p])}, {@code .timestamp_tz([p])} read it the same way and convert the result to their
 * type, rounding to the precision given. Conversions that would depend on the session's time zone are errors
 * outside the _tz functions ({@link JsonPathTimeZone}); {@link #compare} orders two items the same way.
 */
final class JsonPathDatetimes {
    /** The forms tried, in order, when no template is given. */
    private static final DateTimeTemplate[] ISO_FORMS = forms("yyyy-mm-dd", "HH24:MI:SS.USTZ", "HH24:MI:SSTZ",
            "HH24:MI:SS.US", "HH24:MI:SS", "yyyy-mm-dd HH24:MI:SS.USTZ", "yyyy-mm-dd HH24:MI:SSTZ",
            "yyyy-mm-dd\"T\"HH24:MI:SS.USTZ", "yyyy-mm-dd\"T\"HH24:MI:SSTZ", "yyyy-mm-dd HH24:MI:SS.US",
            "yyyy-mm-dd HH24:MI:SS", "yyyy-mm-dd\"T\"HH24:MI:SS.US", "yyyy-mm-dd\"T\"HH24:MI:SS");

    private JsonPathDatetimes() {
    }

    private static DateTimeTemplate[] forms(String... texts) {
        DateTimeTemplate[] forms = new DateTimeTemplate[texts.length];
        for (int i = 0; i < texts.length; i++) {
            forms[i] = DateTimeTemplate.compile(texts[i]);
        }
        return forms;
    }

    /** The item {@code method} makes of {@code item}. */
    static JsonNode apply(JsonPathNode.DatetimeMethod method, JsonNode item, JsonPathTimeZone zone) {
        String name = method.name();
        if (!(item instanceof JsonNode.JsonString string)) {
            throw BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_SQL_JSON_DATETIME_FUNCTION,
                    "jsonpath item method ." + name + "() can only be applied to a string");
        }
        int precision = precision(method);
        DateTimeTemplateReader.Result read = read(string.value(), method);
        JsonDatetime parsed = new JsonDatetime(read.type(), read.value(), read.offsetSeconds());
        JsonDatetime converted = switch (name) {
            case "datetime" -> parsed;
            case "date" -> toDate(parsed, string.value(), zone);
            case "time" -> toTime(parsed, string.value(), zone);
            case "time_tz" -> toTimeTz(parsed, string.value(), zone);
            case "timestamp" -> toTimestamp(parsed, string.value(), zone);
            case "timestamp_tz" -> toTimestampTz(parsed, string.value(), zone);
            default -> throw BasaltException.internal("unknown jsonpath method " + name);
        };
        return precision < 0 ? converted : round(converted, precision);
    }

    /** The precision argument, -1 for none; one above 6 counts as 6 (PostgreSQL warns that it reduced it). */
    private static int precision(JsonPathNode.DatetimeMethod method) {
        BigDecimal given = method.precision();
        if (given == null) {
            return -1;
        }
        if (given.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new JsonPathHardError(BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "time precision of"
                    + " jsonpath item method ." + method.name() + "() is out of range for type integer"));
        }
        return Math.min(given.intValue(), IntervalFields.MAX_PRECISION);
    }

    private static DateTimeTemplateReader.Result read(String text, JsonPathNode.DatetimeMethod method) {
        if (method.template() != null) {
            DateTimeTemplate template = DateTimeTemplate.compile(method.template());
            try {
                DateTimeTemplateReader.checkStandard(template);
            } catch (BasaltException invalid) {
                throw new JsonPathHardError(invalid);
            }
            return DateTimeTemplateReader.read(text, template);
        }
        for (DateTimeTemplate form : ISO_FORMS) {
            try {
                return DateTimeTemplateReader.read(text, form);
            } catch (BasaltException notThisForm) {
                // try the next form
            }
        }
        BasaltException failure = BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_SQL_JSON_DATETIME_FUNCTION,
                method.name() + " format is not recognized: \"" + text + "\"");
        throw method.name().equals("datetime")
                ? failure.withHint("Use a datetime template argument to specify the input data format.") : failure;
    }

    private static BasaltException notRecognized(String type, String text) {
        return BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_SQL_JSON_DATETIME_FUNCTION,
                type + " format is not recognized: \"" + text + "\"");
    }

    /** The error for a conversion that needs the time zone outside the _tz functions. */
    static void requireZone(JsonPathTimeZone zone, String from, String to) {
        if (!zone.use()) {
            throw new JsonPathHardError(BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "cannot convert value from " + from + " to " + to + " without time zone usage")
                    .withHint("Use *_tz() function for time zone support."));
        }
    }

    private static JsonDatetime convert(JsonDatetime item, LogicalType to, JsonPathTimeZone zone) {
        Object value = DateTimeConversion.convert(item.value(), logical(item.type()), to, zone.settings());
        long converted = (Long) value;
        int offset = switch (to.id()) {
            case TIMETZ -> TimeWithZone.offset(converted);
            case TIMESTAMPTZ -> item.type() == TypeId.TIMESTAMPTZ ? item.offsetSeconds()
                    : Calendar.isFiniteTimestamp(converted) ? DateTimeValues.offsetAt(converted, zone.settings().zone())
                    : 0;
            default -> 0;
        };
        return new JsonDatetime(to.id(), converted, offset);
    }

    private static LogicalType logical(TypeId type) {
        return switch (type) {
            case DATE -> LogicalType.DATE;
            case TIME -> LogicalType.TIME;
            case TIMETZ -> LogicalType.TIMETZ;
            case TIMESTAMP -> LogicalType.TIMESTAMP;
            case TIMESTAMPTZ -> LogicalType.TIMESTAMPTZ;
            default -> throw BasaltException.internal("not a date/time type: " + type);
        };
    }

    private static JsonDatetime toDate(JsonDatetime item, String text, JsonPathTimeZone zone) {
        return switch (item.type()) {
            case DATE -> item;
            case TIMESTAMP -> convert(item, LogicalType.DATE, zone);
            case TIMESTAMPTZ -> {
                requireZone(zone, "timestamptz", "date");
                yield convert(item, LogicalType.DATE, zone);
            }
            default -> throw notRecognized("date", text);
        };
    }

    private static JsonDatetime toTime(JsonDatetime item, String text, JsonPathTimeZone zone) {
        return switch (item.type()) {
            case TIME -> item;
            case TIMETZ -> {
                requireZone(zone, "timetz", "time");
                yield convert(item, LogicalType.TIME, zone);
            }
            case TIMESTAMP -> convert(item, LogicalType.TIME, zone);
            case TIMESTAMPTZ -> {
                requireZone(zone, "timestamptz", "time");
                yield convert(item, LogicalType.TIME, zone);
            }
            default -> throw notRecognized("time", text);
        };
    }

    private static JsonDatetime toTimeTz(JsonDatetime item, String text, JsonPathTimeZone zone) {
        return switch (item.type()) {
            case TIMETZ -> item;
            case TIME -> {
                requireZone(zone, "time", "timetz");
                yield convert(item, LogicalType.TIMETZ, zone);
            }
            case TIMESTAMPTZ -> convert(item, LogicalType.TIMETZ, zone);
            default -> throw notRecognized("time_tz", text);
        };
    }

    private static JsonDatetime toTimestamp(JsonDatetime item, String text, JsonPathTimeZone zone) {
        return switch (item.type()) {
            case TIMESTAMP -> item;
            case DATE -> convert(item, LogicalType.TIMESTAMP, zone);
            case TIMESTAMPTZ -> {
                requireZone(zone, "timestamptz", "timestamp");
                yield convert(item, LogicalType.TIMESTAMP, zone);
            }
            default -> throw notRecognized("timestamp", text);
        };
    }

    private static JsonDatetime toTimestampTz(JsonDatetime item, String text, JsonPathTimeZone zone) {
        return switch (item.type()) {
            case TIMESTAMPTZ -> item;
            case DATE -> {
                requireZone(zone, "date", "timestamptz");
                yield convert(item, LogicalType.TIMESTAMPTZ, zone);
            }
            case TIMESTAMP -> {
                requireZone(zone, "timestamp", "timestamptz");
                yield convert(item, LogicalType.TIMESTAMPTZ, zone);
            }
            default -> throw notRecognized("timestamp_tz", text);
        };
    }

    private static JsonDatetime round(JsonDatetime item, int precision) {
        long value = item.value();
        long rounded = switch (item.type()) {
            case TIME -> TimeValues.roundTime(value, precision);
            case TIMETZ -> TimeValues.roundTimeTz(value, precision);
            case TIMESTAMP, TIMESTAMPTZ -> Calendar.isFiniteTimestamp(value) && precision < IntervalFields.MAX_PRECISION
                    ? IntervalFields.roundMicros(value, precision) : value;
            default -> value;
        };
        return new JsonDatetime(item.type(), rounded, item.offsetSeconds());
    }

    /**
     * The order of two date/time items as PostgreSQL's compareDatetime gives it, converting one to the other's
     * type where that is defined; null when the two cannot be compared (a date and a time).
     */
    static Integer compare(JsonDatetime left, JsonDatetime right, JsonPathTimeZone zone) {
        TypeId a = left.type();
        TypeId b = right.type();
        if (a == b) {
            return Long.compare(left.value(), right.value());
        }
        boolean leftTime = a == TypeId.TIME || a == TypeId.TIMETZ;
        boolean rightTime = b == TypeId.TIME || b == TypeId.TIMETZ;
        if (leftTime != rightTime) {
            return null;
        }
        TypeId common;
        if (leftTime) {
            requireZone(zone, "time", "timetz");
            common = TypeId.TIMETZ;
        } else if (a == TypeId.TIMESTAMPTZ || b == TypeId.TIMESTAMPTZ) {
            TypeId other = a == TypeId.TIMESTAMPTZ ? b : a;
            requireZone(zone, other == TypeId.DATE ? "date" : "timestamp", "timestamptz");
            common = TypeId.TIMESTAMPTZ;
        } else {
            common = TypeId.TIMESTAMP;
        }
        return Long.compare(valueAs(left, common, zone), valueAs(right, common, zone));
    }

    /** An item's value as {@code type}; a date beyond the timestamps compares as an infinity. */
    private static long valueAs(JsonDatetime item, TypeId type, JsonPathTimeZone zone) {
        if (item.type() == type) {
            return item.value();
        }
        try {
            return (Long) DateTimeConversion.convert(item.value(), logical(item.type()), logical(type), zone.settings());
        } catch (BasaltException outOfRange) {
            return item.value() < 0 ? Calendar.TIMESTAMP_MINUS_INFINITY : Calendar.TIMESTAMP_INFINITY;
        }
    }
}
