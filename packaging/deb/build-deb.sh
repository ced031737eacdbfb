#!/bin/sh
# Builds utermd_<version>_<arch>.deb on the machine it runs on (amd64 here, arm64 on a Pi):
#
#   packaging/deb/build-deb.sh [--binary PATH] [--out DIR]
#
# The binary is a release build linked with --static-swift-stdlib (the Swift runtime and
# Foundation inside it: no Swift toolchain on the target) unless --binary names one. libusb
# is linked; libgpiod is loaded at run time (1.6 on Bookworm, 2.x on Trixie), so Depends is
# what dpkg-shlibdeps computes from the binary's NEEDED entries plus `libgpiod3 | libgpiod2`.
# The unit is systemd/utermd.service with its ExecStart paths moved to /usr/bin; the default
# configuration is Config/rpi5.yaml (a conffile). lintian runs when installed (errors fail).
# Prints the path of the package.
set -eu
repo=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
here="$repo/packaging/deb"
binary=""
out="$repo/.build/deb"
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        *) echo "build-deb.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
if [ -z "$binary" ]; then
    (cd "$repo" && swift build -c release --product utermd --static-swift-stdlib >&2)
    binary="$repo/.build/release/utermd"
fi
version=$("$binary" version | sed -n 's/^utermd //p')
arch=$(dpkg --print-architecture)
name="utermd_${version}_${arch}"
root="$out/$name"
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$out"

install -D -m 0755 "$binary" "$root/usr/bin/utermd"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/bin/utermd"
install -d "$root/usr/lib/systemd/system"
sed 's|/usr/local/bin/utermd|/usr/bin/utermd|g' "$repo/systemd/utermd.service" >"$root/usr/lib/systemd/system/utermd.service"
chmod 0644 "$root/usr/lib/systemd/system/utermd.service"
install -D -m 0644 "$here/utermd.udev.rules" "$root/usr/lib/udev/rules.d/61-utermd.rules"
install -D -m 0644 "$here/utermd.sysusers" "$root/usr/lib/sysusers.d/utermd.conf"
install -D -m 0644 "$repo/Config/rpi5.yaml" "$root/etc/utermd/utermd.yaml"
for board in "$repo"/Boards/*.yaml; do install -D -m 0644 "$board" "$root/usr/share/utermd/Boards/$(basename "$board")"; done
install -D -m 0644 "$repo/Config/sim.yaml" "$root/usr/share/utermd/Config/sim.yaml"
install -D -m 0644 "$here/copyright" "$root/usr/share/doc/utermd/copyright"
printf 'utermd (%s) unstable; urgency=medium\n\n  * Built from the utermd repository.\n\n -- utermd developers <utermd-developers@users.noreply.github.com>  %s\n' \
    "$version" "$(date -R -d @"${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct 2>/dev/null || date +%s)}")" |
    gzip -9n >"$root/usr/share/doc/utermd/changelog.gz"
chmod 0644 "$root/usr/share/doc/utermd/changelog.gz"
install -D -m 0644 "$here/lintian-overrides" "$root/usr/share/lintian/overrides/utermd"
for script in postinst prerm postrm; do install -m 0755 "$here/$script" "$root/DEBIAN/$script"; done
echo /etc/utermd/utermd.yaml >"$root/DEBIAN/conffiles"

# Depends from the libraries the binary links (dpkg-shlibdeps wants a debian/control).
work=$(mktemp -d)
mkdir "$work/debian"
printf 'Source: utermd\n\nPackage: utermd\nArchitecture: any\n' >"$work/debian/control"
shlibs=$(cd "$work" && dpkg-shlibdeps -O -e"$root/usr/bin/utermd" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
rm -rf "$work"
[ -n "$shlibs" ] || { echo "build-deb.sh: dpkg-shlibdeps found no dependency" >&2; exit 1; }
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<CONTROL
Package: utermd
Version: $version
Architecture: $arch
Maintainer: utermd developers <utermd-developers@users.noreply.github.com>
Installed-Size: $size
Depends: $shlibs, libgpiod3 | libgpiod2, adduser
Recommends: chrony | systemd-timesyncd, gpsd
Section: net
Priority: optional
Homepage: https://github.com/utermd/utermd
Description: LEO satellite-internet user terminal firmware (daemon)
 utermd points a phased-array user terminal at LEO satellites: SGP4/SDP4
 propagation, 15-second slot handovers, 1 kHz beam steering, geofenced transmit
 restrictions with signed policies and an audit log, through libgpiod (1.6 or
 2.x) and libusb.
 .
 Run "utermd doctor" after installing, then "systemctl enable --now utermd".
CONTROL
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | sort | xargs md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/conffiles" "$root/DEBIAN/md5sums"
dpkg-deb --root-owner-group -Zxz --build "$root" "$out/$name.deb" >&2
if command -v lintian >/dev/null 2>&1; then
    lintian --fail-on error "$out/$name.deb" >&2
else
    echo "build-deb.sh: lintian not installed (apt-get install lintian): not run" >&2
fi
echo "$out/$name.deb"
