# Shared by the HIL/vm scripts (sourced, not run). POSIX sh plus `set -eu`.
#
# Everything built here (kernel, initramfs) is cached outside the repository, under
#   ${UTERMD_HIL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/utermd-hil}
# in a directory named after the hash of whatever it is built from, so a change of the
# kernel fragment, of Debian's kernel source or of the guest init makes a new build and an
# unchanged input reuses the old one.

HIL_VM_DIR=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
HIL_REPO=$(CDPATH= cd -- "$HIL_VM_DIR/../.." && pwd)
HIL_CACHE=${UTERMD_HIL_CACHE:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/utermd-hil}

# Debian packages the bench is built from and booted with (`apt-get install` names); gpiod
# (libgpiod's gpiofind/gpioset/gpioget/gpiomon) is for checks.sh's GPIO round trip; curl and
# python3 for check-daemon.sh (the status API; marking the guest's clock synchronised);
# e2fsprogs (mkfs.ext4) for power-cut.sh's disk image.
HIL_PACKAGES="qemu-system-x86 busybox-static linux-source-6.1 build-essential bc flex bison \
libelf-dev libssl-dev cpio xz-utils kmod gpiod curl python3 e2fsprogs"

hil_log() { printf 'hil-vm: %s\n' "$*" >&2; }
hil_die() { printf 'hil-vm: error: %s\n' "$*" >&2; exit 1; }

hil_sudo() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs whichever of $HIL_PACKAGES is missing; `apt-get update` first, because a fresh
# machine's apt knows no package yet. Quiet when nothing is missing.
hil_install_packages() {
    missing=""
    for p in $HIL_PACKAGES; do
        dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    command -v apt-get >/dev/null 2>&1 || hil_die "missing$missing and no apt-get to install them"
    hil_log "installing$missing"
    # apt's chatter goes to stderr: callers read paths from these scripts' stdout.
    hil_sudo apt-get update -q >&2
    hil_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >&2
}

# The sha256 of the given files and strings, shortened to 16 hex digits.
hil_hash() {
    for item in "$@"; do
        if [ -f "$item" ]; then cat -- "$item"; else printf '%s\n' "$item"; fi
    done | sha256sum | cut -c1-16
}

# Debian's linux-source-6.1 tarball (the newest if several are installed).
hil_kernel_tarball() {
    ls /usr/src/linux-source-6.1.tar.xz 2>/dev/null || hil_die "no /usr/src/linux-source-6.1.tar.xz"
}

hil_kernel_source_version() {
    dpkg-query -W -f='${Version}' linux-source-6.1 2>/dev/null || echo unknown
}

# Bump when build-kernel.sh changes how the kernel is made (not for comments): it is part
# of the kernel's cache key, beside the fragment and Debian's source version.
HIL_KERNEL_RECIPE=1

# The directory of the cached kernel.
hil_kernel_dir() {
    echo "$HIL_CACHE/kernel-$(hil_hash "$HIL_VM_DIR/kernel.config" \
        "linux-source-6.1 $(hil_kernel_source_version) recipe $HIL_KERNEL_RECIPE")"
}

# The directory of the cached initramfs: the guest init, the script and busybox's version.
hil_initramfs_dir() {
    echo "$HIL_CACHE/initramfs-$(hil_hash "$HIL_VM_DIR/guest-init.sh" "$HIL_VM_DIR/build-initramfs.sh" \
        "busybox-static $(dpkg-query -W -f='${Version}' busybox-static 2>/dev/null || echo unknown)")"
}
