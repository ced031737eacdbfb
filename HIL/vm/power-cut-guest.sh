#!/bin/sh
# One boot of the power-cut check (HIL/vm/power-cut.sh), inside the guest:
#
#   power-cut-guest.sh UTERMD ROUND LAST
#
# 1. no dirty page reaches the disk unless a program asks (periodic writeback off, ext4's
#    journal commit every 300 s): what survives the kill is what was fsync'ed, not what the
#    kernel happened to write back in the meantime;
# 2. mounts the ext4 disk (/dev/vda: the host's raw image; the journal is replayed here after
#    a kill) at /mnt/power-cut;
# 3. reads the audit log as the last kill left it (`utermd audit show --json`, read-only) into
#    $HIL_RUN_DIR/found.jsonl, and the control file of the last round;
# 4. opens it as the daemon does (`utermd audit stress --count 0`: a torn tail is cut and the
#    cut audited), then `utermd audit show --verify` must accept it (verify.status);
# 5. unless LAST is 1: starts the control writer (a shell loop appending numbered lines to
#    control-ROUND.txt on the same file system WITHOUT fsync, reporting each line to
#    control-reported.txt on the run directory) and then the audit writer (`utermd audit
#    stress`: AuditLog.append, write + fsync per record, `written N` on standard output once
#    record N is durable) with its output on durable.txt in the run directory, until the host
#    kills the VM.
#
# The run directory is 9p without a cache: a line is in the host's file once the guest's
# write(2) returned, so the host reads every report made before the kill.
set -u
utermd=${1:?usage: power-cut-guest.sh UTERMD ROUND LAST}
round=${2:?}
last=${3:?}
run=${HIL_RUN_DIR:?run me through HIL/vm/run-in-vm.sh}
disk=/dev/vda
mnt=/mnt/power-cut
log=$mnt/audit.log

echo 0 >/proc/sys/vm/dirty_writeback_centisecs
echo 8640000 >/proc/sys/vm/dirty_expire_centisecs
echo 90 >/proc/sys/vm/dirty_background_ratio
echo 95 >/proc/sys/vm/dirty_ratio

mkdir -p "$mnt"
mount -t ext4 -o commit=300 "$disk" "$mnt" || { echo "power-cut: cannot mount $disk (ext4)" >&2; exit 2; }
dmesg | grep -i -E 'ext4|jbd2' | tail -n 5 >"$run/mount-kernel.txt" 2>/dev/null

if [ -f "$log" ]; then
    "$utermd" audit show --json "$log" >"$run/found.jsonl" 2>"$run/found.err"
    echo $? >"$run/found.status"
fi
previous=$((round - 1))
[ -f "$mnt/control-$previous.txt" ] && cat "$mnt/control-$previous.txt" >"$run/control-found.txt"

"$utermd" audit stress --file "$log" --count 0 >/dev/null 2>"$run/open.err"
echo $? >"$run/open.status"
"$utermd" audit show --json "$log" 2>/dev/null | tail -n 2 >"$run/after-open.jsonl"
"$utermd" audit show --verify "$log" >/dev/null 2>"$run/verify.txt"
echo $? >"$run/verify.status"
cat "$run/verify.txt" >&2

if [ "$last" = 1 ]; then
    umount "$mnt"
    exit 0
fi

control=$mnt/control-$round.txt
(
    i=0
    while :; do
        i=$((i + 1))
        echo "control $i" >>"$control" && echo "$i" >>"$run/control-reported.txt"
    done
) &
echo "power-cut: round $round writing" >&2
exec "$utermd" audit stress --file "$log" >"$run/durable.txt"
