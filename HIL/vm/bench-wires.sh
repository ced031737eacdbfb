#!/bin/busybox sh
# The bench's wiring loop (inside the VM; started by bench-up.sh): gpio-sim has no wire from
# an output to an input, so this loop copies each wired output's physical level, read from
# its `sim_gpioN/value`, to the input's `sim_gpioN/pull`, as copper between two pins would.
#
#   bench-wires.sh PERIOD_MS FIFO WIRE...      WIRE = OUT_VALUE_FILE|IN_PULL_FILE|INVERTED
#
# gpio-sim does not notify sysfs readers of a change, so the loop polls every PERIOD_MS.
# It runs under busybox's ash because there the loop forks nothing: `read` and `echo` are
# built in, and waiting is a `read -t` on a FIFO that is never written (a `sleep` would fork
# a process per period, which costs far more than the polling itself under TCG).
period_ms=$1
fifo=$2
shift 2
wires=$*
pause=$(awk -v ms="$period_ms" 'BEGIN { printf "%.3f", ms / 1000 }')
[ -p "$fifo" ] || mkfifo "$fifo" || exit 1
[ -p "$fifo" ] || { echo "bench-wires: $fifo is no FIFO" >&2; exit 1; }
exec 3<>"$fifo"
while :; do
    n=0
    for wire in $wires; do
        n=$((n + 1))
        out=${wire%%|*}
        rest=${wire#*|}
        in=${rest%%|*}
        inverted=${rest#*|}
        read -r level <"$out" || continue
        if [ "$inverted" = true ]; then
            if [ "$level" = 1 ]; then level=0; else level=1; fi
        fi
        eval "last=\${last_$n-}"
        if [ "$level" != "$last" ]; then
            if [ "$level" = 1 ]; then echo pull-up >"$in"; else echo pull-down >"$in"; fi
            eval "last_$n=$level"
        fi
    done
    read -r -t "$pause" _ <&3
done
