#!/usr/bin/env python3
"""Runs spin on Model/interlock.pml: every check of the model (each a configuration of its
bounds and one kind of search), then every seeded mutation, which must each yield a
counterexample. Prints states, depth, time and memory per check, writes each counterexample's
trail (the model's MSC lines) to OUT/NAME/trail.txt, and exits 1 when a result is not the
expected one. Stdlib only; needs spin and a C compiler.

    python3 Model/check.py [--out .build/model] [--smoke] [NAME ...]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

MODEL = os.path.dirname(os.path.abspath(__file__))

# Configurations (Model/README.md says what each covers).
CORE = ["-DNO_CRASH", "-DNO_STOP", "-DNO_POLICY"]
CRASH = ["-DNO_STOP", "-DNO_STOW", "-DNO_POLICY"]
STOP = ["-DNO_CRASH", "-DNO_POLICY"]
PROGRESS = ["-DNP", "-DNO_CRASH", "-DNO_STOP", "-DNO_STOW", "-DMAXFAULTS=0"]
LIVENESS = ["-DLIVENESS", "-DNO_POLICY", "-DNO_STOP"]
SMOKE = ["-DNO_CRASH", "-DNO_STOP", "-DNO_POLICY", "-DMAXFAULTS=0", "-DNO_STALL"]

SAFETY = ("safety", ["-DSAFETY"], [])
NONPROGRESS = ("progress", ["-DNP"], ["-l", "-f"])
LTL = ("ltl", [], ["-a", "-f", "-N", "live"])

# name, defines, search, expected ("proof" or "counterexample"), what it shows
CHECKS = [
    ("core", CORE, SAFETY, "proof",
     "invariants 1, 3, 4, at most two transmit records outstanding, no deadlock: any conditions, "
     "one hardware fault, writer failures and stalls, operator stow"),
    ("crash", CRASH, SAFETY, "proof",
     "invariant 2 at a kill anywhere, and invariants 1, 3, 4 across the restart"),
    ("progress", PROGRESS, NONPROGRESS, "proof",
     "the tick is never blocked: no cycle without a tick, under weak fairness, however the writer "
     "and the policy deposit stall"),
    ("liveness", LIVENESS, LTL, "proof",
     "with every condition true and a writer that keeps up: transmit comes on and stays (LTL), "
     "by the end of the fourth tick counting the one it settled in (assertion)"),
    ("stop", STOP, SAFETY, "counterexample",
     "FINDING: a clean stop can leave the last transmit record in the hand-off's outbox"),
    ("log-not-more-permissive", CRASH + ["-DCHECK_LOG_NOT_MORE_PERMISSIVE"], SAFETY, "counterexample",
     "QUESTION: is the log never more permissive than the hardware? No: a kill between the fsync "
     "of an `on` and the line's switch"),
    ("pa-follows", CORE + ["-DCHECK_PA_FOLLOWS"], SAFETY, "counterexample",
     "FINDING: after one failed PA write the supply never writes again"),
]

MUTATIONS = [
    ("mut-on-early", CORE + ["-DMUT_ON_EARLY"], SAFETY, "`on` takes effect before its record is durable"),
    ("mut-blocking-lock", CORE + ["-DMUT_BLOCKING_LOCK"], SAFETY, "the tick locks the audit hand-off (no try-lock)"),
    ("mut-pa-off-ignored", CORE + ["-DMUT_PA_OFF_IGNORED"], SAFETY, "the PA supply ignores `off`"),
    ("mut-skip-sense", CORE + ["-DMUT_SKIP_SENSE"], SAFETY, "the sense input is never read"),
    ("mut-publish-before-fsync", CRASH + ["-DMUT_PUBLISH_BEFORE_FSYNC"], SAFETY,
     "the writer publishes `durable` before the fsync"),
    ("mut-blocking-policy", ["-DNO_CRASH", "-DNO_STOP"] + ["-DMUT_BLOCKING_POLICY"], SAFETY,
     "the tick locks the policy hand-off (no try-lock)"),
]


def run(command, cwd, timeout=None):
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def number(pattern, text, default="?"):
    match = re.search(pattern, text)
    return match.group(1) if match else default


def check(name, defines, search, out):
    """Builds and runs one verifier; returns a dict of what it found."""
    kind, cflags, panflags = search
    work = os.path.join(out, name)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    shutil.copy(os.path.join(MODEL, "interlock.pml"), work)
    table = run([sys.executable, os.path.join(MODEL, "generate.py"), os.path.join(MODEL, "interlock-transitions.txt")], work)
    if table.returncode != 0:
        sys.exit(table.stderr)
    with open(os.path.join(work, "interlock-table.pml"), "w", encoding="utf-8") as handle:
        handle.write(table.stdout)
    spin = run(["spin"] + defines + ["-a", "interlock.pml"], work)
    if spin.returncode != 0 or "error" in spin.stdout.lower():
        sys.exit(f"{name}: spin -a failed:\n{spin.stdout}{spin.stderr}")
    # -O0: the generated table makes -O2 take minutes to compile; the search is ~1.6x slower.
    cc = run(["cc", "-O0", "-w", "-DVECTORSZ=2048"] + cflags + ["-o", "pan", "pan.c"], work)
    if cc.returncode != 0:
        sys.exit(f"{name}: cc failed:\n{cc.stderr}")
    started = time.monotonic()
    pan = run(["./pan", "-m1000000"] + panflags, work)
    seconds = time.monotonic() - started
    report = pan.stdout + pan.stderr
    with open(os.path.join(work, "pan.txt"), "w", encoding="utf-8") as handle:
        handle.write(report)
    errors = int(number(r"errors: (\d+)", report, "-1"))
    complete = "max search depth too small" not in report and errors >= 0
    result = {
        "name": name, "kind": kind, "errors": errors, "complete": complete,
        "states": number(r"(\d+) states, stored", report), "depth": number(r"depth reached (\d+)", report),
        "memory": number(r"([\d.]+)\s+total actual memory usage", report), "seconds": seconds, "trail": [],
        "why": number(r"pan:\d+: (.*?) \(at depth", report, number(r"pan:\d+: (.*)", report, "")),
    }
    if errors > 0 and os.path.exists(os.path.join(work, "interlock.pml.trail")):
        replay = run(["spin"] + defines + ["-t", "interlock.pml"], work, timeout=120)
        lines = [line.strip()[5:] for line in replay.stdout.splitlines() if line.strip().startswith("MSC: ")]
        result["trail"] = lines
        with open(os.path.join(work, "trail.txt"), "w", encoding="utf-8") as handle:
            handle.write(f"{name}: {result['why']}\n" + "\n".join(lines) + "\n")
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=".build/model")
    parser.add_argument("--smoke", action="store_true", help="one small proof and one mutation (for make test)")
    parser.add_argument("--trail-lines", type=int, default=10)
    parser.add_argument("names", nargs="*")
    arguments = parser.parse_args()
    for tool in ("spin", "cc"):
        if shutil.which(tool) is None:
            sys.exit(f"model-check: {tool} not found (make model-check installs spin)")
    plan = [(name, defines, search, expected, what) for name, defines, search, expected, what in CHECKS]
    plan += [(name, defines, search, "counterexample", "MUTATION: " + what) for name, defines, search, what in MUTATIONS]
    if arguments.smoke:
        plan = [
            ("smoke", SMOKE, SAFETY, "proof", "invariants 1, 3, 4 with a healthy line and writer failures"),
            ("smoke-mut-on-early", SMOKE + ["-DMUT_ON_EARLY"], SAFETY, "counterexample",
             "MUTATION: `on` takes effect before its record is durable"),
        ]
    if arguments.names:
        plan = [entry for entry in plan if entry[0] in arguments.names]
        if not plan:
            sys.exit(f"model-check: no check named {' '.join(arguments.names)}")
    os.makedirs(arguments.out, exist_ok=True)
    failures = 0
    print(f"{'check':26} {'search':8} {'expected':14} {'result':14} {'states':>10} {'depth':>7} {'time':>7} {'MB':>7}")
    for name, defines, search, expected, what in plan:
        result = check(name, defines, search, arguments.out)
        got = "counterexample" if result["errors"] > 0 else ("proof" if result["complete"] else "incomplete")
        ok = got == expected
        failures += 0 if ok else 1
        print(
            f"{name:26} {result['kind']:8} {expected:14} {got:14} {result['states']:>10} {result['depth']:>7} "
            f"{result['seconds']:6.1f}s {result['memory']:>7} {'ok' if ok else 'UNEXPECTED'}")
        print(f"    {what}")
        if result["errors"] > 0:
            print(f"    counterexample: {result['why']} ({len(result['trail'])} events, "
                  f"{os.path.join(arguments.out, name, 'trail.txt')}); last events:")
            for line in result["trail"][-arguments.trail_lines:]:
                print(f"      {line}")
        sys.stdout.flush()
    print(f"model-check: {len(plan) - failures} of {len(plan)} as expected")
    return 1 if failures else 0


sys.exit(main())
