package io.basalt.cli.demo;

import io.basalt.type.LogicalType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The demo's sample data: a {@code customers} table and a much larger {@code orders} table, made
 * from a seeded random generator so that every run loads the same rows, and built directly as
 * Arrow batches for {@code Session.append}. Order amounts are NUMERIC(12,2) held as cents; a tenth
 * of the discounts are NULL; customers are skewed so that some order far more than others.
 */
final class DemoData {
    static final String CUSTOMERS_DDL = "CREATE TABLE customers (id integer, name text, country text, "
            + "segment text, signup_date date)";
    static final String ORDERS_DDL = "CREATE TABLE orders (id bigint, customer_id integer, order_date date, "
            + "status text, quantity smallint, amount numeric(12,2), discount double precision, priority boolean)";

    private static final String[] COUNTRIES = {"Germany", "France", "Brazil", "Japan", "India", "Canada",
        "Kenya", "Mexico", "Norway", "Spain", "Chile", "Vietnam"};
    private static final String[] SEGMENTS = {"consumer", "corporate", "small business"};
    private static final String[] STATUSES = {"delivered", "shipped", "processing", "cancelled", "returned"};
    /** Cumulative percentages for STATUSES. */
    private static final int[] STATUS_CUMULATIVE = {70, 85, 93, 98, 100};
    private static final int FIRST_ORDER_DAY = (int) LocalDate.of(2022, 1, 1).toEpochDay();
    private static final int ORDER_DAYS = 3 * 365;
    private static final int FIRST_SIGNUP_DAY = (int) LocalDate.of(2019, 1, 1).toEpochDay();
    private static final int SIGNUP_DAYS = 4 * 365;

    private final Random random;
    private final int customerCount;
    private final byte[][] countryBytes = utf8(COUNTRIES);
    private final byte[][] segmentBytes = utf8(SEGMENTS);
    private final byte[][] statusBytes = utf8(STATUSES);

    DemoData(long seed, int customerCount) {
        this.random = new Random(seed);
        this.customerCount = customerCount;
    }

    static Schema customersSchema() {
        return schema(List.of(
                LogicalType.INTEGER.arrowField("id"),
                LogicalType.TEXT.arrowField("name"),
                LogicalType.TEXT.arrowField("country"),
                LogicalType.TEXT.arrowField("segment"),
                LogicalType.DATE.arrowField("signup_date")));
    }

    static Schema ordersSchema() {
        return schema(List.of(
                LogicalType.BIGINT.arrowField("id"),
                LogicalType.INTEGER.arrowField("customer_id"),
                LogicalType.DATE.arrowField("order_date"),
                LogicalType.TEXT.arrowField("status"),
                LogicalType.SMALLINT.arrowField("quantity"),
                LogicalType.numeric(12, 2).arrowField("amount"),
                LogicalType.DOUBLE.arrowField("discount"),
                LogicalType.BOOLEAN.arrowField("priority")));
    }

    /** Customers {@code firstId} .. {@code firstId + count - 1} as one batch; the caller closes it. */
    VectorSchemaRoot customers(BufferAllocator allocator, int firstId, int count) {
        VectorSchemaRoot root = VectorSchemaRoot.create(customersSchema(), allocator);
        IntVector id = (IntVector) root.getVector(0);
        VarCharVector name = (VarCharVector) root.getVector(1);
        VarCharVector country = (VarCharVector) root.getVector(2);
        VarCharVector segment = (VarCharVector) root.getVector(3);
        DateDayVector signup = (DateDayVector) root.getVector(4);
        id.allocateNew(count);
        name.allocateNew(count * 16L, count);
        country.allocateNew(count * 8L, count);
        segment.allocateNew(count * 12L, count);
        signup.allocateNew(count);
        for (int row = 0; row < count; row++) {
            int customer = firstId + row;
            id.set(row, customer);
            name.setSafe(row, ("Customer " + customer).getBytes(StandardCharsets.UTF_8));
            country.setSafe(row, countryBytes[skewedIndex(COUNTRIES.length)]);
            segment.setSafe(row, segmentBytes[random.nextInt(SEGMENTS.length)]);
            signup.set(row, FIRST_SIGNUP_DAY + random.nextInt(SIGNUP_DAYS));
        }
        root.setRowCount(count);
        return root;
    }

    /** Orders {@code firstId} .. {@code firstId + count - 1} as one batch; the caller closes it. */
    VectorSchemaRoot orders(BufferAllocator allocator, long firstId, int count) {
        VectorSchemaRoot root = VectorSchemaRoot.create(ordersSchema(), allocator);
        BigIntVector id = (BigIntVector) root.getVector(0);
        IntVector customer = (IntVector) root.getVector(1);
        DateDayVector orderDate = (DateDayVector) root.getVector(2);
        VarCharVector status = (VarCharVector) root.getVector(3);
        SmallIntVector quantity = (SmallIntVector) root.getVector(4);
        BigIntVector amount = (BigIntVector) root.getVector(5);
        Float8Vector discount = (Float8Vector) root.getVector(6);
        BitVector priority = (BitVector) root.getVector(7);
        id.allocateNew(count);
        customer.allocateNew(count);
        orderDate.allocateNew(count);
        status.allocateNew(count * 10L, count);
        quantity.allocateNew(count);
        amount.allocateNew(count);
        discount.allocateNew(count);
        priority.allocateNew(count);
        for (int row = 0; row < count; row++) {
            id.set(row, firstId + row);
            customer.set(row, 1 + skewedIndex(customerCount));
            orderDate.set(row, FIRST_ORDER_DAY + random.nextInt(ORDER_DAYS));
            status.setSafe(row, statusBytes[status()]);
            int units = 1 + random.nextInt(10);
            quantity.set(row, (short) units);
            // Unit prices from 1.00 to 250.00, in cents.
            long unitCents = 100 + random.nextInt(24_901);
            amount.set(row, unitCents * units);
            if (random.nextInt(10) == 0) {
                discount.setNull(row);
            } else {
                discount.set(row, Math.round(random.nextDouble() * 30.0) / 100.0);
            }
            priority.set(row, random.nextInt(5) == 0 ? 1 : 0);
        }
        root.setRowCount(count);
        return root;
    }

    private int status() {
        int percent = random.nextInt(100);
        int index = 0;
        while (percent >= STATUS_CUMULATIVE[index]) {
            index++;
        }
        return index;
    }

    /** An index in [0, bound) where small indexes are more likely (the square of a uniform draw). */
    private int skewedIndex(int bound) {
        double draw = random.nextDouble();
        return (int) (draw * draw * bound);
    }

    private static Schema schema(List<Field> fields) {
        return new Schema(fields);
    }

    private static byte[][] utf8(String[] values) {
        byte[][] bytes = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = values[i].getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }
}
