"""The dish gRPC API under load on loopback (issue 15), bounded in count and time.

Starts `utermd run` on Config/sim.yaml (free ports, private files), then times
`SpaceX.API.Device.Device/Handle(get_status)` from one grpcio client (a channel reused, as
starlink-grpc-tools does) in three phases:

  1. alone;
  2. with N idle TCP connections held open to the gRPC port (connected, never a byte sent);
  3. with N slow clients (each sends the HTTP/2 client preface one byte every 0.5 s).

Prints p50/p99/max per phase (and --json). Reference for the ratio: phase 1 on the same
machine in the same run. Everything stays on 127.0.0.1; at most N+1 connections and
--requests calls per phase; the slow clients stop with the phase.

    .build/dish-api-venv/bin/python Benchmarks/dish_api_load.py --utermd .build/release/utermd
"""
import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

import grpc

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Request { get_status (1004): GetStatusRequest {} }: key (1004 << 3 | 2) as a varint, length 0.
GET_STATUS = bytes([0xE2, 0x3E, 0x00])
PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"


def free_ports(count):
    sockets = [socket.socket() for _ in range(count)]
    for item in sockets:
        item.bind(("127.0.0.1", 0))
    ports = [item.getsockname()[1] for item in sockets]
    for item in sockets:
        item.close()
    return ports


def start_daemon(binary, directory):
    status_port, rotctld_port, dish_port = free_ports(3)
    text = open(os.path.join(REPOSITORY, "Config", "sim.yaml")).read()
    # One pass: chained replaces would rewrite a port just written (45331 → "4533" + "1").
    ports = {"9201": status_port, "4533": rotctld_port, "9200": dish_port}
    text = re.sub(r"port: (9201|4533|9200)\b", lambda match: f"port: {ports[match.group(1)]}", text)
    text = text.replace("/tmp/utermd-sim/", directory + "/")
    config = os.path.join(directory, "utermd.yaml")
    open(config, "w").write(text)
    log = open(os.path.join(directory, "daemon.log"), "w")
    process = subprocess.Popen([binary, "run", "--config", config], stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{status_port}/status", timeout=1).read()
            with socket.create_connection(("127.0.0.1", dish_port), timeout=1):
                return process, dish_port
        except OSError:
            time.sleep(0.2)
    process.kill()
    sys.exit("utermd did not start: " + open(log.name).read()[-1000:])


def time_calls(port, requests):
    channel = grpc.insecure_channel(f"127.0.0.1:{port}")
    handle = channel.unary_unary("/SpaceX.API.Device.Device/Handle")
    handle(GET_STATUS, timeout=10)  # connect and warm up
    durations = []
    for _ in range(requests):
        started = time.perf_counter()
        reply = handle(GET_STATUS, timeout=10)
        durations.append((time.perf_counter() - started) * 1000)
        if not reply:
            sys.exit("an empty reply")
    channel.close()
    durations.sort()
    return {
        "requests": requests, "p50_ms": round(statistics.median(durations), 3),
        "p99_ms": round(durations[int(0.99 * (len(durations) - 1))], 3), "max_ms": round(durations[-1], 3),
    }


def idle_connections(port, count):
    connections = []
    for _ in range(count):
        connections.append(socket.create_connection(("127.0.0.1", port), timeout=5))
    return connections


def slow_clients(port, count, stop):
    connections = idle_connections(port, count)

    def drip():
        index = 0
        while not stop.is_set() and index < len(PREFACE):
            for connection in connections:
                try:
                    connection.send(PREFACE[index:index + 1])
                except OSError:
                    pass
            index += 1
            stop.wait(0.5)

    thread = threading.Thread(target=drip, daemon=True)
    thread.start()
    return connections, thread


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--utermd", default=os.path.join(REPOSITORY, ".build", "release", "utermd"))
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    directory = tempfile.mkdtemp(prefix="utermd-dish-load-")
    process, port = start_daemon(arguments.utermd, directory)
    results = {}
    try:
        results["alone"] = time_calls(port, arguments.requests)
        held = idle_connections(port, arguments.connections)
        results[f"{arguments.connections}_idle"] = time_calls(port, arguments.requests)
        for connection in held:
            connection.close()
        stop = threading.Event()
        slow, thread = slow_clients(port, arguments.connections, stop)
        results[f"{arguments.connections}_slow"] = time_calls(port, arguments.requests)
        stop.set()
        thread.join(timeout=5)
        for connection in slow:
            connection.close()
        with open(f"/proc/{process.pid}/status") as status:
            rss = re.search(r"VmRSS:\s+(\d+)", status.read())
        results["daemon_rss_kib_after"] = int(rss.group(1)) if rss else None
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(directory, ignore_errors=True)
    if arguments.json:
        print(json.dumps(results, indent=2))
    else:
        for phase, figures in results.items():
            if isinstance(figures, dict):
                print(f"{phase:>10}: Handle(get_status) p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms, "
                      f"max {figures['max_ms']} ms ({figures['requests']} calls)")
        print(f"daemon RSS after the run: {results['daemon_rss_kib_after']} KiB")


if __name__ == "__main__":
    main()
