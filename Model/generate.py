#!/usr/bin/env python3
"""Turns Model/interlock-transitions.txt into Promela: the inline `interlock_table()` that
Model/interlock.pml includes, one guarded option per row. Stdlib only.

    python3 Model/generate.py Model/interlock-transitions.txt > .build/model/interlock-table.pml

A step the table has no row for ends in `assert(false)` in the model, so the model can never
step outside what the Swift code was seen to do."""
import sys

# The numbers are the #defines of Model/interlock.pml.
PHASE = {"off": 0, "awaiting": 1, "on": 2}
LINE = {"m0": 0, "m1": 1, "fault": 2}
SENSE = {"agree": 0, "disagree": 1, "unreadable": 2}
WRITE = {"ok": 0, "fail": 1}
CALL = {"update": 0, "forceOff": 1}
TE = {"-": 0, "active": 1, "inactive": 2}
RECORD = {"on": 1, "off": 2, "withdrawn": 3, "fault": 4}


def fail(number, line, why):
    sys.exit(f"{sys.argv[1]}:{number}: {why}: {line.strip()}")


def digit(number, line, name, value, table):
    if value == "-":
        return 0
    if value not in table:
        fail(number, line, f"{name} cannot be {value!r}")
    return table[value]


FLAG = {"0": 0, "1": 1, "hold": 1, "fail": 0}


def option(number, line):
    """(phase, key, outcome): the row's inputs as one decimal number (a digit each; `-` is 0,
    as the model sets inputs the call does not read), its outcome as another."""
    cells = line.split()
    if len(cells) != 16 or cells[10] != "->":
        fail(number, line, "expected 10 inputs, '->' and 5 outputs")
    call, phase, state, conds, c, d, f, r, sense, write = cells[:10]
    phase2, state2, te, records, dropped = cells[11:]
    digits = [
        digit(number, line, "call", call, CALL), digit(number, line, "phase", phase, PHASE),
        digit(number, line, "line", state, LINE), digit(number, line, "conds", conds, FLAG),
        digit(number, line, "C", c, FLAG), digit(number, line, "D", d, FLAG), digit(number, line, "F", f, FLAG),
        digit(number, line, "R", r, FLAG), digit(number, line, "sense", sense, SENSE),
        digit(number, line, "write", write, WRITE),
    ]
    kinds = [] if records == "-" else [digit(number, line, "record", k, RECORD) for k in records.split("+")]
    if len(kinds) > 2:
        fail(number, line, "more than two records in one call")
    kinds += [0] * (2 - len(kinds))
    if not dropped.isdigit() or int(dropped) > 9:
        fail(number, line, "dropped must be 0-9")
    outcome = [
        digit(number, line, "phase'", phase2, PHASE), digit(number, line, "line'", state2, LINE),
        digit(number, line, "te_writes", te, TE), kinds[0], kinds[1], int(dropped),
    ]
    return phase, int("".join(map(str, digits))), int("".join(map(str, outcome)))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: generate.py TABLE")
    by_phase = {name: [] for name in PHASE}
    keys = set()
    with open(sys.argv[1], encoding="utf-8") as table:
        for number, line in enumerate(table, 1):
            if line.strip() and not line.lstrip().startswith("#"):
                phase, key, outcome = option(number, line)
                if key in keys:
                    fail(number, line, "a second row for the same inputs")
                keys.add(key)
                by_phase[phase].append((key, outcome))
    if not keys:
        sys.exit(f"{sys.argv[1]}: no rows")
    print(f"/* Generated from {sys.argv[1]} by Model/generate.py ({len(keys)} rows): do not edit.")
    print(" * key: call phase line conds C D F R sense write, a decimal digit each (Model/interlock.pml);")
    print(" * out: phase' line' te_writes record1 record2 dropped. */")
    for phase, rows in by_phase.items():
        print(f"inline table_{phase}() {{\n  if")
        for key, outcome in rows:
            print(f"  :: t_key == {key} -> t_out = {outcome}")
        print("  :: else -> t_out = -1\n  fi\n}")
    print("inline interlock_table() {\n  if")
    for phase in PHASE:
        print(f"  :: in_phase == {PHASE[phase]} -> table_{phase}()")
    print("  fi\n}")


main()
