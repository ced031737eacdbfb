#!/bin/sh
# /init of the bench's initramfs (busybox, PID 1). Kept small and generic, because changing
# it rebuilds the initramfs: all bench logic lives in the repository and is read from the
# host over 9p at run time.
#
# 1. mounts proc, sys, devtmpfs, configfs;
# 2. mounts the host's root (9p tag `hostroot`, read-only) and lays a tmpfs over it with
#    overlayfs at /host, so the guest may write anywhere and the host is never written;
# 3. mounts the run directory (9p tag `hilrun`, writable) at its host path inside /host;
# 4. runs `$run/job.sh` in `chroot /host` with stdout/stderr into `$run/stdout`/`stderr`,
#    writes its exit status to `$run/exit-status`, and powers the machine off.
#
# Kernel command line: `hil.run=PATH` (the run directory's host path) and `hil.time=SECONDS`
# (the host's clock, since the guest has no RTC).
PATH=/bin
export PATH

fail() {
    echo "hil-guest: $*" >/dev/console
    echo "HIL-GUEST-FAILED"
    reboot -f
}

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
# The initramfs has no device nodes (it is built without root), so the console is opened
# only now, from devtmpfs.
exec 0</dev/console 1>/dev/console 2>&1
mount -t configfs configfs /sys/kernel/config
mkdir -p /dev/shm /dev/pts
mount -t tmpfs -o mode=1777 tmpfs /dev/shm

run=""
for word in $(cat /proc/cmdline); do
    case "$word" in
        hil.run=*) run=${word#hil.run=} ;;
        hil.time=*) date -s "@${word#hil.time=}" >/dev/null ;;
    esac
done
[ -n "$run" ] || fail "no hil.run= on the kernel command line"

mkdir -p /lower /upper /host
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=512000,cache=loose hostroot /lower ||
    fail "cannot mount the host root (9p tag hostroot)"
mount -t tmpfs -o mode=0755 tmpfs /upper
mkdir -p /upper/data /upper/work
mount -t overlay -o lowerdir=/lower,upperdir=/upper/data,workdir=/upper/work overlay /host ||
    fail "cannot mount the overlay over the host root"
mkdir -p "/host$run"
mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 hilrun "/host$run" ||
    fail "cannot mount the run directory (9p tag hilrun) at $run"
mount --rbind /dev /host/dev
mount -t proc proc /host/proc
mount --rbind /sys /host/sys
mount -t tmpfs -o mode=0755 tmpfs /host/run

# Loopback up: Foundation's run loop (Process, for one) wakes itself through a local socket.
ip link set lo up 2>/dev/null || ifconfig lo 127.0.0.1 up

echo "HIL-GUEST-READY uptime $(cut -d" " -f1 /proc/uptime)"
chroot /host /bin/sh "$run/job.sh" </dev/null >"/host$run/stdout" 2>"/host$run/stderr"
status=$?
echo "$status" >"/host$run/exit-status"
sync
echo "HIL-GUEST-DONE $status"
reboot -f
