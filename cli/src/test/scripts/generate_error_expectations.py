#!/usr/bin/env python3
"""Regenerates the expected error renderings of the shell's error tests from a real psql.

Each statement in error-cases.txt refers to an unknown column zzq, so PostgreSQL reports
`column "zzq" does not exist` at the position of zzq. psql's stderr for each statement (the
ERROR line, the LINE excerpt and the caret) goes to error-expected.txt; the Java test renders the
same message and position and demands identical text.

Usage (needs a running PostgreSQL and psql 15):
    generate_error_expectations.py HOST PORT USER
"""
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "resources" / "io" / "basalt" / "cli" / "error"


def unescape(text):
    return text.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r")


def main():
    host, port, user = sys.argv[1:4]
    out = []
    for raw in (HERE / "error-cases.txt").read_text(encoding="utf-8").split("\n"):
        if raw == "" or raw.startswith("#"):
            continue
        statement = unescape(raw) + ";\n"
        result = subprocess.run(["psql", "-X", "-q", "-h", host, "-p", port, "-U", user],
                                input=statement.encode("utf-8"), capture_output=True)
        out.append("=== " + raw + "\n")
        out.append(result.stderr.decode("utf-8"))
        out.append("=== end\n")
    (HERE / "error-expected.txt").write_text("".join(out), encoding="utf-8")


if __name__ == "__main__":
    main()
