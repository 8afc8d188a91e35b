package io.basalt.datasets.tpch;

import io.basalt.api.ResultColumn;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.LogicalType;

/**
 * The column types of Basalt's TPC-H schema, in one place: keys that can exceed 2^31 at large scale
 * factors (part, supplier, customer, order keys) are BIGINT, small identifiers and counts INTEGER, money
 * and quantities NUMERIC(15,2) as in the specification, dates DATE, and the specification's CHAR(n) and
 * VARCHAR(n) columns VARCHAR(n) (Basalt has no blank-padded CHAR; TPC-H values never need the padding).
 */
final class TpchTypes {
    static final LogicalType MONEY = LogicalType.numeric(15, 2);

    private TpchTypes() {
    }

    static ResultColumn key(String name) {
        return new ResultColumn(name, LogicalType.BIGINT);
    }

    static ResultColumn integer(String name) {
        return new ResultColumn(name, LogicalType.INTEGER);
    }

    static ResultColumn money(String name) {
        return new ResultColumn(name, MONEY);
    }

    static ResultColumn date(String name) {
        return new ResultColumn(name, LogicalType.DATE);
    }

    static ResultColumn varchar(String name, int length) {
        return new ResultColumn(name, LogicalType.varchar(length));
    }

    /** The scale factor, if it is one the generator accepts. */
    static double checkScaleFactor(double scaleFactor) {
        if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "TPC-H scale factor must be positive, got " + scaleFactor);
        }
        return scaleFactor;
    }

    /** {@code scaleBase} rows per unit of scale factor, as dbgen counts them. */
    static long rowCount(long scaleBase, double scaleFactor) {
        return (long) (scaleBase * scaleFactor);
    }
}
