package io.basalt.cli.command;

/** The text of {@code \?}: the backslash commands the shell understands, grouped as psql groups them. */
final class CommandHelp {
    static final String TEXT = """
            General
              \\q                      quit basalt
              \\? [commands]           show help on backslash commands
              \\conninfo               display information about the current database

            Query Buffer
              \\g                      execute query (and send result to output)
              \\gx                     as \\g, but forces expanded output mode
              \\p                      show the contents of the query buffer
              \\r                      reset (clear) the query buffer

            Input/Output
              \\echo [STRING]          write string to standard output
              \\i FILE                 execute commands from file
              \\ir FILE                as \\i, but relative to location of current script
              \\qecho [STRING]         write string to the query output

            Informational
              \\d      [NAME]          describe table (or list tables)
              \\dt     [PATTERN]       list tables

            Formatting
              \\a                      toggle between unaligned and aligned output mode
              \\f [STRING]             show or set field separator for unaligned query output
              \\pset [NAME [VALUE]]    set table output option
                                     (expanded|fieldsep|format|null|tuples_only)
              \\t [on|off]             show only rows
              \\x [on|off|auto]        toggle expanded output

            Variables
              \\set [NAME [VALUE]]     set internal variable, or list all if no parameters
              \\unset NAME             unset (delete) internal variable

            Other
              \\timing [on|off]        toggle timing of commands
            """;

    private CommandHelp() {
    }
}
