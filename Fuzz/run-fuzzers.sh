#!/bin/sh
# Runs each fuzz target for SECONDS on its corpus:  sh Fuzz/run-fuzzers.sh SCRATCH SECONDS TARGET...
# Prints per target: runs, execs/s, cov, ft, corpus size, and findings (crash-/timeout-/oom-
# files in SCRATCH/findings/TARGET); exit 1 when any target found something.
set -u
SCRATCH=${1:?usage: run-fuzzers.sh SCRATCH SECONDS TARGET...}
SECONDS_EACH=${2:?SECONDS}
shift 2
found=0
printf '%-18s %10s %9s %7s %7s %7s %s\n' target runs execs/s cov ft corpus findings
for t in "$@"; do
    mkdir -p "$SCRATCH/corpus/$t" "$SCRATCH/findings/$t"
    log="$SCRATCH/findings/$t.log"
    "$SCRATCH/debug/$t" "$SCRATCH/corpus/$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=4096 \
        -max_len=65536 -artifact_prefix="$SCRATCH/findings/$t/" -print_final_stats=1 > "$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -n 1 | cut -d' ' -f2)
    ft=$(grep -oE 'ft: [0-9]+' "$log" | tail -n 1 | cut -d' ' -f2)
    corpus=$(ls "$SCRATCH/corpus/$t" | wc -l)
    findings=$(ls "$SCRATCH/findings/$t" | wc -l)
    [ "$status" -eq 0 ] && [ "$findings" -eq 0 ] || found=1
    printf '%-18s %10s %9s %7s %7s %7s %s\n' "$t" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "$corpus" \
        "$findings$( [ "$status" -eq 0 ] || echo " (exit $status, see $log)")"
done
exit $found
