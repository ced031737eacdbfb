#!/bin/sh
# The daemon on the virtual bench (inside the VM; checks.sh runs it):
#
#   check-daemon.sh UTERMD
#
# `utermd run` with `hardware: linux` on the rig's board (libgpiod on the gpio-sim chip,
# libusb to the bridge emulator), the embedded constellation and example policy, a fixed
# position. Transmit-enable must come up on the gpio-sim line, drop when the bridge is
# unplugged and come back after the replug; SIGTERM must leave it low with exit status 0,
# and the decisions must be in the audit log.
#
# The loop runs at 20 Hz here (the scenarios run the 1 kHz loop): the bench's shell wiring
# loop (bench-wires.sh, 2 ms polls that stretch to tens of ms under TCG) carries the sense
# wire, and the interlock allows the sense two ticks to follow before it latches a stuck
# line; at 100 Hz the wire lagged past that and the interlock latched, as it must.
#
# UTC: the guest's clock was set from the host's at boot (run-in-vm.sh), but the kernel
# calls it unsynchronised (STA_UNSYNC), and the daemon rightly refuses to transmit without
# valid time. The check marks it synchronised (adjtimex: status 0, error 0), as chrony would
# once locked to the host.
set -u
utermd=${1:?usage: check-daemon.sh UTERMD}
run=${HIL_RUN_DIR:?run me through HIL/vm/run-in-vm.sh}
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
. "$run/bench.env"
line=$HIL_GPIO_TRANSMIT_ENABLE_VALUE
config="$run/daemon.yaml"
port=9201

cat >"$config" <<CONFIG
format: 1
board: $HIL_BOARD
hardware: linux
element_sets: embedded
policy: { bundle: embedded:example, operator_key: embedded:example }
location:
  fixed: { latitude_deg: 47.3769, longitude_deg: 8.5417, altitude_m: 408 }
audit_log: $run/daemon-audit.log
loop: { rate_hz: 20 }
status_api: { bind: 127.0.0.1, port: $port, token: hil-bench-token-not-secret }
rotctld: { enabled: false }
beamformer: { reply_timeout_ms: 500 }
CONFIG

status() { curl -s --max-time 2 "http://127.0.0.1:$port/status" | tr -d ' \n'; }
stop() { kill "$daemon" 2>/dev/null; wait "$daemon" 2>/dev/null; tail -n 20 "$run/daemon.out"; }
# The guest's uptime in milliseconds (deadlines in wall time: under TCG each poll is slow).
now_ms() { awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime; }
# Waits until the transmit-enable line reads $1, at most $2 ms; prints how long it took.
await_line() {
    start=$(now_ms)
    until [ "$(cat "$line")" = "$1" ]; do
        [ "$(($(now_ms) - start))" -le "$2" ] || return 1
        sleep 0.05
    done
    echo "$(($(now_ms) - start)) ms"
}

python3 -c '
import ctypes, struct, sys
buffer = ctypes.create_string_buffer(512)  # struct timex, x86-64 layout
struct.pack_into("I", buffer, 0, 0x0004 | 0x0008 | 0x0010)  # ADJ_MAXERROR | ADJ_ESTERROR | ADJ_STATUS
struct.pack_into("qq", buffer, 24, 0, 0)  # maxerror, esterror
struct.pack_into("i", buffer, 40, 0)  # status: STA_UNSYNC cleared
state = ctypes.CDLL(None, use_errno=True).adjtimex(buffer)
sys.exit(0 if state == 0 else 1)  # TIME_OK
' || { echo "could not mark the guest clock synchronised (adjtimex)"; exit 1; }
echo "guest clock $(date -u +%Y-%m-%dT%H:%M:%SZ), marked synchronised"

"$utermd" check-config "$config" || exit 1
"$utermd" run --config "$config" >"$run/daemon.out" 2>&1 &
daemon=$!

start=$(now_ms)
until status | grep -q '"transmit_enabled":true' && [ "$(cat "$line")" = 1 ]; do
    if [ "$(($(now_ms) - start))" -gt 60000 ] || ! kill -0 "$daemon" 2>/dev/null; then
        echo "transmit never came up within 60 s: $(status)"
        stop
        exit 1
    fi
    sleep 0.2
done
echo "the daemon is up and transmitting after $(($(now_ms) - start)) ms: transmit_enable high on the gpio-sim line"

sh "$here/bench-usb.sh" unplug beamformer || { stop; exit 1; }
took=$(await_line 0 2000) || { echo "transmit_enable still high 2 s after the unplug"; stop; exit 1; }
echo "bridge unplugged: transmit_enable low within $took"
sh "$here/bench-usb.sh" replug beamformer || { stop; exit 1; }
took=$(await_line 1 30000) || { echo "transmit did not come back within 30 s of the replug: $(status)"; stop; exit 1; }
echo "bridge plugged back: transmit_enable high again after $took"

kill -TERM "$daemon"
wait "$daemon"
code=$?
level=$(cat "$line")
echo "SIGTERM: exit status $code, transmit_enable $level"
[ "$code" = 0 ] && [ "$level" = 0 ] || { tail -n 20 "$run/daemon.out"; exit 1; }
"$utermd" audit show "$run/daemon-audit.log" >"$run/daemon-audit.txt" || exit 1
echo "audit log: $(wc -l <"$run/daemon-audit.txt") lines, the last:"
tail -n 3 "$run/daemon-audit.txt"
