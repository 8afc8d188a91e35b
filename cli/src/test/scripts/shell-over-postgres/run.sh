#!/usr/bin/env bash
# Diffs the basalt shell (over a real PostgreSQL, see ShellOverPostgres.java) against psql's recorded
# output for the seed scripts of ../shared/conformance/seeds, run as `-X -a -q < script 2>&1`.
# Needs: a PostgreSQL 15 server on 127.0.0.1:${PGPORT:-54329} (user postgres, trust auth), psql,
# the PostgreSQL JDBC driver in ~/.m2, and cli built (mvn -pl cli install).
# Usage: run.sh [SCRIPT_NAME...]   (default: all seed scripts)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cli="$(cd "$here/../../../.." && pwd)"
seeds="$cli/../../shared/conformance/seeds"
port="${PGPORT:-54329}"
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
driver="$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | tail -1)"
work="$(mktemp -d)"
classpath="$work:$cli/target/classes:$cli/target/test-classes:$cli/target/lib/*:$driver"
"$java_home/bin/javac" -d "$work" -cp "$classpath" "$here/ShellOverPostgres.java"
names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
    names=($(cd "$seeds/sql" && ls *.sql | sed 's/\.sql$//'))
fi
admin=(psql -h 127.0.0.1 -p "$port" -U postgres -X -q)
status=0
for name in "${names[@]}"; do
    database="shell_check_$name"
    "${admin[@]}" -c "DROP DATABASE IF EXISTS $database" >/dev/null 2>&1
    # Roles are cluster-wide; the ddl_chapter seed creates these two.
    "${admin[@]}" -c "DROP ROLE IF EXISTS joe" -c "DROP ROLE IF EXISTS staff" >/dev/null 2>&1 || true
    "${admin[@]}" -c "CREATE DATABASE $database" >/dev/null
    PG_URL="jdbc:postgresql://127.0.0.1:$port/$database" "$java_home/bin/java" --add-modules=jdk.incubator.vector \
        -cp "$classpath" ShellOverPostgres -X -a -q < "$seeds/sql/$name.sql" 2>&1 \
        | grep -v '^WARNING: Using incubator modules' > "$work/$name.out" || true
    # NOTICEs are not relayed through JDBC; leave them out of the comparison.
    if diff <(grep -v '^NOTICE:  ' "$seeds/expected/$name.out") "$work/$name.out" > "$work/$name.diff"; then
        echo "$name: identical to psql"
    else
        echo "$name: differs from psql (see $work/$name.diff)"
        status=1
    fi
done
exit $status
