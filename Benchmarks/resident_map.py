#!/usr/bin/env python3
"""What is resident in a running utermd, and which module's code it is (issues 15 and 20).

  python3 Benchmarks/resident_map.py PID [--binary PATH] [--top 25]

Reads /proc/PID/smaps for the resident size of every mapping (file-backed pages of the
executable, anonymous heap and stacks, shared libraries), then /proc/PID/pagemap (needs root
or CAP_SYS_ADMIN for the page-present bits) to find which 4 KiB pages of the executable's
code are resident, and `nm` to attribute them to the Swift module (or C library) whose symbol
covers each page. Pages the process never touched can still be resident: the kernel maps up
to 64 KiB around each fault from the page cache (`fault_around_bytes`).
"""
import argparse
import bisect
import collections
import re
import struct
import subprocess
import sys

PAGE = 4096


def mappings(pid):
    rows, current = [], None
    with open(f"/proc/{pid}/smaps") as smaps:
        for line in smaps:
            if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                parts = line.split()
                start, end = (int(value, 16) for value in parts[0].split("-"))
                current = {"start": start, "end": end, "perms": parts[1], "offset": int(parts[2], 16),
                           "path": parts[5] if len(parts) > 5 else "[anonymous]", "rss": 0, "anonymous": 0}
                rows.append(current)
            elif line.startswith("Rss:"):
                current["rss"] = int(line.split()[1])
            elif line.startswith("Anonymous:"):
                current["anonymous"] = int(line.split()[1])
    return rows


def module_of(symbol):
    """The Swift module of a mangled symbol, or a C library's family name."""
    match = re.match(r"\$s(\d+)", symbol)
    if match:
        length = int(match.group(1))
        return symbol[len(match.group(0)):len(match.group(0)) + length]
    if symbol.startswith("$s") or symbol.startswith(("swift_", "_swift", "_ZN5swift")):
        return "Swift runtime/stdlib"
    if re.search(r"_7\d$", symbol) or "icu_7" in symbol:
        return "ICU"
    if symbol.startswith(("CCryptoBoringSSL", "CNIOBoringSSL")):
        return symbol.split("_")[0]
    if symbol.startswith("yaml_"):
        return "libyaml"
    if symbol.startswith(("CF", "__CF", "_CF")):
        return "CoreFoundation"
    if symbol.startswith(("_dispatch", "dispatch_")):
        return "libdispatch"
    if symbol.startswith("_Z"):
        return "C++"
    return "C (other)"


def symbols(binary):
    output = subprocess.run(["nm", "-n", "--defined-only", binary], capture_output=True, text=True,
                            check=True).stdout
    addresses, names = [], []
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            addresses.append(int(parts[0], 16))
            names.append(parts[2])
    return addresses, names


def sections(binary):
    """(address, end, name) of every allocated section, from `readelf -S`."""
    output = subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True, check=True).stdout
    found = []
    for line in output.splitlines():
        match = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)", line)
        if match and int(match.group(2), 16):
            address, size = int(match.group(2), 16), int(match.group(3), 16)
            found.append((address, address + size, match.group(1)))
    return sorted(found)


def resident_pages(pid, start, end):
    present = []
    with open(f"/proc/{pid}/pagemap", "rb") as pagemap:
        pagemap.seek(start // PAGE * 8)
        data = pagemap.read((end - start) // PAGE * 8)
    for index in range(len(data) // 8):
        (entry,) = struct.unpack_from("<Q", data, index * 8)
        if entry >> 63:
            present.append(start + index * PAGE)
    return present


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pid", type=int)
    parser.add_argument("--binary", help="the executable (default: /proc/PID/exe)")
    parser.add_argument("--top", type=int, default=25)
    arguments = parser.parse_args()
    binary = arguments.binary or subprocess.run(["readlink", f"/proc/{arguments.pid}/exe"], capture_output=True,
                                                text=True).stdout.strip()
    rows = mappings(arguments.pid)
    total = sum(row["rss"] for row in rows)
    anonymous = sum(row["anonymous"] for row in rows)
    print(f"resident {total / 1024:.1f} MiB: anonymous {anonymous / 1024:.1f} MiB, "
          f"file-backed {(total - anonymous) / 1024:.1f} MiB")
    by_path = collections.Counter()
    for row in rows:
        by_path[(row["path"], row["perms"])] += row["rss"]
    for (path, perms), kib in by_path.most_common(12):
        print(f"  {kib / 1024:7.1f} MiB  {perms}  {path}")
    own = [row for row in rows if row["path"] == binary]
    if not own:
        return
    try:
        pages = [page for row in own for page in resident_pages(arguments.pid, row["start"], row["end"])]
    except PermissionError:
        print("(pagemap needs root: no per-module attribution)")
        return
    if not pages:
        print("(pagemap gave no page-present bits: run as root for the per-module attribution)")
        return
    addresses, names = symbols(binary)
    # The executable is position-independent: its first mapping is at file offset 0, and nm's
    # addresses are relative to that load base.
    base = min(row["start"] for row in own if row["offset"] == 0)
    by_module = collections.Counter()
    section_list = sections(binary)
    for page in pages:
        relative = page - base
        section = next((name for start, end, name in section_list if start <= relative < end), "(between sections)")
        if section != ".text":
            by_module[f"section {section}"] += PAGE
            continue
        index = bisect.bisect_right(addresses, relative) - 1
        # A code page belongs to the module of the symbol at its start (the one that covers it).
        by_module[f"code: {module_of(names[index])}" if index >= 0 else "code: (unknown)"] += PAGE
    mapped = sum(row["end"] - row["start"] for row in own)
    print(f"the executable: {len(pages) * PAGE / 2**20:.1f} MiB resident of {mapped / 2**20:.1f} MiB mapped, "
          "by section (code by module):")
    for module, size in by_module.most_common(arguments.top):
        print(f"  {size / 2**20:7.2f} MiB  {module}")


if __name__ == "__main__":
    sys.exit(main())
