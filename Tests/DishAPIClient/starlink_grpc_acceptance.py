"""The dish's gRPC API as its community reads it (issue 15): starlink-grpc-core (PyPI, the
library behind starlink-grpc-tools; it ships no protos and builds its stubs by server
reflection through yagrc) against `utermd run --config Config/sim.yaml`, called unchanged:
status_data(), history_bulk_data(), obstruction_map(), location_data(), set_stow_state(),
reset_obstruction_map(), reboot(). Values are checked against the daemon's own JSON /status
and /history and against rotctld's `p`.

    python Tests/DishAPIClient/starlink_grpc_acceptance.py .build/debug/utermd

Runs in `make test` (make dish-api-test) in the oracle venv; prints "N passed, M failed".
About 30 s: two daemon starts on free loopback ports with private audit logs.
"""
import json
import math
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import starlink_grpc

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
passed = 0
failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok    {name}")
    else:
        failed += 1
        print(f"FAIL  {name}: {detail}")


def free_ports(count):
    sockets = [socket.socket() for _ in range(count)]
    for item in sockets:
        item.bind(("127.0.0.1", 0))
    ports = [item.getsockname()[1] for item in sockets]
    for item in sockets:
        item.close()
    return ports


def with_ports(text, status, rotctld, dish):
    """Config/sim.yaml with its three ports replaced in one pass. Chained replaces rewrote a
    port they had just written: a status port of 45331 became "4533" + "1" under the rotctld
    rewrite, 442591 here once, and the daemon refused its configuration."""
    ports = {"9201": status, "4533": rotctld, "9200": dish}
    return re.sub(r"port: (9201|4533|9200)\b", lambda match: f"port: {ports[match.group(1)]}", text)


class Daemon:
    """utermd run on Config/sim.yaml with free ports and its files in a temporary folder."""

    def __init__(self, binary, location_enabled=False):
        self.directory = tempfile.mkdtemp(prefix="utermd-dish-api-")
        self.status_port, self.rotctld_port, self.dish_port = free_ports(3)
        text = open(os.path.join(REPOSITORY, "Config", "sim.yaml")).read()
        self.token = re.search(r"token: (\S+)", text).group(1)
        text = with_ports(text, self.status_port, self.rotctld_port, self.dish_port)
        text = text.replace("/tmp/utermd-sim/", self.directory + "/")
        if location_enabled:
            text = text.replace("country_code: CH }", "country_code: CH, location_enabled: true }")
        self.config = os.path.join(self.directory, "utermd.yaml")
        with open(self.config, "w") as file:
            file.write(text)
        self.log = open(os.path.join(self.directory, "daemon.log"), "w+")
        self.process = subprocess.Popen([binary, "run", "--config", self.config], stdout=self.log,
                                        stderr=subprocess.STDOUT)
        self.target = f"127.0.0.1:{self.dish_port}"

    def wait_ready(self, seconds=120):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                self.status()
                with socket.create_connection(("127.0.0.1", self.dish_port), timeout=1):
                    return True
            except OSError:
                time.sleep(0.2)
        return False

    def get(self, path):
        with urllib.request.urlopen(f"http://127.0.0.1:{self.status_port}{path}", timeout=5) as reply:
            return json.load(reply)

    def status(self):
        return self.get("/status")

    def rotctld_position(self):
        with socket.create_connection(("127.0.0.1", self.rotctld_port), timeout=5) as connection:
            connection.sendall(b"p\n")
            data = b""
            while data.count(b"\n") < 2:
                chunk = connection.recv(256)
                if not chunk:
                    break
                data += chunk
        azimuth, elevation = data.decode().split()[:2]
        return float(azimuth), float(elevation)

    def log_text(self):
        self.log.flush()
        with open(self.log.name) as file:
            return file.read()

    def failure_text(self):
        """What to show when the daemon did not come up: its exit status, and for a crash the
        runtime's message and the crashed thread's frames (not just the log's tail, which is
        the backtracer's image list)."""
        text = self.log_text()
        status = self.process.poll()
        lines = text.splitlines()
        fatal = [line for line in lines if "Fatal error" in line or "fatal error" in line]
        crashed = next((index for index, line in enumerate(lines) if "crashed" in line), None)
        frames = lines[crashed:crashed + 40] if crashed is not None else []
        return "\n".join([f"exit status {status}"] + fatal + frames + ["...", text[-800:]])

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        shutil.rmtree(self.directory, ignore_errors=True)


def dish_state(status):
    """What starlink_grpc derives from the dish's outage, for the terminal's /status
    (Sources/Daemon/Dish/DishStatusMapping.swift)."""
    state = status["state"]
    if state in ("TRACKING", "HANDOVER"):
        return {"CONNECTED"}
    if state == "STOWED":
        return {"STOWED"}
    if state == "BOOT":
        return {"BOOTING"}
    cause = (status.get("outage") or {}).get("cause")
    mapping = {"NO_SCHEDULE": {"SEARCHING"}, "NO_FIX": {"SEARCHING"}, "NO_UTC": {"SEARCHING"}, "NO_SATS": {"NO_SATS"},
               "OUT_OF_SCAN": {"NO_SATS"}, "OBSTRUCTED": {"OBSTRUCTED"}, "RESTRICTED": {"INHIBIT_RF"},
               "FAULT": {"UNKNOWN", "THERMAL_SHUTDOWN"}, "BEAMFORMER": {"NO_DOWNLINK"}}
    return mapping.get(cause, {"SEARCHING"})


def angle_between(value, low, high, tolerance):
    """value within tolerance of the arc [low, high] (azimuths wrap at 360)."""
    def gap(a, b):
        return abs((a - b + 180) % 360 - 180)
    return min(gap(value, low), gap(value, high)) <= tolerance or (
        gap(low, high) < 10 and gap(value, low) + gap(value, high) <= gap(low, high) + tolerance)


def wait_for(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPOSITORY, ".build", "debug", "utermd")
    sample = "status_api: { port: 9201 }\nrotctld: { port: 4533 }\ndish_api: { port: 9200 }\n"
    check("the free ports go into the configuration as they are, whatever digits they start with",
          with_ports(sample, 45331, 44259, 92001) == "status_api: { port: 45331 }\nrotctld: { port: 44259 }\n"
          "dish_api: { port: 92001 }\n", with_ports(sample, 45331, 44259, 92001))
    daemon = Daemon(binary)
    try:
        ready = daemon.wait_ready()
        check("utermd run on Config/sim.yaml serves /status and the dish API", ready, daemon.failure_text())
        if not ready:
            return
        # Let the terminal find its first satellite (the boresight then follows the beam).
        wait_for(lambda: daemon.status()["state"] in ("TRACKING", "HANDOVER"), 30)
        context = starlink_grpc.ChannelContext(target=daemon.target)

        before = daemon.status()
        rotator_before = daemon.rotctld_position()
        status, obstruction, alerts = starlink_grpc.status_data(context)
        rotator_after = daemon.rotctld_position()
        after = daemon.status()
        expected = dish_state(before) | dish_state(after)
        check("status_data: state matches /status", status["state"] in expected,
              f"{status['state']} not in {expected} (/status {before['state']} then {after['state']})")
        check("status_data: software_version is /status's",
              status["software_version"] == before["device_info"]["software_version"],
              f"{status['software_version']} vs {before['device_info']}")
        check("status_data: id and hardware_version set", bool(status["id"]) and bool(status["hardware_version"]), status)
        check("status_data: uptime within 2 s of /status",
              before["uptime_s"] - 2 <= status["uptime"] <= after["uptime_s"] + 2, f"{status['uptime']} vs {before['uptime_s']}")
        check("status_data: boresight azimuth equals rotctld's p within 0.1°",
              angle_between(status["direction_azimuth"], rotator_before[0], rotator_after[0], 0.1),
              f"{status['direction_azimuth']} vs rotctld {rotator_before[0]}..{rotator_after[0]}")
        check("status_data: boresight elevation equals rotctld's p within 0.1°",
              min(rotator_before[1], rotator_after[1]) - 0.1 <= status["direction_elevation"]
              <= max(rotator_before[1], rotator_after[1]) + 0.1,
              f"{status['direction_elevation']} vs rotctld {rotator_before[1]}..{rotator_after[1]}")
        check("status_data: fraction_obstructed is /status's",
              math.isclose(status["fraction_obstructed"], after["obstruction_stats"]["fraction_obstructed"], abs_tol=1e-3),
              f"{status['fraction_obstructed']} vs {after['obstruction_stats']}")
        check("status_data: valid_s within 2 s of /status's",
              abs(obstruction["valid_s"] - after["obstruction_stats"]["valid_s"]) <= 2,
              f"{obstruction['valid_s']} vs {after['obstruction_stats']['valid_s']}")
        check("status_data: alerts are the dish's named booleans",
              "alert_unexpected_location" in alerts and "alert_thermal_shutdown" in alerts, sorted(alerts))
        if status["state"] == "CONNECTED":
            check("status_data: modelled latency while connected is 20-60 ms, no drops",
                  20 <= status["pop_ping_latency_ms"] <= 60 and status["pop_ping_drop_rate"] == 0,
                  f"{status['pop_ping_latency_ms']} ms, drop {status['pop_ping_drop_rate']}")

        rows = starlink_grpc.obstruction_map(context)
        check("obstruction_map: 123 rows of 123 SNR values, -1 or 0..1",
              len(rows) == 123 and all(len(row) == 123 for row in rows)
              and all(value == -1 or 0 <= value <= 1 for row in rows for value in row),
              f"{len(rows)} rows")

        general, bulk = starlink_grpc.history_bulk_data(-1, context=context)
        history = daemon.get("/history?limit=1")
        check("history_bulk_data: end_counter is /history's current (±1)",
              abs(general["end_counter"] - history["current"]) <= 1, f"{general['end_counter']} vs {history['current']}")
        check("history_bulk_data: one sample per second so far",
              general["samples"] == min(900, general["end_counter"]) and len(bulk["pop_ping_drop_rate"]) == general["samples"],
              general)
        time.sleep(3)
        later, _ = starlink_grpc.history_bulk_data(-1, context=context)
        grown = later["end_counter"] - general["end_counter"]
        check("history_bulk_data: the count grows by one a second (3 s: 2-4)", 2 <= grown <= 4, f"grew {grown}")

        location = starlink_grpc.location_data(context)
        check("location_data: all None while location requests are not enabled (PERMISSION_DENIED)",
              location == {"latitude": None, "longitude": None, "altitude": None}, location)

        starlink_grpc.set_stow_state(unstow=False, context=context)
        stowed = wait_for(lambda: daemon.status()["state"] == "STOWED", 5)
        check("set_stow_state(): /status says STOWED", stowed, daemon.status()["state"])
        state, _, _ = starlink_grpc.status_data(context)
        check("status_data after stow: STOWED", state["state"] == "STOWED", state["state"])
        check("the stow went through the audited control path (logged with its origin)",
              "stow requested by POST /stow (dish API dish_stow)" in daemon.log_text(), daemon.log_text()[-600:])
        starlink_grpc.set_stow_state(unstow=True, context=context)
        check("set_stow_state(unstow=True): the terminal leaves STOWED",
              wait_for(lambda: daemon.status()["state"] != "STOWED", 10), daemon.status()["state"])

        starlink_grpc.reset_obstruction_map(context)
        check("reset_obstruction_map(): the daemon forgot its map",
              wait_for(lambda: "obstruction map reset" in daemon.log_text(), 5), daemon.log_text()[-600:])

        starlink_grpc.reboot(context)
        try:
            code = daemon.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            code = None
        check("reboot(): the daemon stops in order and exits 75 for systemd to restart it", code == 75, f"exit {code}")
        context.close()
    finally:
        daemon.stop()

    located = Daemon(binary, location_enabled=True)
    try:
        ready = located.wait_ready()
        check("a daemon with dish_api.location_enabled starts", ready, located.failure_text())
        if ready:
            context = starlink_grpc.ChannelContext(target=located.target)
            wait_for(lambda: located.status()["state"] not in ("BOOT",), 20)
            location = starlink_grpc.location_data(context)
            check("location_data: the configured fix (47.3769, 8.5417, 408 m)",
                  location["latitude"] is not None and math.isclose(location["latitude"], 47.3769, abs_tol=1e-6)
                  and math.isclose(location["longitude"], 8.5417, abs_tol=1e-6), location)
            context.close()
    finally:
        located.stop()


if __name__ == "__main__":
    main()
    print(f"dish API (starlink-grpc-core): {passed} passed, {failed} failed")
    sys.exit(0 if failed == 0 else 1)
