#!/bin/sh
# Unplugs or replugs a USB device of the virtual bench (inside the VM), as pulling the cable
# would: the gadget is unbound from its dummy_hcd controller, so the host side sees the
# device leave (libusb: LIBUSB_ERROR_NO_DEVICE on transfers, a hot-plug "left"), and bound
# again. The emulator keeps running and serves the device again after the replug.
#
#   bench-usb.sh unplug|replug [ROLE]        ROLE defaults to beamformer
set -eu
run=${HIL_RUN_DIR:?HIL_RUN_DIR is set by run-in-vm.sh}
. "$run/bench.env"
action=$1
key=$(echo "${2:-beamformer}" | tr 'a-z.-' 'A-Z__')
eval "udc=\${HIL_USB_${key}_UDC:?no such USB role on this bench}"
eval "udc_file=\${HIL_USB_${key}_UDC_FILE}"
case "$action" in
    unplug) echo "" >"$udc_file" ;;
    replug) echo "$udc" >"$udc_file" ;;
    *) echo "usage: bench-usb.sh unplug|replug [ROLE]" >&2; exit 2 ;;
esac
