package io.basalt.testing.slt;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A parsed sqllogictest file: its name (path under the sql directory) and its records in order. */
public record SltScript(String name, List<SltRecord> records) {
    public SltScript {
        requireNonNull(name, "name is null");
        records = List.copyOf(records);
    }
}
