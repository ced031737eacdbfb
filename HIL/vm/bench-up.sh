#!/bin/sh
# Sets the virtual bench up from a rig file, inside the VM (run by run-in-vm.sh's job as
# root in `chroot /host`, before the command under test):
#
#   bench-up.sh RIG_FILE EMULATOR_BINARY
#
# - every GPIO chip of the rig's board becomes a gpio-sim device (configfs) with one bank of
#   the chip's line count and label; each line a role uses is named after the role;
# - the rig's `gpio.idle` inputs are pulled to their idle level;
# - the rig's `gpio.wires` are served by the wiring loop (bench-wires.sh);
# - every `usb` device of the rig becomes a configfs gadget on a dummy_hcd UDC with one
#   FunctionFS function, served by its emulator (utermd-bridge-emulator), bound once the
#   emulator has written its descriptors; set-up waits until the host side enumerates it.
# What was made goes to $HIL_RUN_DIR/bench.json and bench.env (see run-in-vm.sh), a log of
# each step to stderr. Any failure stops with a message and a non-zero status.
set -eu

rig=$1
emulator=$2
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
run=${HIL_RUN_DIR:?HIL_RUN_DIR is set by run-in-vm.sh}
configfs=/sys/kernel/config
say() { # with the guest's uptime: the set-up's own timing
    read -r uptime _ </proc/uptime
    printf 'bench: [%7s s] %s\n' "$uptime" "$*" >&2
}
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

# A file of the rig: absolute, else relative to the working directory, else to the repo.
resolve() {
    case "$1" in
        /*) echo "$1" ;;
        *) if [ -e "$1" ]; then echo "$PWD/$1"; else echo "${HIL_REPO:-.}/$1"; fi ;;
    esac
}
# Flattens FILE into FLAT (`path=value` lines) and loads every value into a shell variable
# PREFIX_<path with . as _>: each process started costs ~0.1 s in the TCG guest, so values
# are looked up without starting any (`get`), and awk runs once per file.
flatten() { # FILE FLAT PREFIX
    awk -f "$here/yaml-flat.awk" "$1" >"$2" || die "cannot read $1"
    eval "$(awk -v prefix="$3" '{
        key = substr($0, 1, index($0, "=") - 1); value = substr($0, index($0, "=") + 1)
        gsub(/[^A-Za-z0-9_]/, "_", key); gsub(/\047/, "\047\\\047\047", value)
        printf "%s_%s=\047%s\047\n", prefix, key, value }' "$2")"
}
# The value at PATH of the file loaded with PREFIX, or empty: get PATH FLAT, where FLAT is
# $rig_flat or $board_flat.
get() {
    case "$2" in "$rig_flat") prefix=R ;; *) prefix=B ;; esac
    path=$1
    key=""
    while :; do # every character other than A-Za-z0-9_ becomes _, as in flatten
        case "$path" in
            *[!A-Za-z0-9_]*)
                rest=${path#*[!A-Za-z0-9_]}
                key="$key${path%%[!A-Za-z0-9_]"$rest"}_"
                path=$rest
                ;;
            *) key="$key$path"; break ;;
        esac
    done
    eval "printf '%s\n' \"\${${prefix}_$key-}\""
}
# The distinct names directly under PREFIX (e.g. the roles under `gpio.lines`).
names() {
    awk -v p="$1." 'index($0, p) == 1 { s = substr($0, length(p) + 1); sub(/[.=].*/, "", s); if (!(s in seen)) { seen[s]; print s } }' "$2"
}
upper() { echo "$1" | tr 'a-z.-' 'A-Z__'; }
wait_for() { # SECONDS DESCRIPTION TEST...
    limit=$(($1 * 10)); what=$2; shift 2
    i=0
    until "$@"; do
        i=$((i + 1))
        [ "$i" -le "$limit" ] || die "timed out waiting for $what"
        sleep 0.1
    done
}

rig_flat="$run/rig.flat"
board_flat="$run/board.flat"
flatten "$rig" "$rig_flat" R
[ "$(get format "$rig_flat")" = 1 ] || die "$rig: format must be 1"
board=$(get board "$rig_flat")
[ -n "$board" ] || die "$rig: no board"
board=$(resolve "$board")
[ -f "$board" ] || die "$rig: board file $board not found"
flatten "$board" "$board_flat" B
say "rig $(get rig "$rig_flat") on board $(get board "$board_flat") ($board)"

env_file="$run/bench.env"
: >"$env_file"
export_var() { printf "export %s='%s'\n" "$1" "$2" >>"$env_file"; }
export_var HIL_RIG "$rig"
export_var HIL_BOARD "$board"
export_var HIL_BENCH_JSON "$run/bench.json"

# --- GPIO: one gpio-sim device per chip of the board -----------------------------------
[ -d "$configfs/gpio-sim" ] || die "no $configfs/gpio-sim: the kernel lacks CONFIG_GPIO_SIM"
chips_json=""
lines_json=""
n=0
while label=$(get "gpio.chips.$n.label" "$board_flat") && [ -n "$label" ]; do
    count=$(get "gpio.chips.$n.lines" "$board_flat")
    device="$configfs/gpio-sim/hil-chip$n"
    bank="$device/bank0"
    mkdir "$device" "$bank"
    echo "$count" >"$bank/num_lines"
    echo "$label" >"$bank/label"
    for role in $(names gpio.lines "$board_flat"); do
        [ "$(get "gpio.lines.$role.chip" "$board_flat")" = "$label" ] || continue
        offset=$(get "gpio.lines.$role.line" "$board_flat")
        mkdir "$bank/line$offset"
        echo "$role" >"$bank/line$offset/name"
    done
    echo 1 >"$device/live"
    sysfs="/sys/devices/platform/$(cat "$device/dev_name")/$(cat "$bank/chip_name")"
    [ -d "$sysfs" ] || die "gpio-sim chip $label went live but $sysfs is missing"
    say "gpio-sim chip \"$label\": $count lines, /dev/$(cat "$bank/chip_name"), $sysfs"
    chips_json="$chips_json${chips_json:+, }{\"label\": \"$label\", \"lines\": $count, \"device\": \"/dev/$(cat "$bank/chip_name")\", \"sysfs\": \"$sysfs\"}"
    eval "sysfs_$n='$sysfs'"
    n=$((n + 1))
done
[ "$n" -gt 0 ] || die "$board has no GPIO chips"

# The sysfs directory of a role's line (sim_gpioN), its physical level for a role level.
line_dir() {
    chip=$(get "gpio.lines.$1.chip" "$board_flat")
    [ -n "$chip" ] || die "$rig: role $1 is not on the board"
    i=0
    while [ "$i" -lt "$n" ]; do
        if [ "$(get "gpio.chips.$i.label" "$board_flat")" = "$chip" ]; then
            eval "echo \"\$sysfs_$i/sim_gpio$(get "gpio.lines.$1.line" "$board_flat")\""
            return
        fi
        i=$((i + 1))
    done
    die "$board: chip $chip of role $1 is not declared"
}
for role in $(names gpio.lines "$board_flat"); do
    dir=$(line_dir "$role")
    key=$(upper "$role")
    export_var "HIL_GPIO_${key}_VALUE" "$dir/value"
    export_var "HIL_GPIO_${key}_PULL" "$dir/pull"
    lines_json="$lines_json${lines_json:+, }\"$role\": {\"chip\": \"$(get "gpio.lines.$role.chip" "$board_flat")\", \"offset\": $(get "gpio.lines.$role.line" "$board_flat"), \"active_low\": $(get "gpio.lines.$role.active_low" "$board_flat"), \"value\": \"$dir/value\", \"pull\": \"$dir/pull\"}"
done

for role in $(names gpio.idle "$rig_flat"); do
    level=$(get "gpio.idle.$role" "$rig_flat")
    case "$level" in active | inactive) ;; *) die "$rig: gpio.idle.$role must be active or inactive" ;; esac
    high=1
    [ "$level" = active ] || high=0
    [ "$(get "gpio.lines.$role.active_low" "$board_flat")" = true ] && high=$((1 - high))
    if [ "$high" = 1 ]; then pull=pull-up; else pull=pull-down; fi
    dir=$(line_dir "$role")
    echo "$pull" >"$dir/pull"
    say "idle: $role $level ($pull)"
done

wires=""
wires_json=""
wires_pid=""
i=0
while from=$(get "gpio.wires.$i.from" "$rig_flat") && [ -n "$from" ]; do
    to=$(get "gpio.wires.$i.to" "$rig_flat")
    inverted=$(get "gpio.wires.$i.inverted" "$rig_flat")
    inverted=${inverted:-false}
    out=$(line_dir "$from")
    in=$(line_dir "$to")
    wires="$wires $out/value|$in/pull|$inverted"
    wires_json="$wires_json${wires_json:+, }{\"from\": \"$from\", \"to\": \"$to\", \"inverted\": $inverted}"
    say "wire: $from -> $to (inverted: $inverted)"
    i=$((i + 1))
done
poll_ms=$(get gpio.wire_poll_ms "$rig_flat")
poll_ms=${poll_ms:-2}
if [ -n "$wires" ]; then
    # shellcheck disable=SC2086 # one word per wire
    # The FIFO lives on the guest's tmpfs: the run directory's 9p share has no FIFOs.
    nohup busybox sh "$here/bench-wires.sh" "$poll_ms" /run/hil-wires.fifo $wires >"$run/wires.log" 2>&1 &
    wires_pid=$!
    echo "$wires_pid" >"$run/wires.pid"
    export_var HIL_WIRES_PID "$wires_pid"
    sleep 0.3
    kill -0 "$wires_pid" 2>/dev/null || die "the wiring loop stopped: $(cat "$run/wires.log")"
fi

# --- USB: one gadget per device of the rig, served through FunctionFS ------------------
usb_json=""
udcs=$(ls /sys/class/udc 2>/dev/null || true)
for role in $(names usb "$rig_flat"); do
    id=$(get "usb.$role.id" "$rig_flat")
    kind=$(get "usb.$role.emulator" "$rig_flat")
    vendor=${id%%:*}
    product=${id##*:}
    [ "$kind" = beamformer_bridge ] || die "$rig: usb.$role.emulator: unknown emulator \"$kind\" (known: beamformer_bridge)"
    [ -x "$emulator" ] || die "no bridge emulator at $emulator (swift build --product utermd-bridge-emulator)"
    udc=$(echo "$udcs" | awk 'NF { print; exit }')
    [ -n "$udc" ] || die "no free USB device controller (dummy_hcd) for $role"
    udcs=$(echo "$udcs" | awk -v u="$udc" '$0 != u')

    gadget="$configfs/usb_gadget/hil-$role"
    mkdir "$gadget"
    echo "0x$vendor" >"$gadget/idVendor"
    echo "0x$product" >"$gadget/idProduct"
    echo 0x0100 >"$gadget/bcdDevice"
    echo 0x0200 >"$gadget/bcdUSB"
    mkdir "$gadget/strings/0x409"
    get "usb.$role.manufacturer" "$rig_flat" >"$gadget/strings/0x409/manufacturer"
    get "usb.$role.product" "$rig_flat" >"$gadget/strings/0x409/product"
    get "usb.$role.serial" "$rig_flat" >"$gadget/strings/0x409/serialnumber"
    mkdir "$gadget/configs/c.1" "$gadget/configs/c.1/strings/0x409"
    echo "$role" >"$gadget/configs/c.1/strings/0x409/configuration"
    echo 100 >"$gadget/configs/c.1/MaxPower"
    mkdir "$gadget/functions/ffs.$role"
    ln -s "$gadget/functions/ffs.$role" "$gadget/configs/c.1/"
    ffs="/run/hil-ffs/$role"
    mkdir -p "$ffs"
    mount -t functionfs "$role" "$ffs"

    states="$run/$role-states.jsonl"
    rm -f "$run/$role.ready"
    nohup "$emulator" --functionfs "$ffs" --states "$states" --ready "$run/$role.ready" \
        >"$run/$role-emulator.log" 2>&1 &
    pid=$!
    echo "$pid" >"$run/$role-emulator.pid"
    say "usb $role: gadget $id made, emulator started"
    wait_for 30 "the $role emulator's descriptors (log: $run/$role-emulator.log)" test -e "$run/$role.ready"
    say "usb $role: descriptors written, binding to $udc"
    echo "$udc" >"$gadget/UDC"
    # The host side: enumerated, configured, with the endpoints the protocol names.
    configured() {
        for d in /sys/bus/usb/devices/*; do
            [ -f "$d/idVendor" ] || continue
            read -r v <"$d/idVendor" && read -r p <"$d/idProduct" || continue
            [ "$v" = "$vendor" ] && [ "$p" = "$product" ] || continue
            c=""
            read -r c <"$d/bConfigurationValue"
            [ -n "$c" ] && device=$d && return 0
        done
        return 1
    }
    wait_for 20 "$id to enumerate and be configured on the host side" configured
    interface="$device/$(basename "$device"):1.0"
    for ep in ep_01 ep_81; do
        [ -d "$interface/$ep" ] || die "$id: interface 0 has no endpoint ${ep#ep_} (has: $(cd "$interface" && echo ep_*))"
    done
    say "usb $role: gadget $id on $udc ($device, endpoints 0x01 and 0x81), FunctionFS $ffs, emulator pid $pid, states $states"

    key=$(upper "$role")
    export_var "HIL_USB_${key}_ID" "$id"
    export_var "HIL_USB_${key}_UDC" "$udc"
    export_var "HIL_USB_${key}_UDC_FILE" "$gadget/UDC"
    export_var "HIL_USB_${key}_EMULATOR_PID" "$pid"
    export_var "HIL_USB_${key}_STATES" "$states"
    usb_json="$usb_json${usb_json:+, }\"$role\": {\"id\": \"$id\", \"udc\": \"$udc\", \"udc_file\": \"$gadget/UDC\", \"functionfs\": \"$ffs\", \"emulator_pid\": $pid, \"states\": \"$states\", \"log\": \"$run/$role-emulator.log\"}"
done

wire_pid_json=""
[ -z "$wires_pid" ] || wire_pid_json=", \"wire_loop_pid\": $wires_pid"
cat >"$run/bench.json" <<EOF
{
  "rig": "$rig",
  "board": "$board",
  "gpio": {
    "chips": [$chips_json],
    "lines": {$lines_json},
    "wires": [$wires_json],
    "wire_poll_ms": $poll_ms$wire_pid_json
  },
  "usb": {$usb_json}
}
EOF
say "ready ($run/bench.json)"
