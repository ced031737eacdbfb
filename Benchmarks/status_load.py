#!/usr/bin/env python3
"""utermd run: /status and rotctld latency while idle and slow-loris clients hold sockets.

  python3 Benchmarks/status_load.py [--utermd PATH] [--idle 200] [--slow 200] [--requests 200]
                                    [--tle FILE] [--json]

Starts `utermd run` on the simulated board (embedded element sets unless --tle), waits for
READY=1 on a notify socket of its own, then on loopback only:

  1. baseline: --requests sequential `GET /status` (a new connection each, read to the close)
     and rotctld `p` round trips on one connection;
  2. under load: --idle connections to the status API that send nothing, --slow connections
     that send a partial request head one byte a second (slow-loris), and --idle rotctld
     connections that send nothing; then the same requests again.

Reports p50/p99/max latency of each phase (ms) and failures (a request that got no answer
within --timeout seconds). Bounded: every request has a timeout, the load phase ends after
--requests requests or --budget seconds, and every socket is closed at the end; then SIGTERM
and the daemon's exit status (0 expected).

Issue 15's target: /status p99 under 50 ms while 200 slow-loris clients are connected (the
hand-written one-request-at-a-time server took >= 5 s per idle client ahead of a request).
"""
import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(HERE)

CONFIG = """format: 1
board: embedded:sim
hardware: simulated
element_sets: {elements}
policy: {{ bundle: embedded:example, operator_key: embedded:example }}
location:
  fixed: {{ latitude_deg: -33.9249, longitude_deg: 18.4241, altitude_m: 10 }}
audit_log: {directory}/audit.log
loop: {{ rate_hz: 1000 }}
status_api: {{ bind: 127.0.0.1, port: {status_port} }}
rotctld: {{ enabled: true, bind: 127.0.0.1, port: {rotctld_port} }}
log_level: warning
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_status(port, timeout):
    """One GET /status on a new connection, read to the close: seconds, or None on failure."""
    started = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
            connection.settimeout(max(0.1, timeout - (time.monotonic() - started)))
            connection.sendall(b"GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            received = b""
            while True:
                chunk = connection.recv(65536)
                if not chunk:
                    break
                received += chunk
        if not received.startswith(b"HTTP/1.1 200"):
            return None
        return time.monotonic() - started
    except OSError:
        return None


def rotctl_round_trips(port, count, timeout):
    """`p` round trips on one rotctld connection: a list of seconds (None for a failure)."""
    results = []
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
            for _ in range(count):
                started = time.monotonic()
                connection.sendall(b"p\n")
                received = b""
                while received.count(b"\n") < 2:
                    chunk = connection.recv(4096)
                    if not chunk:
                        raise OSError("closed")
                    received += chunk
                results.append(time.monotonic() - started)
            connection.sendall(b"q\n")
    except OSError:
        results += [None] * (count - len(results))
    return results


def summary(latencies):
    answered = sorted(value for value in latencies if value is not None)
    failures = len(latencies) - len(answered)
    if not answered:
        return {"count": len(latencies), "failures": failures}
    def percentile(fraction):
        return answered[min(len(answered) - 1, int(round(fraction * (len(answered) - 1))))] * 1000
    return {"count": len(latencies), "failures": failures, "p50_ms": percentile(0.5), "p99_ms": percentile(0.99),
            "max_ms": answered[-1] * 1000}


class Load:
    """Idle and slow-loris connections, held until close()."""

    def __init__(self, status_port, rotctld_port, idle, slow):
        self.sockets = []
        self.slow = []
        self.stop = threading.Event()
        for _ in range(idle):
            self.sockets.append(self.connect(status_port))
            self.sockets.append(self.connect(rotctld_port))
        for _ in range(slow):
            connection = self.connect(status_port)
            self.sockets.append(connection)
            self.slow.append(connection)
        self.sockets = [s for s in self.sockets if s is not None]
        self.slow = [s for s in self.slow if s is not None]
        self.head = b"GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 4096
        self.thread = threading.Thread(target=self.trickle, daemon=True)
        self.thread.start()

    @staticmethod
    def connect(port):
        """A connection opened without waiting: a server with a full backlog must not stall the tool."""
        connection = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        connection.setblocking(False)
        connection.connect_ex(("127.0.0.1", port))
        return connection

    def trickle(self):
        position = 0
        while not self.stop.wait(1.0) and position < len(self.head):
            for connection in self.slow:
                try:
                    connection.send(self.head[position:position + 1])
                except OSError:
                    pass
            position += 1

    def open_count(self):
        """Connections the server has not closed."""
        alive = 0
        for connection in self.sockets:
            try:
                if connection.recv(1, socket.MSG_PEEK) == b"":
                    continue
            except BlockingIOError:
                pass
            except OSError:
                continue
            alive += 1
        return alive

    def close(self):
        self.stop.set()
        self.thread.join()
        for connection in self.sockets:
            connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--utermd", default=os.path.join(REPOSITORY, ".build", "release", "utermd"))
    parser.add_argument("--tle", help="element sets (default: the embedded set)")
    parser.add_argument("--idle", type=int, default=200)
    parser.add_argument("--slow", type=int, default=200)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--budget", type=float, default=120.0, help="seconds for the load phase at most")
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    status_port, rotctld_port = free_port(), free_port()
    with tempfile.TemporaryDirectory() as directory:
        notify_path = os.path.join(directory, "notify")
        notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        notify.bind(notify_path)
        notify.settimeout(60)
        config = os.path.join(directory, "utermd.yaml")
        with open(config, "w") as file:
            file.write(CONFIG.format(elements=os.path.abspath(arguments.tle) if arguments.tle else "embedded",
                                     directory=directory, status_port=status_port, rotctld_port=rotctld_port))
        environment = dict(os.environ, NOTIFY_SOCKET=notify_path)
        environment.pop("JOURNAL_STREAM", None)
        process = subprocess.Popen([arguments.utermd, "run", "--config", config], env=environment,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        result = {"utermd": arguments.utermd, "idle": arguments.idle, "slow": arguments.slow}
        try:
            while "READY=1" not in notify.recv(4096).decode():
                pass
            result["baseline_status"] = summary([get_status(status_port, arguments.timeout)
                                                 for _ in range(arguments.requests)])
            result["baseline_rotctld_p"] = summary(rotctl_round_trips(rotctld_port, arguments.requests, 5))
            print(f"baseline: {result['baseline_status']}", file=sys.stderr, flush=True)
            load = Load(status_port, rotctld_port, arguments.idle, arguments.slow)
            time.sleep(1.0)
            result["connections_held"] = load.open_count()
            deadline = time.monotonic() + arguments.budget
            latencies = []
            while len(latencies) < arguments.requests and time.monotonic() < deadline:
                latencies.append(get_status(status_port, min(arguments.timeout, max(0.1, deadline - time.monotonic()))))
            result["loaded_status"] = summary(latencies)
            print(f"loaded: {result['loaded_status']}", file=sys.stderr, flush=True)
            result["loaded_rotctld_p"] = summary(rotctl_round_trips(rotctld_port, arguments.requests, 5))
            result["connections_still_held"] = load.open_count()
            load.close()
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                _, errors = process.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                _, errors = process.communicate()
            notify.close()
        result["exit_status"] = process.returncode
    if arguments.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"utermd run ({arguments.utermd}), {arguments.idle} idle + {arguments.slow} slow-loris status clients, "
              f"{arguments.idle} idle rotctld clients")
        for key in ("baseline_status", "baseline_rotctld_p", "loaded_status", "loaded_rotctld_p"):
            value = result.get(key, {})
            if "p50_ms" in value:
                print(f"  {key:20} n={value['count']:4} p50 {value['p50_ms']:8.2f} ms  p99 {value['p99_ms']:8.2f} ms  "
                      f"max {value['max_ms']:8.2f} ms  failures {value['failures']}")
            else:
                print(f"  {key:20} {value}")
        print(f"  connections held by the clients after 1 s: {result.get('connections_held')}, at the end: "
              f"{result.get('connections_still_held')}; exit status {result['exit_status']}")
    if result["exit_status"] != 0:
        sys.exit(f"utermd exited with {result['exit_status']}:\n{errors}")


if __name__ == "__main__":
    main()
