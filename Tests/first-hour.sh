#!/bin/sh
# A user's first hour (issue 14): every command as the README shows it, from the southern
# and western hemispheres (Cape Town, Santiago de Chile), with its exit status and, where it
# prints one, its --json output checked. Runs in `make test` after the Swift tests, on the
# debug binary they built:  sh Tests/first-hour.sh [.build/debug/utermd]
# Prints "N passed, M failed" and exits non-zero when a step failed. About 30 s.
set -u
UTERMD=${1:-.build/debug/utermd}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/utermd-first-hour.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
AT=2026-08-22T19:00:00Z
CAPE_TOWN="--lat -33.92 --lon 18.42"
SANTIAGO="--lat -33.45 --lon -70.65"
passed=0
failed=0

# step NAME EXPECTED_STATUS JSON(yes|no) -- COMMAND...
step() {
    name=$1 expected=$2 json=$3
    shift 4
    "$@" >"$WORK/out" 2>"$WORK/err"
    status=$?
    problem=""
    [ "$status" -eq "$expected" ] || problem="exit $status, expected $expected"
    if [ -z "$problem" ] && [ "$json" = yes ] && ! python3 -m json.tool "$WORK/out" >/dev/null 2>&1; then
        problem="--json output is not JSON"
    fi
    if [ -z "$problem" ] && grep -q "Missing value" "$WORK/err"; then problem="a negative number was not taken"; fi
    if [ -z "$problem" ]; then
        passed=$((passed + 1))
        echo "ok    $name"
    else
        failed=$((failed + 1))
        echo "FAIL  $name: $problem"
        echo "      \$ $*"
        sed 's/^/      | /' "$WORK/err" | head -n 8
    fi
}

# json_field FIELD EXPECTED: the last step's JSON has FIELD (a top-level key) equal to EXPECTED (Python literal).
json_field() {
    if python3 -c "import json,sys; d=json.load(open('$WORK/out')); sys.exit(0 if d.get('$1', 'absent') == $2 else 1)"; then
        passed=$((passed + 1))
        echo "ok    ... \"$1\" is $2"
    else
        failed=$((failed + 1))
        echo "FAIL  ... \"$1\" is not $2: $(head -c 300 "$WORK/out")"
    fi
}

step "version --json" 0 yes -- "$UTERMD" version --json
step "hw list --json" 0 yes -- "$UTERMD" hw list --json
step "hw list --json --simulated" 0 yes -- "$UTERMD" hw list --json --simulated
step "board check Boards/rpi5.yaml --json" 0 yes -- "$UTERMD" board check Boards/rpi5.yaml --json
step "check-config Config/sim.yaml --json" 0 yes -- "$UTERMD" check-config Config/sim.yaml --json
json_field valid True

step "look, Cape Town, built-in constellation" 0 yes -- "$UTERMD" look $CAPE_TOWN --at $AT --json
step "look, Santiago, a TLE file" 0 yes -- "$UTERMD" look --elements Tests/OrbitTests/Resources/TLE-sample.tle $SANTIAGO --alt-m 570 --at $AT --min-elevation -10 --json
step "look --lat=-33.92 (equals form)" 0 yes -- "$UTERMD" look --lat=-33.92 --lon=18.42 --at $AT --json
step "look --min-elevation 100 is refused" 64 no -- "$UTERMD" look $CAPE_TOWN --at $AT --min-elevation 100
step "look --elements /dev/null has no answer" 2 no -- "$UTERMD" look --elements /dev/null $CAPE_TOWN --at $AT --json
step "propagate a TLE file" 0 yes -- "$UTERMD" propagate --elements Tests/OrbitTests/Resources/TLE-sample.tle --at $AT --json
step "propagate an OMM file" 0 yes -- "$UTERMD" propagate --elements Tests/OrbitTests/Resources/OMM-sample.json --at $AT --json
step "passes, Santiago" 0 yes -- "$UTERMD" passes $SANTIAGO --from $AT --to 2026-08-22T19:10:00Z --json
step "schedule, Santiago, with a sky plot" 0 yes -- "$UTERMD" schedule $SANTIAGO --from $AT --to 2026-08-22T19:05:00Z --boresight-azimuth -20 --boresight-elevation 70 --svg "$WORK/sky.svg" --json
step "beam toward a western azimuth" 0 yes -- "$UTERMD" beam --azimuth -120 --elevation 70 --json
step "beam --board Boards/rpi5.yaml" 0 yes -- "$UTERMD" beam --board Boards/rpi5.yaml --azimuth 200 --elevation 65 --link receive --json
step "loop-test, Santiago" 0 yes -- "$UTERMD" loop-test $SANTIAGO --seconds 1 --json
step "geofence check, Santiago" 0 yes -- "$UTERMD" geofence check $SANTIAGO --json
step "geofence check, Cape Town, 500 m" 0 yes -- "$UTERMD" geofence check $CAPE_TOWN --accuracy-m 500 --json
step "policy keygen" 0 no -- "$UTERMD" policy keygen --out "$WORK/operator"
step "policy sign" 0 no -- "$UTERMD" policy sign --key "$WORK/operator.key" Policies/example.yaml --out "$WORK/policy.yaml"
step "policy verify --json" 0 yes -- "$UTERMD" policy verify "$WORK/policy.yaml" --public-key "$WORK/operator.pub" --json
json_field accepted True
step "policy verify --current-version -1 is refused" 64 no -- "$UTERMD" policy verify "$WORK/policy.yaml" --public-key "$WORK/operator.pub" --current-version -1
step "simulate --until +20s --json (not judged)" 3 yes -- "$UTERMD" simulate --until +20s --audit-log "$WORK/sim.audit" --report "$WORK/report" --json
json_field passed None
step "simulate --speed -1 is refused" 64 no -- "$UTERMD" simulate --speed -1
step "audit show --json" 0 no -- "$UTERMD" audit show "$WORK/sim.audit" --json
step "utermd-hil run, one scenario" 0 no -- "$(dirname "$UTERMD")/utermd-hil" run --rig HIL/rigs/sim.yaml --scenario HIL/scenarios/pa-fault.yaml --junit "$WORK/junit.xml"

# The daemon on Config/sim.yaml, on free ports (another daemon on this machine may hold 9201,
# 4533 or the dish API's 9200).
ports=$(python3 -c "
import socket
s=[socket.socket() for _ in range(3)]
[x.bind(('127.0.0.1',0)) for x in s]
print(' '.join(str(x.getsockname()[1]) for x in s))")
set -- $ports
sed -e "s/port: 9201\b/port: $1/" -e "s/port: 4533\b/port: $2/" -e "s/port: 9200\b/port: $3/" -e "s#/tmp/utermd-sim/#$WORK/daemon/#g" Config/sim.yaml >"$WORK/sim.yaml"
step "check-config of the daemon's copy" 0 no -- "$UTERMD" check-config "$WORK/sim.yaml"
"$UTERMD" run --config "$WORK/sim.yaml" >"$WORK/daemon.log" 2>&1 &
daemon=$!
status_ok=no
for _ in $(seq 1 50); do
    if python3 -c "import json,urllib.request; json.load(urllib.request.urlopen('http://127.0.0.1:$1/status', timeout=1))" 2>/dev/null; then
        status_ok=yes
        break
    fi
    sleep 0.2
done
# A few seconds of history for `utermd report --from`, as the README shows it.
sleep 3
python3 -c "import urllib.request; open('$WORK/history.json','wb').write(urllib.request.urlopen('http://127.0.0.1:$1/history', timeout=5).read())" 2>/dev/null
kill -TERM "$daemon"
wait "$daemon"
daemon_status=$?
if [ "$status_ok" = yes ] && [ "$daemon_status" -eq 0 ]; then
    passed=$((passed + 1))
    echo "ok    run --config (status API answered JSON, SIGTERM exit 0)"
else
    failed=$((failed + 1))
    echo "FAIL  run --config: status API JSON $status_ok, exit $daemon_status"
    tail -n 8 "$WORK/daemon.log" | sed 's/^/      | /'
fi

step "report --from the daemon's /history" 0 no -- "$UTERMD" report --out "$WORK/daemon-report" --from "$WORK/history.json"
step "audit show of the daemon's log" 0 no -- "$UTERMD" audit show "$WORK/daemon/audit.log"

echo "first hour: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
