#!/usr/bin/env python3
"""Regenerates the expected outputs of the shell's format tests from a real psql.

The test cases in format-cases.txt describe result tables (column names, SQL types, text values).
This script turns each case into a PostgreSQL query that yields exactly that table, runs it through
real psql in every output mode the shell supports, and writes what psql printed to
format-expected.txt. The Java tests feed the same tables to the shell's printers through a fake
result and demand byte-identical output.

Usage (needs a running PostgreSQL and psql 15):
    generate_psql_expectations.py HOST PORT USER
"""
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "resources" / "io" / "basalt" / "cli" / "format"

MODES = [
    ("aligned", []),
    ("aligned-tuples", ["-t"]),
    ("expanded", ["-x"]),
    ("expanded-tuples", ["-x", "-t"]),
    ("unaligned", ["-A"]),
    ("unaligned-tuples", ["-A", "-t"]),
    ("unaligned-separator", ["-A", "-F", ";;"]),
    ("unaligned-expanded", ["-A", "-x"]),
    ("unaligned-expanded-tuples", ["-A", "-x", "-t"]),
    ("csv", ["--csv"]),
    ("csv-tuples", ["--csv", "-t"]),
    ("csv-expanded", ["--csv", "-x"]),
]


def unescape(text):
    """COPY-text style escapes: \\N is NULL, \\n newline, \\t tab, \\r carriage return, \\\\ backslash."""
    if text == "\\N":
        return None
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            mapping = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
            if nxt in mapping:
                out.append(mapping[nxt])
                i += 2
                continue
            if nxt == "x":
                out.append(chr(int(text[i + 2:i + 4], 16)))
                i += 4
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def literal(value, sql_type):
    if value is None:
        return "NULL::" + sql_type
    return "'" + value.replace("'", "''") + "'::" + sql_type


def identifier(name):
    return '"' + name.replace('"', '""') + '"'


def parse_cases(path):
    cases = []
    current = None
    for raw in path.read_text(encoding="utf-8").split("\n"):
        if raw.startswith("#") or raw == "":
            continue
        keyword, _, rest = raw.partition(" ")
        if keyword == "case":
            current = {"name": rest, "columns": [], "rows": []}
            cases.append(current)
        elif keyword == "columns":
            for spec in rest.split("\t"):
                name, _, sql_type = spec.rpartition(":")
                current["columns"].append((unescape(name), sql_type))
        elif keyword == "row":
            current["rows"].append([unescape(cell) for cell in rest.split("\t")])
        else:
            raise SystemExit("bad line: " + raw)
    return cases


def query_for(case):
    columns = case["columns"]
    if not case["rows"]:
        items = ", ".join(literal(None, t) + " AS " + identifier(n) for n, t in columns)
        return "SELECT " + items + " WHERE false"
    rows = []
    for row in case["rows"]:
        rows.append("(" + ", ".join(literal(v, t) for v, (n, t) in zip(row, columns)) + ")")
    names = ", ".join(identifier(n) for n, t in columns)
    return "SELECT * FROM (VALUES " + ", ".join(rows) + ") AS v(" + names + ")"


def main():
    host, port, user = sys.argv[1:4]
    cases = parse_cases(HERE / "format-cases.txt")
    out = []
    for case in cases:
        query = query_for(case)
        for mode, flags in MODES:
            result = subprocess.run(["psql", "-X", "-q", "-h", host, "-p", port, "-U", user] + flags + ["-c", query],
                                    capture_output=True, check=True)
            out.append("=== " + case["name"] + " " + mode + "\n")
            out.append(result.stdout.decode("utf-8"))
            out.append("=== end\n")
    (HERE / "format-expected.txt").write_text("".join(out), encoding="utf-8")


if __name__ == "__main__":
    main()
