#!/bin/sh
# The default scenario of `utermd simulate` run whole (HIL/scenarios/long/ningbo-port-call.yaml:
# 51 simulated minutes, ~3.07 M ticks at 1 kHz; ~15-20 s in a release build), its verdicts
# part of the evidence: exit 0, one PASS per expectation of the scenario file, no FAIL, and
# the summary's last line PASSED. `make hil` runs it with the release build it has made.
#
#   sh HIL/check-default-scenario.sh [path/to/release/utermd]
set -eu
utermd=${1:-.build/release/utermd}
scenario=HIL/scenarios/long/ningbo-port-call.yaml
expected=$(sed -n '/^expect:/,$p' "$scenario" | grep -c '^  - ')
out=$(mktemp)
trap 'rm -f "$out"' EXIT
start=$(date +%s)
status=0
"$utermd" simulate > "$out" 2>&1 || status=$?
seconds=$(( $(date +%s) - start ))
grep -E '^  (PASS|FAIL)  |^(PASSED|FAILED)$|ticks|wall' "$out" || true
passes=$(grep -c '^  PASS  ' "$out" || true)
fails=$(grep -c '^  FAIL  ' "$out" || true)
last=$(tail -n 1 "$out")
echo "default scenario: exit $status, $passes of $expected expectations passed, $fails failed, ${seconds} s"
if [ "$status" -ne 0 ] || [ "$passes" -ne "$expected" ] || [ "$fails" -ne 0 ] || [ "$last" != PASSED ]; then
    echo "default scenario: FAILED (full output follows)"
    cat "$out"
    exit 1
fi
