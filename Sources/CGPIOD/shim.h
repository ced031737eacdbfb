// libgpiod 1.6 (Debian 12, Raspberry Pi OS Bookworm). The 2.x API is different;
// HALLinux is written against 1.6 only.
#include <gpiod.h>
