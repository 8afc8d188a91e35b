package io.basalt.cli.command;

/**
 * What the describing meta-commands share: {@link RelationLists} lists relations and schemas ({@code \d},
 * {@code \dt}, {@code \di}, {@code \dv}, {@code \dm}, {@code \ds}, {@code \dn}), {@link RelationDescriptions}
 * describes one relation ({@code \d NAME}, {@code \d+ NAME}), both by queries over the system catalogs.
 */
final class DescribeCommands {
    /** The owner every object is listed with: Basalt has no roles yet. */
    static final String OWNER = "basalt";

    private DescribeCommands() {
    }
}
