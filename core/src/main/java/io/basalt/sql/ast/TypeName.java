package io.basalt.sql.ast;

import java.util.List;

/**
 * A type as written: {@code name} is canonical lower case with PostgreSQL's multi-word spellings joined
 * by one space ({@code double precision}, {@code character varying}, {@code timestamp with time zone});
 * {@code modifiers} are the numbers in parentheses ({@code numeric(10,2)} -> [10, 2]);
 * {@code arrayDimensions} counts trailing {@code []}.
 */
public record TypeName(String name, List<Integer> modifiers, int arrayDimensions, int position) implements Node {
    public TypeName {
        modifiers = List.copyOf(modifiers);
    }
}
