package io.basalt.type.datetime;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;

/** The ways date/time text can be wrong, each with PostgreSQL's SQLSTATE and wording. */
enum DateTimeError {
    BAD_FORMAT,
    FIELD_OVERFLOW,
    /** A month or day out of range, perhaps because the text was written for another field order. */
    MONTH_DAY_OVERFLOW,
    INTERVAL_OVERFLOW,
    ZONE_DISPLACEMENT_OVERFLOW,
    BAD_ZONE;

    /** An unchecked carrier of the error while decoding, turned into a {@link BasaltException} by the caller. */
    static final class Failure extends RuntimeException {
        final DateTimeError error;
        final String detail;

        Failure(DateTimeError error, String detail) {
            super(error.name(), null, false, false);
            this.error = error;
            this.detail = detail;
        }
    }

    Failure failure() {
        return new Failure(this, null);
    }

    /** The zone name PostgreSQL did not recognise. */
    static Failure badZone(String name) {
        return new Failure(BAD_ZONE, name);
    }

    /** PostgreSQL's error for {@code failure} while reading {@code text} as {@code typeName}. */
    static BasaltException report(Failure failure, String text, String typeName) {
        return switch (failure.error) {
            case FIELD_OVERFLOW -> BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW,
                    "date/time field value out of range: \"" + text + "\"");
            case MONTH_DAY_OVERFLOW -> BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW,
                    "date/time field value out of range: \"" + text + "\"")
                    .withHint("Perhaps you need a different \"DateStyle\" setting.");
            case INTERVAL_OVERFLOW -> BasaltException.of(SqlState.INTERVAL_FIELD_OVERFLOW,
                    "interval field value out of range: \"" + text + "\"");
            case ZONE_DISPLACEMENT_OVERFLOW -> BasaltException.of(SqlState.INVALID_TIME_ZONE_DISPLACEMENT_VALUE,
                    "time zone displacement out of range: \"" + text + "\"");
            case BAD_ZONE -> BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "time zone \"" + failure.detail + "\" not recognized");
            case BAD_FORMAT -> BasaltException.of(SqlState.INVALID_DATETIME_FORMAT,
                    "invalid input syntax for type " + typeName + ": \"" + text + "\"");
        };
    }
}
