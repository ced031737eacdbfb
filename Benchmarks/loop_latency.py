#!/usr/bin/env python3
"""Wake-up latency of utermd's fixed-step loop beside cyclictest (Debian rt-tests), at the
same rate and priority, one after the other in the same run on the same machine.

  python3 Benchmarks/loop_latency.py [--seconds 60] [--rate 1000] [--fifo 50] [--utermd PATH]

cyclictest measures the kernel's timer wake-up latency with an empty loop; utermd's
`loop-test` measures the same thing while every tick does the full pointing work (SGP4,
1,280-element steering, quantisation). Ratio = utermd p99 / cyclictest p99 (target ≤ 1.5).
"""
import argparse
import json
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def percentile_from_histogram(histogram, fraction):
    total = sum(histogram.values())
    running = 0
    for microseconds in sorted(histogram):
        running += histogram[microseconds]
        if running >= fraction * total:
            return microseconds * 1000.0
    return max(histogram) * 1000.0


def cyclictest(seconds, rate, fifo):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "cyclictest.json")
        command = ["cyclictest", "-m", "-t1", "-i", str(1_000_000 // rate), "-D", str(seconds), "-q",
                   "-h", "100000", "--json", path]
        if fifo:
            command += ["-p", str(fifo)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        thread = json.load(open(path))["thread"]["0"]
        histogram = {int(k): v for k, v in thread["histogram"].items()}
        return {
            "min": thread.get("min", min(histogram)) * 1000.0,
            "p50": percentile_from_histogram(histogram, 0.50),
            "p99": percentile_from_histogram(histogram, 0.99),
            "p99.9": percentile_from_histogram(histogram, 0.999),
            "max": thread.get("max", max(histogram)) * 1000.0,
            "overruns": None,
        }


def utermd(binary, seconds, rate, fifo):
    command = [binary, "loop-test", "--rate", str(rate), "--seconds", str(seconds), "--json"]
    if fifo:
        command += ["--fifo", str(fifo)]
    report = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    latency = report["wakeLatency"]
    latency["overruns"] = report["overruns"]
    latency["compute_p50"] = report["computeTime"]["p50"]
    latency["compute_p99"] = report["computeTime"]["p99"]
    return latency


def us(ns):
    return "%.1f µs" % (ns / 1000.0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--rate", type=int, default=1000)
    parser.add_argument("--fifo", type=int, default=50)
    parser.add_argument("--utermd", default=os.path.join(HERE, "..", ".build", "release", "utermd"))
    args = parser.parse_args()
    reference = cyclictest(args.seconds, args.rate, args.fifo)
    ours = utermd(args.utermd, args.seconds, args.rate, args.fifo)
    print("Wake-up latency, %d Hz, %d s, SCHED_FIFO %s, one after the other:" % (args.rate, args.seconds, args.fifo))
    print()
    print("| loop | min | p50 | p99 | p99.9 | max | overruns |")
    print("|---|---|---|---|---|---|---|")
    print("| cyclictest (empty loop) | %s | %s | %s | %s | %s | — |" % tuple(us(reference[k]) for k in ("min", "p50", "p99", "p99.9", "max")))
    print("| utermd loop-test (full tick) | %s | %s | %s | %s | %s | %d |" % (
        tuple(us(ours[k]) for k in ("min", "p50", "p99", "p99.9", "max")) + (ours["overruns"],)))
    print()
    print("utermd tick compute time: p50 %s, p99 %s" % (us(ours["compute_p50"]), us(ours["compute_p99"])))
    print("p99 ratio utermd / cyclictest: %.2f (target ≤ 1.5)" % (ours["p99"] / max(reference["p99"], 1.0)))


if __name__ == "__main__":
    main()
