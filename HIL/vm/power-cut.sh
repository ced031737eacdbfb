#!/bin/sh
# The audit log through power cuts: the VM itself is killed while the audit writer appends.
#
#   HIL/vm/power-cut.sh UTERMD [--kills N] [--seed S] [--run-dir DIR] [--max-delay-ms MS]
#
# UTERMD is the utermd binary the guest runs (`make hil` / `make power-cut`: the static
# release build). A raw disk image (ext4, made here with mkfs.ext4) is attached to the VM as
# a virtio-blk disk; each boot mounts it, checks the log the last kill left
# (power-cut-guest.sh), and appends with `utermd audit stress` — the real `AuditLog.append`
# path: one write(2) and one fsync(2) per record, `written N` printed once record N is
# durable — while the host, after a random delay (uniform in 0 … --max-delay-ms once the
# first record is reported), kills qemu with SIGKILL: no shutdown, no sync, the guest's RAM
# (its page cache included) gone. After N kills a last boot only checks. For each kill:
# every record reported durable must be in the log as the next boot finds it, and
# `utermd audit show --verify` must accept the log once it is opened (a torn tail cut and
# audited is allowed).
#
# A control runs beside the audit writer in every round: a shell loop appending numbered
# lines to a file on the same file system without fsync, reporting each one. Its losses show
# that the kill does lose what a writer did not flush; a run in which the control lost
# nothing could not tell fsync from no fsync, and fails.
#
# The disk's cache mode is cache=none (HIL_DISK_CACHE overrides): qemu opens the image with
# O_DIRECT and announces a volatile write cache, so the guest's fsync must send a FLUSH,
# which qemu turns into fdatasync on the image. Killing qemu loses guest RAM and anything
# qemu had not yet handed to the host kernel; what it had handed over survives (the host
# does not lose power), flushed or not. So this shows that a record reported durable had
# left the guest — written by ext4 to the device and its journal committed — before the
# report; it cannot show that the guest's FLUSH reached stable storage, which takes a real
# power cut of a real device (or a block layer that drops unflushed writes).
#
# Results: RUN_DIR/power-cut.txt (one line per kill, and the totals), boot-K/ per boot.
# Exit status 0 when every check held; 1 otherwise.
set -eu
. "$(dirname -- "$0")/lib.sh"

utermd=${1:?usage: power-cut.sh UTERMD [--kills N] [--seed S] [--run-dir DIR] [--max-delay-ms MS]}
shift
kills=5
seed=$(date +%s)
run_dir=$HIL_REPO/.build/hil-power-cut
max_delay_ms=4000
while [ $# -gt 0 ]; do
    case "$1" in
        --kills) kills=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --run-dir) run_dir=$2; shift 2 ;;
        --max-delay-ms) max_delay_ms=$2; shift 2 ;;
        *) hil_die "power-cut.sh: unknown option $1" ;;
    esac
done
case "$utermd" in /*) ;; *) utermd="$PWD/$utermd" ;; esac
[ -x "$utermd" ] || hil_die "no utermd binary at $utermd"
command -v mkfs.ext4 >/dev/null || PATH=$PATH:/sbin:/usr/sbin
command -v mkfs.ext4 >/dev/null || hil_die "mkfs.ext4 not found (Debian package e2fsprogs)"
rm -rf "$run_dir"
mkdir -p "$run_dir"
run_dir=$(cd "$run_dir" && pwd)
image=$run_dir/audit-disk.img
report=$run_dir/power-cut.txt

# 64 MiB, ext4 with its journal, everything initialised now (no lazy init writing in the guest).
truncate -s 64M "$image"
mkfs.ext4 -q -F -E lazy_itable_init=0,lazy_journal_init=0 "$image"
if [ -z "${HIL_DISK_CACHE:-}" ] && ! dd if=/dev/zero of="$run_dir/direct-probe" bs=4096 count=1 oflag=direct 2>/dev/null; then
    # O_DIRECT is refused by some file systems (tmpfs): write-through then, the guest sees no
    # volatile cache and sends no FLUSH; the test still shows what leaves the guest.
    HIL_DISK_CACHE=writethrough
fi
rm -f "$run_dir/direct-probe"
export HIL_DISK_CACHE=${HIL_DISK_CACHE:-none}
hil_log "power cut: $kills kills, seed $seed, delays up to $max_delay_ms ms, disk cache=$HIL_DISK_CACHE, $utermd"
{
    echo "# power cut of the VM while utermd audit stress appends (HIL/vm/power-cut.sh)"
    echo "# seed $seed, kills $kills, delays uniform in 0..$max_delay_ms ms after the first durable record, disk cache=$HIL_DISK_CACHE"
} >"$report"

# A delay in milliseconds for round K, from the seed (reproducible with --seed).
delay_ms() { awk -v s="$seed" -v k="$1" -v m="$max_delay_ms" 'BEGIN { srand(s + 7919 * k); print int(rand() * m) }'; }
lines() { if [ -f "$1" ]; then wc -l <"$1" | tr -d ' '; else echo 0; fi; }
# The sequence numbers of a file of `written N` lines, or of `audit show --json` records.
durable_sequences() { [ -f "$1" ] && sed -n 's/^written \([0-9][0-9]*\)$/\1/p' "$1" || true; }
found_sequences() { [ -f "$1" ] && grep -o '"sequence":[0-9]*' "$1" | cut -d: -f2 || true; }

failed=0
round=1
last_round=$((kills + 1))
while [ "$round" -le "$last_round" ]; do
    boot=$run_dir/boot-$round
    mkdir -p "$boot"
    last=0
    [ "$round" = "$last_round" ] && last=1
    "$HIL_VM_DIR/run-in-vm.sh" --no-rig --cpus 2 --timeout 600 --disk "$image" --run-dir "$boot" \
        -- sh "$HIL_VM_DIR/power-cut-guest.sh" "$utermd" "$round" "$last" >"$boot/launcher.out" 2>"$boot/launcher.err" &
    launcher=$!
    if [ "$last" = 0 ]; then
        waited=0
        until [ "$(lines "$boot/durable.txt")" -ge 1 ]; do
            if ! kill -0 "$launcher" 2>/dev/null; then
                cat "$boot/launcher.err" >&2
                hil_die "round $round: the VM ended before the audit writer reported a record"
            fi
            sleep 0.1
            waited=$((waited + 1))
            [ "$waited" -lt 3000 ] || hil_die "round $round: no record reported in 300 s"
        done
        delay=$(delay_ms "$round")
        sleep "$(awk -v d="$delay" 'BEGIN { printf "%.3f", d / 1000 }')"
        touch "$boot/power-cut"
        kill -9 "$(cat "$boot/qemu.pid")"
        wait "$launcher" || true
        echo "$delay" >"$boot/delay-ms"
    else
        wait "$launcher" || { cat "$boot/launcher.err" >&2; hil_die "the last boot (checks only) failed"; }
    fi
    round=$((round + 1))
done

# Each kill K is judged by boot K+1: what boot K reported against what boot K+1 found.
total_reported=0 total_found=0 total_lost=0 total_control_reported=0 total_control_lost=0
k=1
while [ "$k" -le "$kills" ]; do
    boot=$run_dir/boot-$k
    next=$run_dir/boot-$((k + 1))
    durable_sequences "$boot/durable.txt" | sort >"$boot/reported.seq"
    found_sequences "$next/found.jsonl" | sort >"$next/found.seq"
    first_of_boot=$(found_sequences "$boot/after-open.jsonl" | sort -n | tail -n 1)
    reported=$(lines "$boot/reported.seq")
    found_of_boot=$(awk -v f="${first_of_boot:-0}" '$1 > f' "$next/found.seq" | wc -l | tr -d ' ')
    lost=$(comm -23 "$boot/reported.seq" "$next/found.seq" | wc -l | tr -d ' ')
    range="$(sort -n "$boot/reported.seq" | head -n 1)..$(sort -n "$boot/reported.seq" | tail -n 1)"
    torn=$({ grep '"torn_tail_cut"' "$next/after-open.jsonl" 2>/dev/null || true; } | { grep -o '"bytes":"[0-9]*"' || true; } | cut -d'"' -f4)
    verify=$(cat "$next/verify.status" 2>/dev/null || echo missing)
    control_reported=$(lines "$boot/control-reported.txt")
    control_found=$(lines "$next/control-found.txt")
    { sort "$boot/control-reported.txt" 2>/dev/null || true; } >"$boot/control-reported.sorted"
    { sed -n 's/^control //p' "$next/control-found.txt" 2>/dev/null || true; } | sort >"$next/control-found.sorted"
    control_lost=$(comm -23 "$boot/control-reported.sorted" "$next/control-found.sorted" | wc -l | tr -d ' ')
    line=$(printf 'kill %d after %s ms: records reported durable %s (#%s), found after reboot %s of this boot, reported but lost %s; torn tail cut %s bytes; verify %s; control without fsync: reported %s, found %s, lost %s' \
        "$k" "$(cat "$boot/delay-ms")" "$reported" "$range" "$found_of_boot" "$lost" "${torn:-0}" \
        "$([ "$verify" = 0 ] && echo ok || echo "FAILED ($verify)")" "$control_reported" "$control_found" "$control_lost")
    echo "$line" | tee -a "$report"
    if [ "$lost" != 0 ] || [ "$verify" != 0 ] || [ "$reported" = 0 ]; then
        failed=1
        [ "$lost" = 0 ] || echo "  lost: $(comm -23 "$boot/reported.seq" "$next/found.seq" | sort -n | tr '\n' ' ')" | tee -a "$report"
        [ "$verify" = 0 ] || sed 's/^/  verify: /' "$next/verify.txt" | tee -a "$report"
    fi
    total_reported=$((total_reported + reported))
    total_found=$((total_found + found_of_boot))
    total_lost=$((total_lost + lost))
    total_control_reported=$((total_control_reported + control_reported))
    total_control_lost=$((total_control_lost + control_lost))
    k=$((k + 1))
done
final_verify=$(cat "$run_dir/boot-$last_round/verify.status" 2>/dev/null || echo missing)
summary=$(printf '%d kills: %d records reported durable, %d found after the reboots (of the records each boot wrote), %d reported but lost; the log verified after every reboot: %s; control without fsync: %d reported, %d lost' \
    "$kills" "$total_reported" "$total_found" "$total_lost" "$([ "$final_verify" = 0 ] && echo yes || echo NO)" \
    "$total_control_reported" "$total_control_lost")
echo "$summary" | tee -a "$report"
[ "$final_verify" = 0 ] || failed=1
if [ "$total_control_lost" = 0 ]; then
    echo "FAIL: the control lost nothing: these kills could not tell a writer that fsyncs from one that does not" | tee -a "$report"
    failed=1
fi
[ "$failed" = 0 ] && echo "PASS power-cut" || echo "FAIL power-cut"
exit "$failed"
