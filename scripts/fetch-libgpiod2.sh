#!/bin/sh
# Fetches Debian 13 (trixie)'s libgpiod 2.x — the runtime `libgpiod3` and, for its header,
# `libgpiod-dev` — into a cached prefix, without changing this system's apt configuration:
# a private sources list, lists and cache under the prefix, `apt-get download`, `dpkg -x`.
# Debian 12 (Bookworm) ships only libgpiod 1.6; libgpiod 2.2 needs only glibc 2.33+, so
# the unpacked library runs here and in the virtual bench's guest. utermd loads it when
# UTERMD_LIBGPIOD names it (see HALLinux/GPIOD/LibGPIODLoader.swift).
#
#   scripts/fetch-libgpiod2.sh [PREFIX]     (default ~/.cache/utermd-libgpiod2)
# Prints the path of the library (PREFIX/root/usr/lib/<triplet>/libgpiod.so.3) on stdout.
set -eu

prefix=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/utermd-libgpiod2}
arch=$(dpkg --print-architecture)
triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -dumpmachine)
library="$prefix/root/usr/lib/$triplet/libgpiod.so.3"

if [ -e "$library" ] && [ -e "$prefix/root/usr/include/gpiod.h" ]; then
    echo "$library"
    exit 0
fi

keyring=/usr/share/keyrings/debian-archive-trixie-stable.gpg
[ -r "$keyring" ] || keyring=/usr/share/keyrings/debian-archive-keyring.gpg
mkdir -p "$prefix/apt/lists/partial" "$prefix/apt/cache/archives/partial" "$prefix/debs" "$prefix/root"
cat > "$prefix/apt/sources.list" <<SOURCES
deb [arch=$arch signed-by=$keyring] http://deb.debian.org/debian trixie main
SOURCES
# Only this private list: no sources.list.d, no lists or cache of the system's apt.
set -- -o Dir::Etc::sourcelist="$prefix/apt/sources.list" -o Dir::Etc::sourceparts=/nonexistent \
    -o Dir::State::Lists="$prefix/apt/lists" -o Dir::Cache="$prefix/apt/cache" \
    -o Dir::State::status=/var/lib/dpkg/status -o APT::Architecture="$arch" -o Debug::NoLocking=1 -o APT::Sandbox::User=root

apt-get -q "$@" update >&2
cd "$prefix/debs"
apt-get -q "$@" download libgpiod3 libgpiod-dev >&2
for deb in ./*.deb; do dpkg -x "$deb" "$prefix/root"; done
ls "$prefix/debs" >&2
[ -e "$library" ] || { echo "fetch-libgpiod2: $library missing after unpacking" >&2; exit 1; }
echo "$library"
