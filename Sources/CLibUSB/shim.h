// libusb-1.0 (1.0.26 on Debian 12). pkg-config adds -I.../libusb-1.0.
#include <libusb.h>
