#!/bin/sh
# The checks `make hil` runs inside the virtual bench (as the command of run-in-vm.sh, after
# bench-up.sh made the rig from HIL/rigs/vm.yaml):
#
#   HIL/vm/checks.sh BUILD_DIR [SCENARIO_UTERMD [LIBGPIOD2]]
#                                     BUILD_DIR holds utermd, utermd-bridge-emulator and
#                                     utermdPackageTests.xctest (e.g. .build/debug);
#                                     SCENARIO_UTERMD runs the scenarios (default
#                                     BUILD_DIR/utermd; `make hil` gives the release build:
#                                     under TCG a debug build's tick takes milliseconds);
#                                     LIBGPIOD2 is a libgpiod 2.x `libgpiod.so.3`
#                                     (scripts/fetch-libgpiod2.sh): checks 1, 2 and 6 run a
#                                     second time with it (UTERMD_LIBGPIOD) after the system's
#                                     libgpiod 1.6
#
# 1. `utermd hw list --json` sees the rig's gpio-sim chip (the board's label and line count)
#    through libgpiod and the bridge's 1209:0001 through libusb;
# 2. HALLinux's kernel tests run (gpio-sim through configfs is possible here, so they do not
#    skip) together with the rest of HALLinux's tests;
# 3. a GPIO round trip on the rig's chip with libgpiod's tools, lines found by role name:
#    transmit_enable driven → sim_gpio value on the bench side → the wiring loop → read back
#    on transmit_enable_sense; fault_in pulled by the bench → an edge event to the reader;
# 4. a libusb round trip to the bridge emulator (utermd-bridge-emulator exercise): the
#    protocol frame by frame, then the firmware's BeamformerBridgeDriver latching a beam
#    that the emulator records;
# 5. unplug (UDC unbound) → the device is gone for libusb; replug → it is back and the
#    driver latches again (the emulator lost its state, as a bus-powered bridge does);
# 6. the daemon on the bench (check-daemon.sh), then `utermd doctor` on its configuration: `utermd run` with hardware: linux brings
#    transmit-enable up on the gpio-sim line, drops it on the bridge's unplug, restores it
#    after the replug, and leaves it low after SIGTERM (exit 0), decisions in the audit log;
# 7. every scenario of HIL/scenarios on this rig: `utermd-hil run --rig HIL/rigs/vm.yaml`
#    (the terminal on libgpiod and libusb; faults pulled on sim_gpioN/pull, the unplug
#    through the gadget's UDC, reactions timed inside the VM; JUnit in $HIL_RUN_DIR).
#
# Prints PASS/FAIL per check with its time, writes $HIL_RUN_DIR/checks.txt, and exits 1 when
# anything failed.
set -u
build=${1:?usage: checks.sh BUILD_DIR}
build=$(cd "$build" && pwd)
utermd="$build/utermd"
scenario_utermd=${2:-$utermd}
case "$scenario_utermd" in /*) ;; *) scenario_utermd="$PWD/$scenario_utermd" ;; esac
# The bench's own executable, built beside that utermd (the firmware binary has no bench code).
scenario_hil="$(dirname "$scenario_utermd")/utermd-hil"
libgpiod2=${3:-}
emulator="$build/utermd-bridge-emulator"
tests="$build/utermdPackageTests.xctest"
run=${HIL_RUN_DIR:?run me through HIL/vm/run-in-vm.sh}
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
results="$run/checks.txt"
: >"$results"
failed=0
passed_count=0
failed_count=0

now_ms() { awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime; }
# check NAME COMMAND...: runs COMMAND with its output in $run/NAME.log; PASS or FAIL.
check() {
    name=$1
    shift
    start=$(now_ms)
    if "$@" >"$run/$name.log" 2>&1; then
        verdict=PASS
        passed_count=$((passed_count + 1))
    else
        verdict=FAIL
        failed=1
        failed_count=$((failed_count + 1))
    fi
    line="$verdict $name ($(($(now_ms) - start)) ms)"
    echo "$line" | tee -a "$results"
    if [ "$verdict" = FAIL ]; then sed 's/^/    /' "$run/$name.log" | tail -n 40; fi
}

# The JSON of `hw list` as one line per object, blanks removed.
objects() { tr -d ' \n' <"$1" | sed 's/}/}\n/g'; }

board_label=$(awk -f "$here/yaml-flat.awk" "$HIL_BOARD" | sed -n 's/^gpio\.chips\.0\.label=//p')
board_lines=$(awk -f "$here/yaml-flat.awk" "$HIL_BOARD" | sed -n 's/^gpio\.chips\.0\.lines=//p')
bridge_id=${HIL_USB_BEAMFORMER_ID:-1209:0001}

hw_list() {
    "$utermd" hw list --json >"$run/hw-list.json" || return 1
    cat "$run/hw-list.json"
    objects "$run/hw-list.json" | grep "\"label\":\"$board_label\"" | grep -q "\"lineCount\":$board_lines[,}]" ||
        { echo "no GPIO chip labelled $board_label with $board_lines lines"; return 1; }
    objects "$run/hw-list.json" | grep -q "\"id\":\"$bridge_id\"" || { echo "no USB device $bridge_id"; return 1; }
}

hallinux_tests() {
    # Swift Testing inside the XCTest bundle; the kernel suite must run, not skip.
    timeout 600 "$tests" --testing-library swift-testing --filter HALLinux || return 1
}
hallinux_kernel_suite_ran() {
    log="$run/${1:-hallinux-tests}.log"
    grep -q "Suite LinuxGPIOKernelTests passed" "$log" || { echo "LinuxGPIOKernelTests did not pass (skipped?)"; return 1; }
    ! grep -q "LinuxGPIOKernelTests.*skipped" "$log"
}

# Reads a sysfs attribute until it equals WANT or 2 s passed.
await_value() {
    i=0
    while [ "$(cat "$1")" != "$2" ]; do
        i=$((i + 1))
        [ "$i" -le 200 ] || { echo "$1 stayed $(cat "$1"), expected $2"; return 1; }
        sleep 0.01
    done
}

gpio_transmit_round_trip() {
    found=$(gpiofind transmit_enable) || return 1
    set -- $found
    chip=$1 offset=$2
    echo "transmit_enable is $chip line $offset (found by name)"
    await_value "$HIL_GPIO_TRANSMIT_ENABLE_VALUE" 0 || return 1
    gpioset --mode=signal "$chip" "$offset=1" &
    holder=$!
    await_value "$HIL_GPIO_TRANSMIT_ENABLE_VALUE" 1 || { kill "$holder"; return 1; }
    echo "bench reads transmit_enable high on $HIL_GPIO_TRANSMIT_ENABLE_VALUE"
    await_value "$HIL_GPIO_TRANSMIT_ENABLE_SENSE_VALUE" 1 || { kill "$holder"; return 1; }
    found=$(gpiofind transmit_enable_sense) || { kill "$holder"; return 1; }
    set -- $found
    sensed=$(gpioget "$1" "$2") || { kill "$holder"; return 1; }
    echo "the wiring loop brought it to transmit_enable_sense; gpioget reads $sensed"
    kill "$holder"
    wait "$holder" 2>/dev/null
    await_value "$HIL_GPIO_TRANSMIT_ENABLE_VALUE" 0 || return 1
    await_value "$HIL_GPIO_TRANSMIT_ENABLE_SENSE_VALUE" 0 || return 1
    echo "released: transmit_enable and its sense low again"
    [ "$sensed" = 1 ]
}

gpio_fault_edge() {
    found=$(gpiofind fault_in) || return 1
    set -- $found
    chip=$1 offset=$2
    echo "fault_in is $chip line $offset; the bench holds it inactive (pulled up, active-low)"
    echo pull-up >"$HIL_GPIO_FAULT_IN_PULL"
    gpiomon --num-events=1 --falling-edge "$chip" "$offset" >"$run/gpiomon.out" 2>&1 &
    monitor=$!
    sleep 0.5 # the reader's request is in place before the edge
    echo pull-down >"$HIL_GPIO_FAULT_IN_PULL"
    i=0
    while kill -0 "$monitor" 2>/dev/null; do
        i=$((i + 1))
        [ "$i" -le 200 ] || { kill "$monitor"; echo "no edge event within 2 s"; return 1; }
        sleep 0.01
    done
    wait "$monitor" || return 1
    cat "$run/gpiomon.out"
    echo pull-up >"$HIL_GPIO_FAULT_IN_PULL"
    grep -q "FALLING EDGE" "$run/gpiomon.out"
}

usb_exercise() {
    timeout 120 "$emulator" exercise --id "$bridge_id" --states "$HIL_USB_BEAMFORMER_STATES"
}

usb_unplug_replug() {
    sh "$here/bench-usb.sh" unplug beamformer || return 1
    i=0
    while "$utermd" hw list --json | tr -d ' \n' | grep -q "\"id\":\"$bridge_id\""; do
        i=$((i + 1))
        [ "$i" -le 50 ] || { echo "$bridge_id still listed after the unplug"; return 1; }
        sleep 0.1
    done
    echo "unplugged: libusb no longer lists $bridge_id"
    sh "$here/bench-usb.sh" replug beamformer || return 1
    i=0
    until "$utermd" hw list --json | tr -d ' \n' | grep -q "\"id\":\"$bridge_id\""; do
        i=$((i + 1))
        [ "$i" -le 100 ] || { echo "$bridge_id not back after the replug"; return 1; }
        sleep 0.1
    done
    echo "replugged: libusb lists $bridge_id again"
    grep -q '"event":"power_cycle"' "$HIL_USB_BEAMFORMER_STATES" || { echo "the emulator recorded no power cycle"; return 1; }
    timeout 120 "$emulator" exercise --id "$bridge_id" --states "$HIL_USB_BEAMFORMER_STATES"
}

daemon_on_bench() {
    timeout 180 sh "$here/check-daemon.sh" "$scenario_utermd"
}

# utermd doctor on the daemon check's configuration (hardware: linux on the rig's board): the
# gpio-sim chip by label, every line free, the bridge present and opened; exit 0 (the daemon
# check marked the guest's clock synchronised).
doctor_on_bench() {
    "$utermd" doctor --config "$run/daemon.yaml" --json >"$run/doctor.json"
    status=$?
    "$utermd" doctor --config "$run/daemon.yaml" | sed 's/^/    /'
    python3 - "$run/doctor.json" <<'PY' || return 1
import json, sys
report = json.load(open(sys.argv[1]))
checks = {f["check"]: f["verdict"] for f in report["findings"]}
hardware = [c for c in checks if c.split(" ")[0] in ("libgpiod", "gpio-chip", "gpio-line", "usb")]
bad = [c for c in hardware if checks[c] != "ok"]
print("hardware checks:", len(hardware), "not ok:", bad)
sys.exit(1 if bad or len(hardware) < 5 or not report["canRun"] else 0)
PY
    [ "$status" = 0 ]
}

# with_libgpiod2 COMMAND...: COMMAND with utermd loading libgpiod 2.x instead of the system's.
with_libgpiod2() { (UTERMD_LIBGPIOD=$libgpiod2 && export UTERMD_LIBGPIOD && "$@"); }
libgpiod2_in_use() {
    "$utermd" version | tee "$run/version-libgpiod2.txt"
    grep -q "^libgpiod 2\.[0-9.]*, API v2, $libgpiod2\$" "$run/version-libgpiod2.txt" ||
        { echo "utermd does not report libgpiod 2.x from $libgpiod2"; return 1; }
}

scenarios() {
    # Last: the run pauses the bench's wiring loop and unplugs the bridge.
    timeout 900 "$scenario_hil" run --rig "$HIL_RIG" --junit "$run/hil-junit.xml" --json "$run/hil-report.json"
}

echo "checks inside the bench: kernel $(uname -r), board $HIL_BOARD ($board_label, $board_lines lines), bridge $bridge_id"
check hw-list hw_list
check hallinux-tests hallinux_tests
check hallinux-kernel-suite-ran hallinux_kernel_suite_ran
"$utermd" version | grep '^libgpiod' | sed 's/^/    /'
check gpio-transmit-round-trip gpio_transmit_round_trip
check gpio-fault-edge gpio_fault_edge
check usb-exercise usb_exercise
check usb-unplug-replug usb_unplug_replug
check daemon-on-bench daemon_on_bench
check doctor-on-bench doctor_on_bench
if [ -n "$libgpiod2" ]; then
    # The same HALLinux paths on libgpiod 2.x (Debian 13's, unpacked from its package).
    check libgpiod2-in-use with_libgpiod2 libgpiod2_in_use
    check hw-list-libgpiod2 with_libgpiod2 hw_list
    check hallinux-tests-libgpiod2 with_libgpiod2 hallinux_tests
    check hallinux-kernel-suite-ran-libgpiod2 hallinux_kernel_suite_ran hallinux-tests-libgpiod2
    check daemon-on-bench-libgpiod2 with_libgpiod2 daemon_on_bench
    check doctor-on-bench-libgpiod2 with_libgpiod2 doctor_on_bench
fi
check scenarios scenarios
sed 's/^/    /' "$run/daemon-on-bench.log"
grep -E '^(PASS|FAIL) |ok  |timing:|bench:|passed,' "$run/scenarios.log" | sed 's/^/    /'
if [ "$failed" = 0 ]; then echo "all checks passed" | tee -a "$results"; else echo "some checks FAILED" | tee -a "$results"; fi
echo "hil: $passed_count passed, $failed_count failed" | tee -a "$results"
exit "$failed"
