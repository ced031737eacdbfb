#!/bin/sh
# Takes the virtual bench down at the end of a run (inside the VM, after the command):
# stops the wiring loop, and stops each emulator with SIGTERM so it closes its record of
# applied beam states. The guest powers off next, so configfs is left as it is.
run=${HIL_RUN_DIR:?HIL_RUN_DIR is set by run-in-vm.sh}
[ -f "$run/wires.pid" ] && kill "$(cat "$run/wires.pid")" 2>/dev/null
for pidfile in "$run"/*-emulator.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill -TERM "$pid" 2>/dev/null || continue
    i=0
    while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 50 ]; do
        sleep 0.1
        i=$((i + 1))
    done
done
exit 0
