package io.basalt.exec.operator.sort;

/** Sort by input column {@code column}: descending or not, NULLs first or last. */
public record SortKey(int column, boolean descending, boolean nullsFirst) {
    @Override
    public String toString() {
        return "#" + column + (descending ? " DESC" : "") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
