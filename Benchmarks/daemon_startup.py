#!/usr/bin/env python3
"""utermd run: start-up time to READY=1 and resident memory with ~10,000 satellites.

  python3 Benchmarks/daemon_startup.py [--utermd PATH] [--tle FILE] [--runs 5] [--settle 10] [--with-bridge]
  python3 Benchmarks/daemon_startup.py --shipped [--settle 20]    # Config/sim.yaml as shipped
  python3 Benchmarks/daemon_startup.py --resident-map              # and what is resident, by section and module

Starts `utermd run` on the simulated board with the CelesTrak Starlink snapshot in
Tests/Data (10,744 element sets, 2026-08-22), receives systemd's READY=1 on a notify
socket of its own (as systemd does with Type=notify), and reads VmRSS and VmHWM from
/proc/PID/status at READY and again after --settle seconds of running (the scheduler has
built its pass tables by then). Then SIGTERM, and checks the exit status is 0.

The board is Boards/sim.yaml without its `usb:` section unless --with-bridge: HALSim's
simulated USB bus and beamformer bridge are test doubles that record every transfer and
latch; `utermd run` keeps 64 of each (it kept 10,000 until 2026-12: 34 MB).

--shipped runs Config/sim.yaml as a user runs it (`make run`: the embedded Starlink shells,
the simulated bridge, rotctld), with only its file paths and ports moved to a temporary
directory and free ports.

Targets (issue 8): READY in under 1 s; resident memory under 40 MB.
"""
import argparse
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(HERE)
DEFAULT_TLE = os.path.join(REPOSITORY, "Tests", "Data", "starlink_celestrak_2026-08-22.tle")
SHIPPED_CONFIG = os.path.join(REPOSITORY, "Config", "sim.yaml")

CONFIG = """format: 1
board: {board}
hardware: simulated
element_sets: {tle}
policy: {{ bundle: embedded:example, operator_key: embedded:example }}
location:
  fixed: {{ latitude_deg: 47.3769, longitude_deg: 8.5417, altitude_m: 408 }}
audit_log: {directory}/audit.log
loop: {{ rate_hz: 1000 }}
status_api: {{ bind: 127.0.0.1, port: {port} }}
log_level: notice
"""

# With --dish-api: the dish's gRPC API on a free loopback port too (issue 15: what the
# network face costs in start-up time and resident memory).
DISH_API = """dish_api: {{ bind: 127.0.0.1, port: {port} }}
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def memory_kib(pid):
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    return values


def board_file(directory, with_bridge):
    """Boards/sim.yaml, without its USB devices unless asked for."""
    text = open(os.path.join(REPOSITORY, "Boards", "sim.yaml")).read()
    if not with_bridge:
        kept, skipping = [], False
        for line in text.splitlines():
            if line.startswith("usb:"):
                skipping = True
                continue
            if skipping and line.startswith("  "):
                continue
            skipping = False
            kept.append(line)
        text = "\n".join(kept) + "\n"
    path = os.path.join(directory, "board.yaml")
    with open(path, "w") as file:
        file.write(text)
    return path


def shipped_config(directory):
    """Config/sim.yaml with its paths under `directory` and every port a free one."""
    text = open(SHIPPED_CONFIG).read().replace("/tmp/utermd-sim", directory)
    return re.sub(r"port: \d+", lambda _: f"port: {free_port()}", text)


def one_run(binary, tle, settle, with_bridge, shipped=False, dish_api=False, resident_map=False):
    with tempfile.TemporaryDirectory() as directory:
        notify_path = os.path.join(directory, "notify")
        notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        notify.bind(notify_path)
        notify.settimeout(60)
        config = os.path.join(directory, "utermd.yaml")
        with open(config, "w") as file:
            if shipped:
                file.write(shipped_config(directory))
            else:
                file.write(CONFIG.format(board=board_file(directory, with_bridge), tle=os.path.abspath(tle),
                                         directory=directory, port=free_port()))
            if dish_api and not shipped:  # Config/sim.yaml has its own dish_api section
                file.write(DISH_API.format(port=free_port()))
        environment = dict(os.environ, NOTIFY_SOCKET=notify_path)
        environment.pop("JOURNAL_STREAM", None)
        started = time.monotonic()
        process = subprocess.Popen([binary, "run", "--config", config], env=environment,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        ready = None
        try:
            while ready is None:
                message = notify.recv(4096).decode()
                if "READY=1" in message:
                    ready = time.monotonic() - started
            at_ready = memory_kib(process.pid)
            time.sleep(settle)
            settled = memory_kib(process.pid)
            if resident_map:
                subprocess.run([sys.executable, os.path.join(REPOSITORY, "Benchmarks", "resident_map.py"),
                                str(process.pid)], check=False)
        finally:
            process.send_signal(signal.SIGTERM)
            _, errors = process.communicate(timeout=30)
            notify.close()
        if process.returncode != 0:
            sys.exit(f"utermd exited with {process.returncode}:\n{errors}")
        return {"ready_s": ready, "rss_at_ready_kib": at_ready["VmRSS"], "rss_settled_kib": settled["VmRSS"],
                "peak_rss_kib": settled["VmHWM"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--utermd", default=os.path.join(REPOSITORY, ".build", "release", "utermd"))
    parser.add_argument("--tle", default=DEFAULT_TLE)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--settle", type=float, default=10.0)
    parser.add_argument("--with-bridge", action="store_true", help="keep the simulated beamformer bridge")
    parser.add_argument("--dish-api", action="store_true", help="serve the dish's gRPC API as well")
    parser.add_argument("--shipped", action="store_true", help="run Config/sim.yaml as shipped (make run)")
    parser.add_argument("--resident-map", action="store_true",
                        help="after the last run settles, print what is resident (Benchmarks/resident_map.py)")
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    if arguments.shipped:
        satellites, board = "embedded (4,408)", "Config/sim.yaml as shipped"
    else:
        if not os.path.exists(arguments.tle):
            sys.exit(f"{arguments.tle}: no such file (the CelesTrak snapshot in Tests/Data)")
        satellites = sum(1 for line in open(arguments.tle) if line.startswith("1 "))
        board = "Boards/sim.yaml" + ("" if arguments.with_bridge else " without usb")
    runs = [one_run(arguments.utermd, arguments.tle, arguments.settle, arguments.with_bridge, arguments.shipped,
                    arguments.dish_api, arguments.resident_map and index == arguments.runs - 1)
            for index in range(arguments.runs)]
    summary = {
        "satellites": satellites,
        "board": board,
        "dish_api": arguments.dish_api,
        "runs": runs,
        "ready_s_median": statistics.median(run["ready_s"] for run in runs),
        "ready_s_max": max(run["ready_s"] for run in runs),
        "rss_settled_mib_max": max(run["rss_settled_kib"] for run in runs) / 1024,
        "peak_rss_mib_max": max(run["peak_rss_kib"] for run in runs) / 1024,
    }
    if arguments.json:
        print(json.dumps(summary, indent=2))
        return
    print(f"utermd run with {satellites} satellites on {summary['board']}, {len(runs)} runs ({arguments.utermd})")
    print(f"  start-up to READY=1: median {summary['ready_s_median'] * 1000:.0f} ms, "
          f"max {summary['ready_s_max'] * 1000:.0f} ms (target < 1000 ms)")
    print(f"  resident memory after {arguments.settle:.0f} s: max {summary['rss_settled_mib_max']:.1f} MiB, "
          f"peak (VmHWM) {summary['peak_rss_mib_max']:.1f} MiB (target < 40 MB)")


if __name__ == "__main__":
    main()
