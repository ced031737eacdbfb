#!/usr/bin/env python3
"""Every module a target imports is one of its declared dependencies (issue 19).

  python3 scripts/check-imports.py [--package-json FILE]

Reads `swift package dump-package` (or FILE), collects the `import` lines of each target's
Swift sources, and lists imports that are neither a declared dependency (a target of this
package or a product of a package dependency) nor a module of the toolchain. A module reached
only through another target's dependencies builds on Linux today, but is an accident of the
build graph: it breaks when that target stops depending on it, and it hides the layering.
Exit status 1 when something is undeclared.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

# Modules of the toolchain and the platform, never declared.
TOOLCHAIN = {
    "Foundation", "FoundationEssentials", "FoundationInternationalization", "FoundationNetworking", "FoundationXML",
    "Glibc", "Musl", "Darwin", "Android", "WinSDK", "Dispatch", "Synchronization", "Observation", "os",
    "Testing", "XCTest", "PackagePlugin", "_Concurrency", "_Volatile", "SwiftShims",
}
IMPORT = re.compile(
    r"^\s*(?:@testable\s+|@_implementationOnly\s+|(?:public|package|internal|fileprivate|private)\s+)*"
    r"import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--package-json")
    arguments = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if arguments.package_json:
        package = json.load(open(arguments.package_json))
    else:
        dumped = subprocess.run(["swift", "package", "dump-package"], cwd=root, capture_output=True, text=True)
        if dumped.returncode != 0:
            sys.exit(f"swift package dump-package failed:\n{dumped.stderr}")
        package = json.loads(dumped.stdout)
    problems = []
    for target in package["targets"]:
        declared = set()
        for dependency in target.get("dependencies", []):
            for kind, value in dependency.items():
                declared.add(value[0])
        default = ("Tests/" if target["type"] == "test" else "Sources/") + target["name"]
        folder = os.path.join(root, target.get("path") or default)
        for file in sorted(glob.glob(os.path.join(folder, "**", "*.swift"), recursive=True)):
            for number, line in enumerate(open(file, encoding="utf-8"), 1):
                match = IMPORT.match(line)
                if not match:
                    continue
                module = match.group(1)
                if module in declared or module in TOOLCHAIN or module == target["name"]:
                    continue
                problems.append(f"{os.path.relpath(file, root)}:{number}: {target['name']} imports {module}, "
                                "which it does not declare")
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print(f"imports: every module imported by the {len(package['targets'])} targets is declared")


if __name__ == "__main__":
    main()
