package io.basalt.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code SET [SESSION | LOCAL] name {TO | =} {value [, ...] | DEFAULT}} and the special spellings that set one
 * parameter: {@code SET TIME ZONE ...} (TimeZone), {@code SET NAMES ...} (client_encoding), {@code SET SCHEMA
 * ...} (search_path), and {@code SET name FROM CURRENT}. {@code name} is as written, case-folded (dotted for
 * custom parameters: {@code myapp.user_id}); parameters are matched without regard to case later.
 * {@code values} is empty unless {@code mode} is {@link Mode#VALUES}.
 */
public record SetStatement(String name, Mode mode, List<SettingValue> values, boolean local, int position)
        implements Statement {
    /** What the statement sets the parameter to. */
    public enum Mode {
        /** The written values. */
        VALUES,
        /** The parameter's default ({@code DEFAULT}, {@code SET TIME ZONE LOCAL}, {@code SET NAMES} alone). */
        DEFAULT,
        /** {@code FROM CURRENT}: the value it has now. */
        FROM_CURRENT
    }

    public SetStatement {
        requireNonNull(name, "name is null");
        requireNonNull(mode, "mode is null");
        values = List.copyOf(values);
    }
}
