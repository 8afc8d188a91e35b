package io.basalt.format.parquet;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.Type;

/**
 * How a Parquet list column is laid out, for reading it as an array: which node holds the elements (the
 * standard three-level {@code optional group (LIST) { repeated group list { optional element } }}, the older
 * two-level form with a repeated primitive, or a bare repeated primitive), and which definition levels mean a
 * NULL array, an empty array and a NULL element.
 *
 * @param nullBelow    a definition level below this is a NULL array
 * @param emptyBelow   a definition level below this (and not below {@code nullBelow}) is an empty array
 * @param presentAt    the definition level of an element that has a value; below it, a NULL element
 */
record ParquetListShape(int nullBelow, int emptyBelow, int presentAt) {
    /** The element node of a list group, or null when the group is no list Basalt can read. */
    static Type elementOf(GroupType group) {
        boolean annotated = group.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation;
        if (!annotated || group.getFieldCount() != 1) {
            return null;
        }
        Type repeated = group.getType(0);
        if (!repeated.isRepetition(Type.Repetition.REPEATED)) {
            return null;
        }
        if (repeated.isPrimitive()) {
            return repeated;
        }
        GroupType middle = repeated.asGroupType();
        if (middle.getFieldCount() != 1 || middle.getName().equals("array")
                || middle.getName().equals(group.getName() + "_tuple")) {
            return middle;
        }
        return middle.getType(0);
    }

    /**
     * The levels of the leaf column {@code column} of top-level list {@code top}: an optional list group adds the
     * level that tells NULL from empty, the repeated node the level that tells empty from not. (A bare repeated
     * primitive is required, so never NULL: level 0 is an empty array.)
     */
    static ParquetListShape of(Type top, ColumnDescriptor column) {
        int nullBelow = top.isRepetition(Type.Repetition.OPTIONAL) ? 1 : 0;
        return new ParquetListShape(nullBelow, nullBelow + 1, column.getMaxDefinitionLevel());
    }
}
