package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code DELETE FROM [ONLY] table [*] [[AS] alias] [USING items] [WHERE condition] [RETURNING items]}.
 * {@code alias} is null, {@code using} and {@code returning} empty, {@code where} null when not given; {@code with}
 * is the WITH clause written before DELETE (null without one); {@code only}: ONLY, the table without its
 * inheritance children.
 */
public record DeleteStatement(QualifiedName table, String alias, List<FromItem> using, Expression where,
                              List<SelectItem> returning, int position, With with, boolean only) implements Statement {
    /** A DELETE from the table and its inheritance children. */
    public DeleteStatement(QualifiedName table, String alias, List<FromItem> using, Expression where,
                           List<SelectItem> returning, int position, With with) {
        this(table, alias, using, where, returning, position, with, false);
    }

    public DeleteStatement {
        using = List.copyOf(using);
        returning = List.copyOf(returning);
    }

    /** A DELETE without a WITH clause. */
    public DeleteStatement(QualifiedName table, String alias, List<FromItem> using, Expression where,
                           List<SelectItem> returning, int position) {
        this(table, alias, using, where, returning, position, null);
    }

    /** This DELETE headed by {@code newWith}. */
    public DeleteStatement withWith(With newWith) {
        return new DeleteStatement(table, alias, using, where, returning, position, newWith, only);
    }
}
