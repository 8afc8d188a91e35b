package io.basalt.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One option of COPY, not yet checked: {@code name} as PostgreSQL names it ({@code format}, {@code delimiter},
 * {@code null}, {@code header}, {@code quote}, {@code escape}, {@code force_quote}, {@code force_not_null},
 * {@code force_null}, {@code encoding}, {@code freeze}, ...; the old spellings {@code CSV}, {@code FORCE QUOTE}
 * and so on arrive under these names). Its argument is one of: nothing ({@code value} null, {@code columns}
 * null, {@code all} false), a word or string or number ({@code value}, with {@code numeric} telling numbers
 * apart), a parenthesised list ({@code columns}), or {@code *} ({@code all}).
 */
public record CopyOption(String name, String value, boolean numeric, List<String> columns, boolean all, int position)
        implements Node {
    public CopyOption {
        requireNonNull(name, "name is null");
        columns = columns == null ? null : List.copyOf(columns);
    }

    /** An option with a word or string argument (or none, when {@code value} is null). */
    public static CopyOption of(String name, String value, int position) {
        return new CopyOption(name, value, false, null, false, position);
    }
}
