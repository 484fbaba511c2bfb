#!/usr/bin/env python3
"""sql_templates.py TOP: every string literal in TOP/*/*.c and TOP/tui/*/*.c (not tests/) that
holds both SQL and a printf conversion, as "file<TAB>literal" lines."""
import glob
import os
import re
import sys

LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
CONVERSION = re.compile(r'%[-0-9.]*(?:l?l?[dsux]|zu)')
SQL = re.compile(r'\b(SELECT|INSERT|UPDATE|DELETE|DROP|CREATE|PRAGMA|WHERE|ORDER BY|VALUES|'
                 r'SAVEPOINT|RELEASE|ROLLBACK|LIMIT|FROM|ATTACH)\b|\?%d')


def main():
    top = sys.argv[1]
    for path in sorted(glob.glob(os.path.join(top, '*', '*.c')) +
                       glob.glob(os.path.join(top, 'tui', '*', '*.c'))):
        rel = os.path.relpath(path, top)
        if rel.startswith('tests' + os.sep):
            continue
        with open(path, encoding='utf-8') as f:
            for line in f:
                for m in LITERAL.finditer(line):
                    s = m.group(1)
                    if CONVERSION.search(s) and SQL.search(s):
                        print(f"{rel}\t{s}")


if __name__ == "__main__":
    main()
