package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code DELETE FROM [ONLY] table [*] [[AS] alias] [USING items] [WHERE condition] [RETURNING items]}.
 * {@code alias} is null, {@code using} and {@code returning} empty, {@code where} null when not given.
 */
public record DeleteStatement(QualifiedName table, String alias, List<FromItem> using, Expression where,
                              List<SelectItem> returning, int position) implements Statement {
    public DeleteStatement {
        using = List.copyOf(using);
        returning = List.copyOf(returning);
    }
}
