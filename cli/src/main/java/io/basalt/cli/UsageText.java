package io.basalt.cli;

/** The text of {@code basalt --help}, laid out as psql's. */
final class UsageText {
    static final String HELP = """
            basalt is the interactive terminal of Basalt, an embedded analytical SQL database.

            Usage:
              basalt [OPTION]... [DBPATH]
              basalt demo [DBPATH]
              basalt dump DBPATH > FILE.sql
              basalt conformance seeds|pg_regress [--files A,B] [--report FILE]

            DBPATH is a database directory, created if it does not exist; without it the
            database lives in memory and is gone when basalt exits.

            General options:
              -c, --command=COMMAND    run only single command (SQL or internal) and exit
              -f, --file=FILENAME      execute commands from file, then exit
              -U, --username=USERNAME  connect as this role (default: basalt, the superuser)
              -v, --set=, --variable=NAME=VALUE
                                       set variable NAME to VALUE
                                       (e.g., -v ON_ERROR_STOP=1)
              -V, --version            output version information, then exit
              -X, --no-psqlrc          do not read startup file (~/.basaltrc)
              -?, --help               show this help, then exit

            Input and output options:
              -a, --echo-all           echo all input from script
              -e, --echo-queries       echo commands sent to the database
              -n, --no-readline        disable enhanced command line editing
              -q, --quiet              run quietly (no messages, only query output)

            Output format options:
              -A, --no-align           unaligned table output mode
                  --csv                CSV (Comma-Separated Values) table output mode
              -F, --field-separator=STRING
                                       field separator for unaligned output (default: "|")
              -P, --pset=VAR[=ARG]     set printing option VAR to ARG (see \\pset command)
              -t, --tuples-only        print rows only
              -x, --expanded           turn on expanded table output

            Commands:
              demo [DBPATH]            create a sample database (default ./demo-db, replaced
                                       if it exists), load about a million rows and run
                                       example analytical queries
              dump DBPATH              write the database as a SQL script (schema, COPY data,
                                       indexes) that "basalt NEWDB -f FILE.sql" restores
              conformance CORPUS       play ../shared/conformance's seeds or pg_regress
                                       scripts and compare them statement by statement
                                       with PostgreSQL's output

            Inside basalt, type "\\?" for help on backslash commands.
            """;

    private UsageText() {
    }
}
