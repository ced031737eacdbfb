#!/bin/sh
# Runs each fuzz target for SECONDS on its corpus:  sh Fuzz/run-fuzzers.sh SCRATCH SECONDS TARGET...
# FUZZ_CONFIG (debug or release: the build folder under SCRATCH), FUZZ_RUNS (stop a target after
# that many executions, the long run's 10 M; default unlimited) and FUZZ_MAX_LEN (default 65536;
# `auto`: each target's own, below) come from the environment.
# Prints per target: runs, execs/s, cov, ft, corpus size, and findings (crash-/timeout-/oom-
# files in SCRATCH/findings/TARGET); exit 1 when any target found something.
set -u
SCRATCH=${1:?usage: run-fuzzers.sh SCRATCH SECONDS TARGET...}
SECONDS_EACH=${2:?SECONDS}
shift 2
found=0
# The longest input worth mutating, per target, for the long run: a few records of each format
# (NMEA sentences are at most 82 bytes, rotctld lines a few dozen; a bridge frame is up to 4 kB,
# the seeds of the file formats 0.5-3 kB). Every extra byte costs each execution its parse.
max_len_of() {
    [ "${FUZZ_MAX_LEN:-65536}" = auto ] || { echo "${FUZZ_MAX_LEN:-65536}"; return; }
    case $1 in
    FuzzRotctld) echo 256 ;;
    FuzzNMEA) echo 512 ;;
    FuzzGPSD | FuzzStatusAPI | FuzzDishAPI) echo 1024 ;;
    *) echo 4096 ;;
    esac
}
printf '%-18s %10s %9s %7s %7s %7s %s\n' target runs execs/s cov ft corpus findings
for t in "$@"; do
    mkdir -p "$SCRATCH/corpus/$t" "$SCRATCH/findings/$t"
    log="$SCRATCH/findings/$t.log"
    # SWIFT_BACKTRACE=enable=no: Swift's own crash handler would take a runtime trap (overflow,
    # precondition) first and exit 132 before libFuzzer writes the crash- file with the input.
    SWIFT_BACKTRACE=enable=no "$SCRATCH/${FUZZ_CONFIG:-debug}/$t" "$SCRATCH/corpus/$t" -max_total_time="$SECONDS_EACH" -runs="${FUZZ_RUNS:--1}" \
        -timeout=10 -rss_limit_mb=4096 -max_len="$(max_len_of "$t")" -artifact_prefix="$SCRATCH/findings/$t/" -print_final_stats=1 > "$log" 2>&1
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
