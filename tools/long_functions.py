#!/usr/bin/env python3
"""Lists the Rust functions longer than a limit, counted from the line with `fn` to the line
with its closing brace, longest first. Exits with status 1 when there are any.

    python3 tools/long_functions.py              # functions over 150 lines in src/
    python3 tools/long_functions.py --limit 80 src/app src/ui

Braces in comments, strings, raw strings and character literals are not counted; a
declaration without a body (a trait method ending in `;`) is not a function here.
"""
import argparse
import os
import re
import sys

FN = re.compile(
    r"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?"
    r'(?:extern\s+"[^"]*"\s+)?fn\s+(\w+)'
)
RAW = re.compile(r'b?r(#*)"')
CHAR = re.compile(r"'(\\.[^']*|[^\\'])'")


def code_only(line, state):
    """The line with comments, strings and character literals left out; `state` carries an
    open block comment, string or raw string over to the next line."""
    out, i, n = [], 0, len(line)
    while i < n:
        if state["block"]:
            if line.startswith("*/", i):
                state["block"] -= 1
                i += 2
            elif line.startswith("/*", i):
                state["block"] += 1
                i += 2
            else:
                i += 1
        elif state["raw"] is not None:
            end = '"' + "#" * state["raw"]
            if line.startswith(end, i):
                state["raw"] = None
                i += len(end)
            else:
                i += 1
        elif state["str"]:
            if line[i] == "\\":
                i += 2
            else:
                state["str"] = line[i] != '"'
                i += 1
        elif line.startswith("//", i):
            break
        elif line.startswith("/*", i):
            state["block"] += 1
            i += 2
        else:
            raw = RAW.match(line, i)
            char = CHAR.match(line, i)
            if raw and (i == 0 or not (line[i - 1].isalnum() or line[i - 1] == "_")):
                state["raw"] = len(raw.group(1))
                i = raw.end()
            elif line[i] == '"':
                state["str"] = True
                i += 1
            elif char:
                i = char.end()
            else:
                out.append(line[i])
                i += 1
    return "".join(out)


def functions(path):
    """(lines, name, first line) of every function with a body in the file at `path`."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    state = {"block": 0, "raw": None, "str": False}
    code = [code_only(line, state) for line in lines]
    found = []
    for start, line in enumerate(code):
        m = FN.match(line)
        if not m:
            continue
        depth, opened = 0, False
        for j in range(start, len(code)):
            for ch in code[j]:
                if ch == "{":
                    depth += 1
                    opened = True
                elif ch == "}":
                    depth -= 1
                elif ch == ";" and not opened:
                    break
            else:
                if opened and depth == 0:
                    found.append((j - start + 1, m.group(1), start + 1))
                    break
                continue
            break
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=150, help="longest allowed (default 150)")
    ap.add_argument("paths", nargs="*", default=["src"], help="directories or files")
    args = ap.parse_args()
    rows = []
    for root in args.paths:
        files = [root] if os.path.isfile(root) else [
            os.path.join(d, name)
            for d, _, names in os.walk(root)
            for name in names
            if name.endswith(".rs")
        ]
        for path in sorted(files):
            rows += [(n, path, name, line) for n, name, line in functions(path)]
    rows.sort(key=lambda r: (-r[0], r[1], r[3]))
    over = [r for r in rows if r[0] > args.limit]
    for n, path, name, line in over:
        print(f"{n:5}  {path}:{line}  {name}")
    print(f"{len(over)} of {len(rows)} functions over {args.limit} lines")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
