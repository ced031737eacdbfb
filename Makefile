# utermd — the two commands of the Quick start, and a few more.
#   make run    the simulated terminal on its embedded defaults
#   make test   the whole test suite
# Both install the missing system packages first (Debian/Raspberry Pi OS, via apt-get;
# as root, or through sudo otherwise). On macOS nothing is installed: the simulated
# terminal builds without libgpiod and libusb.

SWIFT       ?= swift
APT_PACKAGES = libgpiod-dev libusb-1.0-0-dev pkg-config gpsd gpsd-clients libhamlib-utils spin
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
UTERMD       = .build/debug/utermd

.PHONY: all deps build run test bench clean model-check model-smoke model-table

all: build

# Installs only what is missing; `apt-get update` first, since a fresh machine's apt
# knows no package before it.
deps:
	@if command -v apt-get >/dev/null 2>&1; then \
		missing=""; \
		for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
		if [ -n "$$missing" ]; then \
			echo "make: installing$$missing"; \
			$(SUDO) apt-get update -q && \
			DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
		fi; \
	fi

build: deps
	$(SWIFT) build --product utermd

# The simulated terminal on its embedded defaults: the simulated board, the generated
# Starlink shells, the example policy and the default scenario (a vessel crossing a banned
# territorial sea to an anchorage and back). Release build: the run is ~3 million ticks.
run: deps
	$(SWIFT) build -c release --product utermd
	.build/release/utermd version
	.build/release/utermd simulate

test: deps
	$(SWIFT) test
	$(MAKE) --no-print-directory model-smoke

# The model of the transmit interlock (Model/README.md). model-check: every check and every
# seeded mutation (a few minutes); model-smoke: one small proof and one mutation (part of
# make test); model-table: rewrites Model/interlock-transitions.txt from the Swift interlock
# (then run model-check). The Swift side of the model is checked by `swift test` itself
# (InterlockTransitionTableTests).
model-check: deps
	python3 Model/check.py --out .build/model

model-smoke: deps
	python3 Model/check.py --smoke --out .build/model

model-table:
	$(SWIFT) build --build-tests
	UTERMD_MODEL_TABLE_OUT=$(CURDIR)/Model/interlock-transitions.txt $(SWIFT) test --skip-build --filter InterlockTransitionTableTests

# Benchmarks and their references on this machine (ratios, not absolute numbers):
# the Swift benchmarks (ordo-one/benchmark) against python sgp4 / Skyfield / shapely, and
# the loop's wake-up latency beside cyclictest. Takes several minutes (release builds).
BENCH_APT = rt-tests python3-pip
BENCH_PIP = sgp4 skyfield shapely numpy
bench: deps
	@missing=""; for p in $(BENCH_APT); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; fi
	python3 -m pip install -q $(BENCH_PIP)
	$(SWIFT) build -c release --product utermd
	python3 Benchmarks/compare.py
	python3 Benchmarks/loop_latency.py --seconds 60

clean:
	rm -rf .build

# The virtual HIL bench (HIL/vm/README.md): builds the firmware, the bridge emulator and the
# test bundle, then boots the bench's kernel under qemu (TCG) and runs HIL/vm/checks.sh in it
# against gpio-sim lines and a FunctionFS bridge. The kernel and initramfs are built once and
# cached outside the repository; qemu and the build tools come from Debian packages, installed
# by the scripts when missing. Artefacts of the last run: .build/hil-vm-run/.
.PHONY: hil
hil: deps
	$(SWIFT) build --build-tests
	$(SWIFT) build -c release --product utermd
	$(SWIFT) build -c release --product utermd-bridge-emulator
	HIL/vm/run-in-vm.sh --run-dir .build/hil-vm-run --timeout 1500 --cpus 2 --emulator .build/release/utermd-bridge-emulator \
		-- sh HIL/vm/checks.sh .build/debug .build/release/utermd
