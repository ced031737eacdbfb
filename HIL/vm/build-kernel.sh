#!/bin/sh
# Builds (once) the bench's small kernel from Debian's linux-source-6.1 with kernel.config
# merged onto `tinyconfig`, and prints the path of the cached bzImage.
#
#   HIL/vm/build-kernel.sh            build if not cached; print the bzImage path
#   HIL_KERNEL_JOBS=N                 parallel jobs (default: number of CPUs + 1)
#
# The build runs under `nice -n 19`: it is long (about 12 minutes on 2 shared cores) and
# other work shares the machine. The source tree is unpacked in a scratch directory that is
# deleted afterwards; only bzImage, the final .config and a build log stay in the cache.
set -eu
. "$(dirname -- "$0")/lib.sh"

hil_install_packages
dir=$(hil_kernel_dir)
if [ -f "$dir/bzImage" ]; then
    echo "$dir/bzImage"
    exit 0
fi

mkdir -p "$HIL_CACHE"
# One build at a time (two `make hil` at once would both start one); the second waits and
# then finds the first one's kernel.
exec 9>"$HIL_CACHE/kernel.lock"
flock 9
if [ -f "$dir/bzImage" ]; then
    echo "$dir/bzImage"
    exit 0
fi
scratch=$(mktemp -d "$HIL_CACHE/kernel-build.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
trap 'exit 130' INT TERM
tarball=$(hil_kernel_tarball)
jobs=${HIL_KERNEL_JOBS:-$(($(nproc) + 1))}
hil_log "building the bench kernel (first time; cached in $dir): linux-source-6.1 $(hil_kernel_source_version), $jobs jobs"
start=$(date +%s)

tar -C "$scratch" -xf "$tarball"
src=$(find "$scratch" -mindepth 1 -maxdepth 1 -type d -name 'linux-source-*' | head -n 1)
[ -n "$src" ] || hil_die "no linux-source-* directory in $tarball"
log="$scratch/build.log"
{
    make -C "$src" tinyconfig
    "$src/scripts/kconfig/merge_config.sh" -m -O "$src" "$src/.config" "$HIL_VM_DIR/kernel.config"
    make -C "$src" olddefconfig
} >"$log" 2>&1 || { tail -n 40 "$log" >&2; hil_die "kernel configuration failed (log above)"; }

# Every option of the fragment must have survived olddefconfig (a dependency not met drops
# an option silently, and the bench would then miss gpio-sim or FunctionFS at run time).
grep -E '^CONFIG_[A-Z0-9_]+=y' "$HIL_VM_DIR/kernel.config" | while read -r line; do
    grep -qx "$line" "$src/.config" || hil_die "kernel option lost in olddefconfig: $line"
done

nice -n 19 make -C "$src" -j"$jobs" bzImage >>"$log" 2>&1 ||
    { tail -n 40 "$log" >&2; hil_die "kernel build failed (log above)"; }

mkdir -p "$dir.tmp"
cp "$src/arch/x86/boot/bzImage" "$dir.tmp/bzImage"
cp "$src/.config" "$dir.tmp/config"
cp "$log" "$dir.tmp/build.log"
echo "$(($(date +%s) - start)) s, $jobs jobs, $(hil_kernel_source_version)" >"$dir.tmp/build-time"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
hil_log "kernel built in $(cat "$dir/build-time")"
echo "$dir/bzImage"
