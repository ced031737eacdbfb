#!/bin/sh
# Builds (once) the bench's initramfs: Debian's static busybox with its applet links and
# guest-init.sh as /init, gzip-compressed. Prints the path of the cached image. The cache key
# is the hash of guest-init.sh, of this script and of busybox-static's version (lib.sh).
set -eu
. "$(dirname -- "$0")/lib.sh"

hil_install_packages
dir=$(hil_initramfs_dir)
if [ -f "$dir/initramfs.cpio.gz" ]; then
    echo "$dir/initramfs.cpio.gz"
    exit 0
fi

mkdir -p "$HIL_CACHE"
scratch=$(mktemp -d "$HIL_CACHE/initramfs-build.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
trap 'exit 130' INT TERM
root="$scratch/root"
mkdir -p "$root/bin" "$root/dev" "$root/proc" "$root/sys" "$root/tmp"
cp /bin/busybox "$root/bin/busybox"
# Links for every applet, made by busybox itself as it would on the target (`--install -s`
# needs /proc/self/exe of the target, so the list is read here and linked by hand).
for applet in $("$root/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
done
cp "$HIL_VM_DIR/guest-init.sh" "$root/init"
chmod 0755 "$root/init"

mkdir -p "$dir.tmp"
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet --owner 0:0) | gzip -9 >"$dir.tmp/initramfs.cpio.gz"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
echo "$dir/initramfs.cpio.gz"
