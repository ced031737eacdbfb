#!/usr/bin/env bash
# Runs one command inside the virtual HIL bench and returns its output and exit status.
#
#   HIL/vm/run-in-vm.sh [OPTIONS] -- COMMAND [ARG...]
#
# Boots the bench kernel under qemu (TCG) with this machine's root shared read-only over 9p
# (and made writable inside the guest by an overlay on a tmpfs, so nothing here is written),
# sets the bench up from the rig file (gpio-sim chips, USB gadget with its emulator, wiring
# loop: bench-up.sh), then runs COMMAND as root in `chroot /host` with the caller's working
# directory and PATH. COMMAND's stdout and stderr stream here as it runs.
#
# Options:
#   --rig FILE        set the bench up from FILE (default: HIL/rigs/vm.yaml)
#   --no-rig          a bare guest: no gpio-sim chips, no gadget, no wiring loop
#   --emulator PATH   the bridge emulator binary (default: $HIL_BRIDGE_EMULATOR, else
#                     .build/debug/utermd-bridge-emulator of this repository)
#   --timeout SECONDS hard limit on the whole VM, boot included (default 900)
#   --run-dir DIR     keep the run directory in DIR (default: a temporary one, removed)
#   --memory MB       guest memory (default 1024)     --cpus N   guest CPUs (default 1)
#   --console         show the guest's console here too (kernel messages, bench markers)
#   --disk IMAGE      attach IMAGE (a raw file) as a virtio-blk disk, /dev/vda in the guest,
#                     with cache=${HIL_DISK_CACHE:-none} (power-cut.sh explains the choice)
#
# qemu's process id is written to RUN_DIR/qemu.pid. A caller that kills qemu on purpose (the
# power-cut check) first creates RUN_DIR/power-cut: the exit status is then 137 and no
# console is printed.
#
# The run directory is shared writable with the guest at the same path; COMMAND finds it in
# $HIL_RUN_DIR with bench.json / bench.env (what the bench made), the bridge emulator's
# records, stdout, stderr, console.log. Exit status: COMMAND's; 124 when the timeout hit;
# 125 when the VM or the bench failed before COMMAND could finish.
set -euo pipefail

. "$(dirname -- "$0")/lib.sh"

rig="$HIL_REPO/HIL/rigs/vm.yaml"
emulator=${HIL_BRIDGE_EMULATOR:-$HIL_REPO/.build/debug/utermd-bridge-emulator}
timeout_s=900
run_dir=""
memory=1024
cpus=1
console=0
disk=""
usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --rig) rig=$2; shift 2 ;;
        --no-rig) rig=""; shift ;;
        --emulator) emulator=$2; shift 2 ;;
        --timeout) timeout_s=$2; shift 2 ;;
        --run-dir) run_dir=$2; shift 2 ;;
        --memory) memory=$2; shift 2 ;;
        --cpus) cpus=$2; shift 2 ;;
        --console) console=1; shift ;;
        --disk) disk=$2; shift 2 ;;
        --) shift; break ;;
        -h | --help) usage ;;
        *) echo "run-in-vm.sh: unknown option $1 (the command goes after --)" >&2; usage ;;
    esac
done
[ $# -gt 0 ] || usage

absolute() { (cd "$(dirname -- "$1")" && printf '%s/%s\n' "$(pwd)" "$(basename -- "$1")"); }
if [ -n "$rig" ]; then
    [ -f "$rig" ] || hil_die "no rig file $rig"
    rig=$(absolute "$rig")
    emulator=$(absolute "$emulator")
fi

kernel=$(sh "$HIL_VM_DIR/build-kernel.sh")
initramfs=$(sh "$HIL_VM_DIR/build-initramfs.sh")
command -v qemu-system-x86_64 >/dev/null || hil_die "qemu-system-x86_64 not found after installing qemu-system-x86"

keep_run_dir=1
if [ -z "$run_dir" ]; then
    run_dir=$(mktemp -d "${TMPDIR:-/tmp}/utermd-hil-run.XXXXXX")
    keep_run_dir=0
else
    mkdir -p "$run_dir"
    run_dir=$(cd "$run_dir" && pwd)
    rm -f "$run_dir"/{stdout,stderr,exit-status,console.log,job.sh,bench.json,bench.env,qemu.pid,power-cut}
fi
# qemu's option syntax splits at commas, the kernel command line at blanks.
case "$run_dir" in *[,[:space:]]*) hil_die "the run directory's path may hold no comma or blank: $run_dir" ;; esac

# The job the guest runs: POSIX sh (the host's /bin/sh in the chroot), every word quoted.
quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
{
    echo "# Written by HIL/vm/run-in-vm.sh; run by the guest's /init in chroot /host."
    printf 'export PATH=%s HOME=%s LANG=%s\n' "$(quote "$PATH")" "$(quote "${HOME:-/root}")" "$(quote "${LANG:-C.UTF-8}")"
    printf 'export HIL_VM=1 HIL_RUN_DIR=%s HIL_REPO=%s\n' "$(quote "$run_dir")" "$(quote "$HIL_REPO")"
    printf 'cd %s || exit 125\n' "$(quote "$PWD")"
    if [ -n "$rig" ]; then
        printf 'sh %s %s %s >&2 || { echo "hil-vm: the bench could not be set up from %s" >&2; exit 125; }\n' \
            "$(quote "$HIL_VM_DIR/bench-up.sh")" "$(quote "$rig")" "$(quote "$emulator")" "$rig"
        printf '. %s\n' "$(quote "$run_dir/bench.env")"
    fi
    printf 'set --'
    for word in "$@"; do printf ' %s' "$(quote "$word")"; done
    printf '\n"$@"\nstatus=$?\n'
    [ -n "$rig" ] && printf 'sh %s >&2\n' "$(quote "$HIL_VM_DIR/bench-down.sh")"
    printf 'exit $status\n'
} >"$run_dir/job.sh"
: >"$run_dir/stdout"
: >"$run_dir/stderr"
: >"$run_dir/console.log"

qemu=(
    qemu-system-x86_64 -machine q35,accel=tcg -cpu max -m "$memory" -smp "$cpus"
    -nodefaults -no-user-config -display none -no-reboot
    -serial "file:$run_dir/console.log"
    -kernel "$kernel" -initrd "$initramfs"
    -append "console=ttyS0 quiet panic=-1 tsc=reliable clocksource=tsc hil.run=$run_dir hil.time=$(date +%s)"
    -fsdev local,id=hostroot,path=/,security_model=none,readonly=on,multidevs=remap
    -device virtio-9p-pci,fsdev=hostroot,mount_tag=hostroot
    -fsdev "local,id=hilrun,path=$run_dir,security_model=none"
    -device virtio-9p-pci,fsdev=hilrun,mount_tag=hilrun
    -pidfile "$run_dir/qemu.pid"
)
if [ -n "$disk" ]; then
    [ -f "$disk" ] || hil_die "no disk image $disk"
    case "$disk" in *[,[:space:]]*) hil_die "the disk image's path may hold no comma or blank: $disk" ;; esac
    qemu+=(-drive "file=$disk,format=raw,if=virtio,cache=${HIL_DISK_CACHE:-none}")
fi
started=$(date +%s.%N)
timeout --kill-after=10 "$timeout_s" "${qemu[@]}" </dev/null >"$run_dir/qemu.log" 2>&1 &
vm=$!
cleanup() {
    kill "$vm" 2>/dev/null || true
    wait "$vm" 2>/dev/null || true
    [ "$keep_run_dir" = 1 ] || rm -rf "$run_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
tail -q -n +1 -F -s 0.2 --pid="$vm" "$run_dir/stdout" 2>/dev/null &
tail -q -n +1 -F -s 0.2 --pid="$vm" "$run_dir/stderr" >&2 2>/dev/null &
[ "$console" = 1 ] && tail -q -n +1 -F -s 0.2 --pid="$vm" "$run_dir/console.log" >&2 2>/dev/null &
set +e
wait "$vm"
vm_status=$?
set -e
wait 2>/dev/null || true
ended=$(date +%s.%N)

ready=$(sed -n 's/^HIL-GUEST-READY uptime \([0-9.]*\).*/\1/p' "$run_dir/console.log" | head -n 1)
total=$(echo "$ended - $started" | bc)
if [ -f "$run_dir/exit-status" ]; then
    status=$(cat "$run_dir/exit-status")
    hil_log "$(printf 'VM %.1f s wall (guest ready at %s s uptime), exit status %s' "$total" "${ready:-?}" "$status")"
    exit "$status"
fi
if [ -f "$run_dir/power-cut" ]; then
    hil_log "$(printf 'VM killed from outside after %.1f s wall (power cut), qemu status %s' "$total" "$vm_status")"
    exit 137
fi
if [ "$vm_status" = 124 ] || [ "$vm_status" = 137 ]; then
    hil_log "$(printf 'timed out after %s s (--timeout); the guest console ends:' "$timeout_s")"
    status=124
else
    hil_log "the VM stopped without the command's exit status (qemu status $vm_status); console and qemu output end:"
    status=125
fi
tail -n 30 "$run_dir/console.log" >&2
tail -n 10 "$run_dir/qemu.log" >&2
exit "$status"
