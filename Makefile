# utermd — the two commands of the Quick start, and a few more.
#   make run    the simulated terminal on its embedded defaults
#   make test   the whole test suite
#   make deb    utermd_<version>_<arch>.deb (packaging/deb), make deb-test installs and purges it
# Both install the missing system packages first (Debian/Raspberry Pi OS, via apt-get;
# as root, or through sudo otherwise). On macOS nothing is installed: the simulated
# terminal builds without libgpiod and libusb.

SWIFT       ?= swift
APT_PACKAGES = libgpiod-dev libusb-1.0-0-dev pkg-config gpsd gpsd-clients libhamlib-utils python3 python3-venv spin prometheus
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
UTERMD       = .build/debug/utermd
# Every release build is the one the .deb ships: on Linux the Swift runtime linked in
# (--static-swift-stdlib), and Package.swift's shippedBinaryLinking (lld, DT_RELR). One
# configuration, so `make run`, `make hil`, `make deb` and the campaigns never rebuild for
# each other, and what the benchmarks measure is what is installed.
RELEASE      = $(SWIFT) build -c release $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib)

.PHONY: all deps build run test first-hour bench clean model-check model-smoke model-table proto dish-api-test dish-api-load

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
	$(RELEASE) --product utermd
	.build/release/utermd version
	.build/release/utermd simulate

# The whole suite, then what it did not check and why (Tests/skipped-tests.sh); the exit
# status is the suite's. The log stays in .build/test.log. First, that every module a target
# imports is declared in Package.swift (scripts/check-imports.py).
test: deps
	@mkdir -p .build
	python3 scripts/check-imports.py
	@{ $(SWIFT) test 2>&1; echo $$? > .build/test.status; } | tee .build/test.log
	@sh Tests/skipped-tests.sh .build/test.log
	@test "$$(cat .build/test.status)" = 0
	sh Tests/first-hour.sh $(UTERMD)
	$(MAKE) --no-print-directory dish-api-test
	$(MAKE) --no-print-directory model-smoke
	$(MAKE) --no-print-directory campaign-smoke
	$(MAKE) --no-print-directory fuzz-smoke

# Every command as the README shows it, from the southern and western hemispheres, with its
# exit status and --json output checked (issue 14; python3 reads the JSON); part of
# `make test`, about 50 s on a loaded 2-core machine.
first-hour: deps
	$(SWIFT) build --product utermd
	sh Tests/first-hour.sh $(UTERMD)

# The dish's gRPC API as the community's tools read it (issue 15): starlink-grpc-core (with
# yagrc and grpcio, from PyPI, in its own virtualenv so it never becomes a runtime
# dependency) against `utermd run` on Config/sim.yaml; part of `make test`, about 30 s.
DISH_API_PIP = starlink-grpc-core==1.2.5
DISH_API_VENV = .build/dish-api-venv
dish-api-test: deps
	@[ -x $(DISH_API_VENV)/bin/python ] || python3 -m venv $(DISH_API_VENV)
	@$(DISH_API_VENV)/bin/python -c "import starlink_grpc" 2>/dev/null || $(DISH_API_VENV)/bin/python -m pip install -q $(DISH_API_PIP)
	@[ -x $(UTERMD) ] || $(SWIFT) build --product utermd
	$(DISH_API_VENV)/bin/python Tests/DishAPIClient/starlink_grpc_acceptance.py $(UTERMD)

# The dish API under load on loopback (bounded: a few hundred idle connections held open
# while one client times Handle(get_status)); prints p50/p99. Release build.
dish-api-load: deps
	@[ -x $(DISH_API_VENV)/bin/python ] || python3 -m venv $(DISH_API_VENV)
	@$(DISH_API_VENV)/bin/python -c "import starlink_grpc" 2>/dev/null || $(DISH_API_VENV)/bin/python -m pip install -q $(DISH_API_PIP)
	$(RELEASE) --product utermd
	$(DISH_API_VENV)/bin/python Benchmarks/dish_api_load.py --utermd .build/release/utermd

# Regenerates Sources/DishAPI/Generated from Protos/ (Debian's protobuf-compiler and the
# plugins built from the package copies, Tools/ProtoGen). CI builds the committed output.
proto:
	@command -v protoc >/dev/null 2>&1 || { $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q protobuf-compiler; }
	sh scripts/generate-protos.sh

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
# The reference tools go into a virtualenv (Debian 12's python3 is externally managed: a plain
# `pip install` there is refused), never into the firmware's dependencies.
BENCH_APT = rt-tests python3-venv
BENCH_PIP = sgp4 skyfield shapely numpy
BENCH_VENV = .build/bench-venv
bench: deps
	@missing=""; for p in $(BENCH_APT); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; fi
	@[ -x $(BENCH_VENV)/bin/python ] || python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install -q $(BENCH_PIP)
	$(RELEASE) --product utermd
	$(BENCH_VENV)/bin/python Benchmarks/compare.py
	$(BENCH_VENV)/bin/python Benchmarks/loop_latency.py --seconds 60

clean:
	rm -rf .build

# The Python oracles that computed the tests' reference numbers (Tests/Data/README.md), in a
# virtualenv so they never become runtime dependencies: `.build/oracles/bin/python SCRIPT`.
# The tests do not run them; this is for regenerating or checking a reference table. sgp4
# and Skyfield are pinned to the versions the tables were made with.
ORACLE_PIP = sgp4==2.27 skyfield==1.55 "shapely>=2" "pyproj>=3.6" "geographiclib>=2" numpy
.PHONY: oracles
oracles:
	@[ -x .build/oracles/bin/python ] || python3 -m venv .build/oracles
	.build/oracles/bin/python -m pip install -q $(ORACLE_PIP)

# The virtual HIL bench (HIL/vm/README.md): builds the firmware, the bridge emulator and the
# test bundle, runs the default 51-minute scenario whole on the release build (~18 s,
# HIL/check-default-scenario.sh), then boots the bench's kernel under qemu (TCG) and runs HIL/vm/checks.sh in it
# against gpio-sim lines and a FunctionFS bridge. The kernel and initramfs are built once and
# cached outside the repository; qemu and the build tools come from Debian packages, installed
# by the scripts when missing. Artefacts of the last run: .build/hil-vm-run/.
# The GPIO checks run twice: on the system's libgpiod 1.6 and on Debian 13's libgpiod 2.x,
# fetched once into ~/.cache/utermd-libgpiod2 by scripts/fetch-libgpiod2.sh.
.PHONY: hil
# After the bench, the package is built and installed on this machine
# (packaging/deb/install-test.sh: dpkg -i, version, doctor, simulate as user utermd, purge;
# needs root, as CI is).
hil: deps
	$(SWIFT) build --build-tests
	$(RELEASE) --product utermd
	$(RELEASE) --product utermd-hil
	$(RELEASE) --product utermd-bridge-emulator
	sh HIL/check-default-scenario.sh .build/release/utermd
	libgpiod2=$$(scripts/fetch-libgpiod2.sh) && \
	HIL/vm/run-in-vm.sh --run-dir .build/hil-vm-run --timeout 1500 --cpus 2 --emulator .build/release/utermd-bridge-emulator \
		-- sh HIL/vm/checks.sh .build/debug .build/release/utermd "$$libgpiod2"
	HIL/vm/power-cut.sh .build/release/utermd --kills 5 --run-dir .build/hil-power-cut
	$(MAKE) deb-test

# The audit log through power cuts of the VM (HIL/vm/power-cut.sh; part of `make hil`): five
# SIGKILLs of qemu at random moments while `utermd audit stress` appends to an ext4 disk image
# that outlives the VM; every record reported durable must be found after the reboot and the
# log verify. A few minutes of VM. POWER_CUT_ARGS="--kills 20 --seed 7" for more, or to repeat.
.PHONY: power-cut
power-cut: deps
	$(RELEASE) --product utermd
	HIL/vm/power-cut.sh .build/release/utermd --kills 5 --run-dir .build/hil-power-cut $(POWER_CUT_ARGS)

# utermd_<version>_<arch>.deb in .build/deb (packaging/deb/build-deb.sh): the release binary
# with the Swift runtime linked in, the unit, udev rule, sysusers, conffiles; lintian.
.PHONY: deb deb-test
deb: deps
	@command -v lintian >/dev/null || { $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q lintian; }
	$(RELEASE) --product utermd
	packaging/deb/build-deb.sh --binary .build/release/utermd

deb-test: deb
	$(SUDO) packaging/deb/install-test.sh .build/deb/utermd_*_$$(dpkg --print-architecture).deb

# Seeded faults (HIL/seeded-faults.sh): the firmware broken on purpose, one part at a time (the
# interlock ignoring hardware faults, the geofence answering allow, the scenario judge passing
# everything), each built and shown to be caught by the scenarios or by the judge's own tests.
# Edits the work tree and reverts it; three debug rebuilds, ~15 min on 2 cores: not in CI.
.PHONY: seeded-faults
seeded-faults: deps
	sh HIL/seeded-faults.sh

# Randomised campaign (issue 17, `utermd campaign`): scenarios generated from (seed, index) run
# on the simulated bench with the safety invariants checked at every tick; a violation leaves a
# shrunk scenario file that `utermd simulate --scenario F` replays. campaign-smoke (in make
# test): CAMPAIGN_SMOKE_RUNS runs on the debug binary make test built, in two shards (the
# machine's two cores), merged; campaign: RUNS runs (default 10000) on the release build, in
# CAMPAIGN_SHARDS local shards; slurm-test: a single-node Slurm on this machine (slurm-wlm,
# munge) runs a job array of shards (scripts/slurm/local-slurm-test.sh); SLURM_RUNS and
# SLURM_SHARDS size it. Output: .build/campaign-*/ (summary.json, index.html, shrunk cases).
.PHONY: campaign-smoke campaign slurm-test
CAMPAIGN_SMOKE_RUNS ?= 500
CAMPAIGN_SEED ?= 1
RUNS ?= 10000
CAMPAIGN_SHARDS ?= 2
campaign-smoke: deps
	$(SWIFT) build --product utermd
	rm -rf .build/campaign-smoke
	$(UTERMD) campaign --runs $(CAMPAIGN_SMOKE_RUNS) --seed $(CAMPAIGN_SEED) --shard 0/2 --out .build/campaign-smoke > .build/campaign-smoke-0.log 2>&1 & \
	$(UTERMD) campaign --runs $(CAMPAIGN_SMOKE_RUNS) --seed $(CAMPAIGN_SEED) --shard 1/2 --out .build/campaign-smoke > .build/campaign-smoke-1.log 2>&1; \
	wait $$!; cat .build/campaign-smoke-0.log .build/campaign-smoke-1.log
	$(UTERMD) campaign merge .build/campaign-smoke --expect-runs $(CAMPAIGN_SMOKE_RUNS)

campaign: deps
	$(RELEASE) --product utermd
	rm -rf .build/campaign-$(CAMPAIGN_SEED)
	for i in $$(seq 0 $$(($(CAMPAIGN_SHARDS) - 1))); do \
		.build/release/utermd campaign --runs $(RUNS) --seed $(CAMPAIGN_SEED) --shard $$i/$(CAMPAIGN_SHARDS) \
			--out .build/campaign-$(CAMPAIGN_SEED) > .build/campaign-$(CAMPAIGN_SEED)-$$i.log 2>&1 & \
	done; wait
	.build/release/utermd campaign merge .build/campaign-$(CAMPAIGN_SEED) --expect-runs $(RUNS)

SLURM_RUNS ?= 100
SLURM_SHARDS ?= 4
slurm-test: deps
	$(RELEASE) --product utermd
	sh scripts/slurm/local-slurm-test.sh .build/release/utermd $(SLURM_SHARDS) $(SLURM_RUNS) $(CAMPAIGN_SEED) .build/slurm-campaign

# libFuzzer (issue 17): one target per parser that takes outside bytes (Fuzz/, declared in
# Package.swift only when UTERMD_FUZZ is set), built with --sanitize=fuzzer in .build-fuzz (a
# full instrumented debug build of its own). Corpora are seeded from the
# repository's own files (Fuzz/seed-corpora.sh) into .build-fuzz/corpus/TARGET; findings (crash-*,
# timeout-*, oom-*) land in .build-fuzz/findings/TARGET. FUZZ_SECONDS per target.
.PHONY: fuzz fuzz-build fuzz-smoke fuzz-long sanitize
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = FuzzElementSets FuzzGeoJSON FuzzPolicyBundle FuzzDataFiles FuzzNMEA FuzzGPSD FuzzBridgeFrames FuzzRotctld FuzzAuditScan FuzzStatusAPI FuzzDishAPI
fuzz-build:
	for t in $(FUZZ_TARGETS); do \
		UTERMD_FUZZ=1 $(SWIFT) build --scratch-path .build-fuzz --sanitize=fuzzer --product $$t || exit 1; \
	done

fuzz: deps fuzz-build
	sh Fuzz/seed-corpora.sh .build-fuzz/corpus
	sh Fuzz/run-fuzzers.sh .build-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# CI's smoke, part of `make test`: every target FUZZ_SMOKE_SECONDS on the seeds, any finding
# fails the run (the instrumented build takes about 10 minutes on a 2-core machine).
FUZZ_SMOKE_SECONDS ?= 15
fuzz-smoke:
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS)

# The long run (issue 17's acceptance): every target to 10 M executions or an hour, whichever
# comes first, on an optimised build (release, -enable-testing for the targets' @testable
# imports) with each target's own input length (Fuzz/run-fuzzers.sh: 256 B to 4 kB): the
# element-set and policy seeds are 64 kB files, which a debug build runs at 8-90 execs/s.
FUZZ_LONG_SECONDS ?= 3600
FUZZ_LONG_RUNS ?= 10000000
fuzz-long: deps
	for t in $(FUZZ_TARGETS); do \
		UTERMD_FUZZ=1 $(SWIFT) build -c release -Xswiftc -enable-testing --scratch-path .build-fuzz --sanitize=fuzzer --product $$t || exit 1; \
	done
	sh Fuzz/seed-corpora.sh .build-fuzz/corpus
	FUZZ_CONFIG=release FUZZ_RUNS=$(FUZZ_LONG_RUNS) FUZZ_MAX_LEN=auto \
		sh Fuzz/run-fuzzers.sh .build-fuzz $(FUZZ_LONG_SECONDS) $(FUZZ_TARGETS)

# Sanitizers (issue 17): ThreadSanitizer over the threaded code (the audit writer, the hand-offs
# and rings, the drivers' threads, the daemon's services) and AddressSanitizer over the whole
# suite, each in a scratch path of its own (full instrumented builds: not part of make test).
TSAN_FILTER ?= AuditWriter|AuditHandoff|Handoff|Mailbox|Ring|SPSC|Seqlock|LoopControl|BridgeDriver|GPSD|NMEAStream|Watchdog|Daemon|Run|Rotctld|Status
sanitize: deps
	$(SWIFT) test --scratch-path .build-tsan --sanitize=thread --filter '$(TSAN_FILTER)'
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Support/lsan-suppressions.txt \
	  $(SWIFT) test --scratch-path .build-asan --sanitize=address
