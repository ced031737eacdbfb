#!/usr/bin/env python3
"""Runs utermd's benchmarks (ordo-one/benchmark) and the reference implementations on the
same machine, in the same run, and prints the ratios as a Markdown table.

  python3 Benchmarks/compare.py [--target OrbitBenchmarks ...]

Each reference script in Benchmarks/reference/ prints JSON
{"reference": "...", "nanosecondsPerOperation": {"<benchmark name>": ns, ...}} with the
same benchmark names as the Swift benchmarks. Ratio = reference time / utermd time
(above 1: utermd is faster). Times are medians (p50) of wall-clock time.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# Which reference script measures the same work as which benchmark target.
REFERENCES = {
    "OrbitBenchmarks": ["sgp4_reference.py"],
    "HandoverBenchmarks": ["skyfield_passes_reference.py", "skyfield_networks_reference.py"],
    "TerminalBenchmarks": [],
    "GeofenceBenchmarks": ["shapely_geofence_reference.py"],
}


def run_swift(targets, out_dir):
    command = ["swift", "package", "--allow-writing-to-package-directory", "benchmark",
               "--format", "jmh", "--path", out_dir, "--no-progress"]
    for target in targets:
        command += ["--target", target]
    subprocess.run(command, cwd=HERE, check=True, stdout=sys.stderr)
    results = {}
    for entry in json.load(open(os.path.join(out_dir, "Current_run.jmh.json"))):
        # "package.benchmark.<Target>.<Benchmark_name_with_underscores>"
        _, _, target, bench = entry["benchmark"].split(".", 3)
        metrics = entry.get("secondaryMetrics", {})
        wall = metrics.get("Time (wall clock)")
        mallocs = metrics.get("Malloc (total)")
        unit = {"ns": 1, "μs": 1e3, "ms": 1e6, "s": 1e9}[wall["scoreUnit"]]
        results[bench] = {
            "target": target,
            "p50_ns": wall["scorePercentiles"]["50.0"] * unit,
            "mallocs": mallocs["scorePercentiles"]["50.0"] if mallocs else None,
        }
    return results


def run_references(targets):
    measured = {}
    for target in targets:
        for script in REFERENCES.get(target, []):
            output = subprocess.run([sys.executable, os.path.join(HERE, "reference", script)],
                                    check=True, capture_output=True, text=True).stdout
            report = json.loads(output)
            for name, ns in report["nanosecondsPerOperation"].items():
                measured[name.replace(" ", "_")] = (ns, report["reference"])
    return measured


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return "%.3g %s" % (ns / scale, unit)
    return "%.3g ns" % ns


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", action="append", help="benchmark target(s); default: all with references")
    args = parser.parse_args()
    targets = args.target or sorted(REFERENCES)
    with tempfile.TemporaryDirectory() as out_dir:
        swift = run_swift(targets, out_dir)
    references = run_references(targets)
    print("| benchmark | utermd p50 | mallocs (p50, incl. harness) | reference | reference p50 | ratio |")
    print("|---|---|---|---|---|---|")
    for name, result in sorted(swift.items()):
        reference = references.get(name)
        ref_text, ref_time, ratio = "—", "—", "—"
        if reference:
            ref_time, ref_text = fmt(reference[0]), reference[1]
            ratio = "%.2f×" % (reference[0] / result["p50_ns"])
        mallocs = "—" if result["mallocs"] is None else "%d" % result["mallocs"]
        print("| %s | %s | %s | %s | %s | %s |" % (
            name.replace("_", " "), fmt(result["p50_ns"]), mallocs, ref_text, ref_time, ratio))


if __name__ == "__main__":
    main()
