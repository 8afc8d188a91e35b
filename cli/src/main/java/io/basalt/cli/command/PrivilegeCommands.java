package io.basalt.cli.command;

import io.basalt.api.CatalogView;
import io.basalt.api.CatalogView.AccessInfo;
import io.basalt.api.CatalogView.RoleInfo;
import io.basalt.cli.format.ListTable;
import io.basalt.cli.format.TablePrinter;
import io.basalt.cli.shell.CommandOutcome;
import io.basalt.cli.shell.CommandScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code \du [PATTERN]} lists roles as psql's {@code List of roles} (Role name, Attributes, Member of), and
 * {@code \dp [PATTERN]} ({@code \z}) the privileges of tables, views and sequences as psql's {@code Access
 * privileges} (Schema, Name, Type, Access privileges, Column privileges, Policies). Without a pattern {@code \dp}
 * lists every relation the session sees (psql: those its search_path reaches).
 */
final class PrivilegeCommands {
    private PrivilegeCommands() {
    }

    static CommandOutcome listRoles(CommandScope scope, String pattern) {
        CatalogView catalog = scope.shell().session().catalog();
        NamePattern matcher = pattern == null ? null : NamePattern.parse(pattern);
        List<List<String>> rows = new ArrayList<>();
        for (RoleInfo role : catalog.roles()) {
            if (matcher == null || matcher.matches(null, role.name())) {
                rows.add(List.of(role.name(), role.attributes(), "{" + String.join(",", role.memberOf()) + "}"));
            }
        }
        ListTable table = new ListTable("List of roles", List.of("Role name", "Attributes", "Member of"),
                List.of(false, false, false), rows, false);
        TablePrinter.print(table, scope.shell().settings().print(), scope.shell().output().out());
        return CommandOutcome.SUCCESS;
    }

    static CommandOutcome listPrivileges(CommandScope scope, String pattern) {
        CatalogView catalog = scope.shell().session().catalog();
        NamePattern matcher = pattern == null ? null : NamePattern.parse(pattern);
        List<List<String>> rows = new ArrayList<>();
        for (AccessInfo relation : catalog.accessPrivileges()) {
            if (matcher != null && !matcher.matches(relation.schema(), relation.name())) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            for (Map.Entry<String, List<String>> column : relation.columnPrivileges().entrySet()) {
                columns.add(column.getKey() + ":\n  " + String.join("\n  ", column.getValue()));
            }
            rows.add(List.of(relation.schema(), relation.name(), relation.type(),
                    String.join("\n", relation.privileges()), String.join("\n", columns), ""));
        }
        ListTable table = new ListTable("Access privileges", List.of("Schema", "Name", "Type", "Access privileges",
                "Column privileges", "Policies"), List.of(false, false, false, false, false, false), rows, true);
        TablePrinter.print(table, scope.shell().settings().print(), scope.shell().output().out());
        return CommandOutcome.SUCCESS;
    }
}
