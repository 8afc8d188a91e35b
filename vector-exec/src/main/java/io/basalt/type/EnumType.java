package io.basalt.type;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A user-defined enum type ({@code CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')}): its labels and the sort key
 * of each. A value of the type is stored as its label's sort key, a double (physical FLOAT64), so that comparison,
 * ordering, hashing and grouping of enum values are those of doubles and follow the declaration order with no
 * lookup; only text input and output go through the labels. The first labels get the keys 1, 2, 3, ...; a label
 * added with BEFORE or AFTER gets the midpoint of its neighbours' keys (PostgreSQL's float4 sort orders work the same
 * way), so keys never change once given and stored values stay valid. Replaying the same DDL gives the same keys.
 *
 * <p>One object per type, shared by every {@link LogicalType} the catalog hands out: ALTER TYPE ... ADD VALUE and
 * RENAME VALUE replace its label table (copy on write, so readers on other threads see one consistent table).
 * Identity is the {@code oid} the catalog gave the type: two objects with the same oid are the same type (a copy
 * decoded from an Arrow field's metadata equals the catalog's object).
 */
public final class EnumType {
    /** The longest label PostgreSQL accepts, in bytes (NAMEDATALEN - 1). */
    public static final int MAX_LABEL_BYTES = 63;

    private final long oid;
    private final String schema;
    private volatile String name;
    private volatile Labels labels;
    /** Labels added by a transaction block that has not committed yet: unusable until it does (55P04). */
    private volatile java.util.Set<String> pending = java.util.Set.of();
    /** The transaction block that created the type and is still open, or null: its new labels are safe to use. */
    private volatile Object creatingBlock;

    /** The labels in sort order, with their keys (ascending). */
    public record Labels(String[] names, double[] keys) {
        int indexOf(String label) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(label)) {
                    return i;
                }
            }
            return -1;
        }
    }

    public EnumType(long oid, String schema, String name, Labels labels) {
        this.oid = oid;
        this.schema = requireNonNull(schema, "schema is null");
        this.name = requireNonNull(name, "name is null");
        this.labels = requireNonNull(labels, "labels is null");
    }

    /**
     * A new enum type with {@code labels} in declaration order.
     *
     * @throws BasaltException 42602 for a label longer than 63 bytes, 23505 for a label written twice
     */
    public static EnumType create(long oid, String schema, String name, List<String> labels) {
        String[] names = new String[labels.size()];
        double[] keys = new double[labels.size()];
        for (int i = 0; i < names.length; i++) {
            String label = checkLength(labels.get(i));
            for (int j = 0; j < i; j++) {
                if (names[j].equals(label)) {
                    throw BasaltException.of(SqlState.UNIQUE_VIOLATION,
                            "duplicate key value violates unique constraint \"pg_enum_typid_label_index\"")
                            .withDetail("Key (enumtypid, enumlabel)=(" + oid + ", " + label + ") already exists.");
                }
            }
            names[i] = label;
            keys[i] = i + 1;
        }
        return new EnumType(oid, schema, name, new Labels(names, keys));
    }

    private static String checkLength(String label) {
        if (label.getBytes(StandardCharsets.UTF_8).length > MAX_LABEL_BYTES) {
            throw BasaltException.of(SqlState.INVALID_NAME, "invalid enum label \"" + label + "\"")
                    .withDetail("Labels must be " + MAX_LABEL_BYTES + " bytes or less.");
        }
        return label;
    }

    public long oid() {
        return oid;
    }

    public String schema() {
        return schema;
    }

    public String name() {
        return name;
    }

    /** The current label table (an immutable snapshot: do not modify its arrays). */
    public Labels labels() {
        return labels;
    }

    /** The labels in sort order. */
    public List<String> labelList() {
        return List.of(labels.names());
    }

    /** The label of sort key {@code key}; a key no label has (a stale copy) prints as the key itself. */
    public String label(double key) {
        Labels current = labels;
        int index = Arrays.binarySearch(current.keys(), key);
        return index >= 0 ? current.names()[index] : Double.toString(key);
    }

    /**
     * The sort key of {@code label}.
     *
     * @throws BasaltException 22P02 {@code invalid input value for enum mood: "x"} when there is no such label
     */
    public double key(String label) {
        Labels current = labels;
        int index = current.indexOf(label);
        if (index < 0) {
            throw BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input value for enum " + name + ": \"" + label + "\"");
        }
        checkSafe(label);
        return current.keys()[index];
    }

    /** Marks {@code label} as added by an open transaction block (see {@link #checkSafe(String)}). */
    public synchronized void markPending(String label) {
        java.util.Set<String> next = new java.util.HashSet<>(pending);
        next.add(label);
        pending = java.util.Set.copyOf(next);
    }

    /** The labels added by open transaction blocks are now committed or gone. */
    public synchronized void clearPending() {
        pending = java.util.Set.of();
    }

    /** Records the open transaction block that created the type (null once it ends). */
    public void createdIn(Object block) {
        creatingBlock = block;
    }

    /** The open transaction block that created the type, or null. */
    public Object creatingBlock() {
        return creatingBlock;
    }

    /**
     * Refuses a label added by a transaction block that has not committed, as PostgreSQL does.
     *
     * @throws BasaltException 55P04 {@code unsafe use of new value "x" of enum type mood}
     */
    public void checkSafe(String label) {
        if (!pending.isEmpty() && pending.contains(label)) {
            throw BasaltException.of(SqlState.UNSAFE_NEW_ENUM_VALUE_USAGE,
                            "unsafe use of new value \"" + label + "\" of enum type " + name)
                    .withHint("New enum values must be committed before they can be used.");
        }
    }

    public boolean hasLabel(String label) {
        return labels.indexOf(label) >= 0;
    }

    /**
     * ALTER TYPE ... ADD VALUE: {@code label} at the end, or just before / after {@code neighbor} (null: at the end).
     *
     * @throws BasaltException 42710 when the label exists, 22023 when {@code neighbor} is no label, 54000 when no
     *     key is left between the neighbours
     */
    public synchronized void add(String label, String neighbor, boolean before) {
        Labels current = labels;
        checkLength(label);
        if (current.indexOf(label) >= 0) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT, "enum label \"" + label + "\" already exists");
        }
        int count = current.names().length;
        int at;
        double key;
        if (neighbor == null) {
            at = count;
            key = count == 0 ? 1 : Math.floor(current.keys()[count - 1]) + 1;
        } else {
            int index = current.indexOf(neighbor);
            if (index < 0) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "\"" + neighbor + "\" is not an existing enum label");
            }
            at = before ? index : index + 1;
            double low = at == 0 ? current.keys()[0] - 1 : current.keys()[at - 1];
            double high = at == count ? current.keys()[count - 1] + 1 : current.keys()[at];
            key = (low + high) / 2;
            if (!(key > low && key < high)) {
                throw BasaltException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                        "no room left between the sort keys of enum " + name + " for label \"" + label + "\"");
            }
        }
        String[] names = new String[count + 1];
        double[] keys = new double[count + 1];
        System.arraycopy(current.names(), 0, names, 0, at);
        System.arraycopy(current.keys(), 0, keys, 0, at);
        names[at] = label;
        keys[at] = key;
        System.arraycopy(current.names(), at, names, at + 1, count - at);
        System.arraycopy(current.keys(), at, keys, at + 1, count - at);
        labels = new Labels(names, keys);
    }

    /**
     * ALTER TYPE ... RENAME VALUE: the label {@code from} is now {@code to}; its key (and so every stored value) is
     * unchanged.
     */
    public synchronized void rename(String from, String to) {
        Labels current = labels;
        int index = current.indexOf(from);
        if (index < 0) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "\"" + from + "\" is not an existing enum label");
        }
        if (current.indexOf(to) >= 0) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT, "enum label \"" + to + "\" already exists");
        }
        checkLength(to);
        String[] names = current.names().clone();
        names[index] = to;
        labels = new Labels(names, current.keys());
    }

    /** ALTER TYPE ... RENAME TO: the type's new name (the catalog re-files it under that name). */
    public void rename(String newName) {
        name = requireNonNull(newName, "newName is null");
    }

    /** Puts back a label table taken before (ROLLBACK of ALTER TYPE). */
    public synchronized void restore(Labels earlier) {
        labels = requireNonNull(earlier, "earlier is null");
    }

    /** The type in Arrow field metadata: {@code oid/schema/name/label=key,...}, each part URL-encoded. */
    public String encode() {
        Labels current = labels;
        StringBuilder text = new StringBuilder();
        text.append(oid).append('/').append(escape(schema)).append('/').append(escape(name)).append('/');
        for (int i = 0; i < current.names().length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(escape(current.names()[i])).append('=').append(current.keys()[i]);
        }
        return text.toString();
    }

    /** The inverse of {@link #encode()}: a detached copy with the labels as they were encoded. */
    public static EnumType decode(String encoded) {
        String[] parts = encoded.split("/", -1);
        if (parts.length != 4) {
            throw BasaltException.internal("malformed enum type '" + encoded + "'");
        }
        List<String> names = new ArrayList<>();
        List<Double> keys = new ArrayList<>();
        if (!parts[3].isEmpty()) {
            for (String entry : parts[3].split(",", -1)) {
                int equals = entry.lastIndexOf('=');
                names.add(unescape(entry.substring(0, equals)));
                keys.add(Double.parseDouble(entry.substring(equals + 1)));
            }
        }
        double[] keyArray = new double[keys.size()];
        for (int i = 0; i < keyArray.length; i++) {
            keyArray[i] = keys.get(i);
        }
        return new EnumType(Long.parseLong(parts[0]), unescape(parts[1]), unescape(parts[2]),
                new Labels(names.toArray(String[]::new), keyArray));
    }

    private static String escape(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String unescape(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnumType that && oid == that.oid;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(oid);
    }

    @Override
    public String toString() {
        return name;
    }
}
