package io.basalt.spi;

import static java.util.Objects.requireNonNull;

/**
 * An argument a table function was called with in named notation, {@code read_csv('f.csv', header => true)}: the
 * name as written (folded to lower case unless quoted) and the constant's Java value, as the positional arguments
 * {@link TableFunction#bind} receives are.
 */
public record NamedArgument(String name, Object value) {
    public NamedArgument {
        requireNonNull(name, "name is null");
    }
}
