package io.basalt.exec.operator.aggregate;

import io.basalt.type.LogicalType;
import io.basalt.type.PhysicalType;
import io.basalt.type.TypeId;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Maps group keys to dense group ids (0, 1, 2, ... in order of first appearance). NULL keys form one
 * group, as GROUP BY requires. {@link #create} picks the implementation for the key types.
 */
public interface GroupKeyTable extends AutoCloseable {
    /** Writes the group id of each row of {@code keyColumns} into {@code groupIds}, adding new groups. */
    void findOrInsert(FieldVector[] keyColumns, int rows, int[] groupIds);

    int groupCount();

    /**
     * Writes the group id of each row of {@code keyColumns} into {@code groupIds}, or -1 for a row whose key has
     * no group; adds nothing (a spilling aggregation keeps aggregating the groups it has, and spills the rest).
     */
    void find(FieldVector[] keyColumns, int rows, int[] groupIds);

    /**
     * {@link #findOrInsert} for rows {@code positions[0..count)} of {@code keyColumns} (ascending positions, as a
     * filter's selection), read where they are: {@code groupIds[k]} is the group of row {@code positions[k]}. Returns
     * false, having changed nothing, when this table cannot read those keys in place; the caller then gathers them.
     */
    default boolean findOrInsertAt(FieldVector[] keyColumns, int[] positions, int count, int[] groupIds) {
        return false;
    }

    /** The distinct values of key {@code k}, one per group in group-id order; valid until close. */
    FieldVector keyVector(int k);

    @Override
    void close();

    /** The longest varchar key, in characters, that {@link #declaredShort} sends to the 64-bit packed table. */
    int SHORT_VARCHAR = 8;

    static GroupKeyTable create(List<LogicalType> keyTypes, BufferAllocator allocator) {
        if (keyTypes.size() == 1) {
            PhysicalType physical = keyTypes.getFirst().physical();
            if (physical == PhysicalType.INT16 || physical == PhysicalType.INT32 || physical == PhysicalType.INT64) {
                return new IntegerGroupKeyTable(keyTypes.getFirst(), allocator);
            }
        }
        if (IntegerTupleGroupKeyTable.serves(keyTypes)) {
            return new IntegerTupleGroupKeyTable(keyTypes, allocator);
        }
        if (PackedGroupKeyTable.serves(keyTypes) && declaredShort(keyTypes)) {
            return new PackedGroupKeyTable(keyTypes, allocator);
        }
        if (PackedKeyGroupTable.serves(keyTypes)) {
            return new PackedKeyGroupTable(keyTypes, allocator);
        }
        return new GenericGroupKeyTable(keyTypes, allocator);
    }

    /**
     * Whether every text key is a varchar of at most {@value #SHORT_VARCHAR} characters, such as TPC-H's one-letter
     * flags: their values almost always fit the 64-bit codes of {@link PackedGroupKeyTable}, while keys of unbounded
     * text (H2O's ids) would make it hand over to the generic table at the first long value, so they go to
     * {@link PackedKeyGroupTable}.
     */
    private static boolean declaredShort(List<LogicalType> keyTypes) {
        for (LogicalType type : keyTypes) {
            if (type.physical() == PhysicalType.STRING
                    && (type.id() != TypeId.VARCHAR || type.precision() < 0 || type.precision() > SHORT_VARCHAR)) {
                return false;
            }
        }
        return true;
    }
}
