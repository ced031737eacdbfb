#!/bin/sh
# Installs utermd's .deb on this machine (as root: CI's own machine), uses it as an
# integrator would, purges it, and checks that nothing of it is left:
#
#   packaging/deb/install-test.sh PACKAGE.deb
#
# 1. dpkg -i (missing Depends, e.g. libgpiod, are installed by apt-get -f install);
# 2. utermd version (the package's binary, no Swift toolchain on its library path);
# 3. utermd doctor on the packaged simulated configuration: JSON with every check, exit 0,
#    or 1 with only the clock failing (a container whose kernel clock is unsynchronised);
#    on the default /etc/utermd/utermd.yaml: exit 1, naming the files the integrator installs;
# 4. utermd simulate --until +2m as user utermd (the user and group the package made), and
#    the token file root:utermd 0640;
# 5. dpkg --purge, then no file of the package, no /etc/utermd, no /var/lib/utermd.
# Prints PASS/FAIL per step; exits 1 when one failed.
set -u
deb=${1:?usage: install-test.sh PACKAGE.deb}
[ "$(id -u)" = 0 ] || { echo "install-test.sh: needs root (dpkg -i)" >&2; exit 2; }
failed=0
step() {
    name=$1
    shift
    if out=$("$@" 2>&1); then echo "PASS $name"; else echo "FAIL $name"; echo "$out" | sed 's/^/    /' | tail -n 30; failed=1; fi
}
if dpkg -s utermd >/dev/null 2>&1; then echo "install-test.sh: utermd is already installed here; not touching it" >&2; exit 2; fi

install_package() {
    dpkg -i "$deb" || DEBIAN_FRONTEND=noninteractive apt-get install -f -y -q
    dpkg -s utermd | grep -q '^Status: install ok installed'
}
version() {
    /usr/bin/utermd version
    /usr/bin/utermd version | grep -q '^libgpiod [12]\.' || { echo "no libgpiod loaded"; return 1; }
    ! ldd /usr/bin/utermd | grep -q 'libswift\|libFoundation' || { echo "links Swift libraries dynamically"; return 1; }
}
doctor_simulated() {
    config=$(mktemp -d)/sim.yaml
    sed -e "s|/tmp/utermd-sim/|$(dirname "$config")/|" -e 's/port: 9201/port: 39201/' -e 's/port: 4533/port: 34533/' \
        -e 's/port: 9200/port: 39200/' \
        /usr/share/utermd/Config/sim.yaml >"$config"
    chown -R utermd:utermd "$(dirname "$config")"
    runuser -u utermd -- /usr/bin/utermd doctor --config "$config" --json >"$config.json"
    status=$?
    cat "$config.json"
    failed_checks=$(python3 -c 'import json,sys; print(" ".join(f["check"] for f in json.load(sys.stdin)["findings"] if f["verdict"] == "failed"))' <"$config.json") || return 1
    echo "exit $status; failed: ${failed_checks:-none}"
    [ "$status" = 0 ] && [ -z "$failed_checks" ] && return 0
    [ "$status" = 1 ] && [ "$failed_checks" = clock ]
}
doctor_default() {
    /usr/bin/utermd doctor && { echo "the unconfigured default passed"; return 1; }
    /usr/bin/utermd doctor | grep -q 'policy\|element_sets\|config'
}
simulate_as_utermd() {
    stat -c '%U:%G %a' /etc/utermd/token | grep -qx 'root:utermd 640' || { stat -c '%U:%G %a' /etc/utermd/token; return 1; }
    # A run cut short by --until judges nothing: it says NOT JUDGED and exits 3 (README,
    # "Exit status"); anything else (a crash, a refusal, a failed expectation) fails the step.
    status=0
    output=$(cd /tmp && runuser -u utermd -- /usr/bin/utermd simulate --until +2m) || status=$?
    echo "$output"
    [ "$status" = 3 ] && echo "$output" | grep -q "NOT JUDGED"
}
purge() {
    files=$(dpkg -L utermd | while read -r f; do [ -f "$f" ] && echo "$f"; done)
    dpkg --purge utermd
    ! dpkg -s utermd >/dev/null 2>&1 || { echo "still known to dpkg"; return 1; }
    for f in $files /etc/utermd /var/lib/utermd /usr/share/utermd /usr/share/doc/utermd; do
        [ ! -e "$f" ] || { echo "left behind: $f"; return 1; }
    done
}
step install install_package
step version version
step doctor-simulated doctor_simulated
step doctor-unconfigured doctor_default
step simulate-as-utermd simulate_as_utermd
step purge purge
echo "install-test: $([ $failed = 0 ] && echo passed || echo FAILED)"
exit $failed
