package io.basalt.cli.command;

import io.basalt.cli.script.MetaArguments;
import io.basalt.cli.shell.CommandOutcome;
import io.basalt.cli.shell.CommandScope;
import io.basalt.cli.shell.Shell;
import java.util.List;

/**
 * {@code \c [DBNAME|- [USER|-]]} ({@code \connect}): a new session on the same database, as USER or, for {@code -}
 * or no user, as the role connected as before. Basalt's shell reaches one database, so DBNAME is not looked at.
 * psql's message follows unless the shell is quiet; a refused role leaves the old session in use, as psql does.
 */
final class ConnectCommand {
    private ConnectCommand() {
    }

    static CommandOutcome run(CommandScope scope, List<String> arguments) {
        Shell shell = scope.shell();
        String user = arguments.size() >= 2 ? MetaArguments.value(arguments.get(1)) : null;
        if ("-".equals(user)) {
            user = null;
        }
        try {
            shell.reconnect(user);
        } catch (RuntimeException refused) {
            scope.reportError("connection to server failed: FATAL:  " + refused.getMessage());
            scope.inform("Previous connection kept");
            return CommandOutcome.FAILURE;
        }
        String shownUser = shell.connectedUser() != null ? shell.connectedUser() : "basalt";
        String database = shell.databaseDescription() == null ? "memory" : shell.databaseDescription();
        scope.inform("You are now connected to database \"" + database + "\" as user \"" + shownUser + "\".");
        return CommandOutcome.SUCCESS;
    }
}
