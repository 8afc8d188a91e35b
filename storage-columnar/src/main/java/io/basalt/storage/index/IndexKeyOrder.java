package io.basalt.storage.index;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * The order of the keys of an {@link ExpressionKeyIndex}: SQL's order of the Java values {@code ValueAccess.get}
 * returns, for the key types such an index is made for. Integers (Long, Integer, Short) by value; double precision
 * with -0 equal to 0 and NaN above every number and equal to itself, as PostgreSQL orders them; NUMERIC (BigDecimal)
 * by value, so 1.0 and 1.00 are one key; text by its UTF-8 bytes (code points), the order of Basalt's text
 * comparisons; mixed numbers through their decimal values; any other values of one class by their natural order.
 */
final class IndexKeyOrder implements Comparator<Object> {
    static final IndexKeyOrder INSTANCE = new IndexKeyOrder();

    private IndexKeyOrder() {
    }

    @Override
    public int compare(Object left, Object right) {
        if (left instanceof String a && right instanceof String b) {
            return compareCodePoints(a, b);
        }
        if (isInteger(left) && isInteger(right)) {
            return Long.compare(((Number) left).longValue(), ((Number) right).longValue());
        }
        if (left instanceof Double a && right instanceof Double b) {
            return Double.compare(a == 0.0 ? 0.0 : a, b == 0.0 ? 0.0 : b);
        }
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return a.compareTo(b);
        }
        if (left instanceof Number a && right instanceof Number b) {
            return decimal(a).compareTo(decimal(b));
        }
        if (left.getClass() == right.getClass() && left instanceof Comparable<?>) {
            @SuppressWarnings("unchecked")
            Comparable<Object> comparable = (Comparable<Object>) left;
            return comparable.compareTo(right);
        }
        throw new ClassCastException("index keys of " + left.getClass().getSimpleName() + " and "
                + right.getClass().getSimpleName() + " cannot be ordered");
    }

    /** Whether a value of the key's class can be ordered against keys: what a lookup value must be. */
    static boolean orderable(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Comparable<?>;
    }

    private static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }

    /** Code point order, which is UTF-8 byte order (String.compareTo's UTF-16 order differs past U+FFFF). */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
