#!/bin/sh
# What a `swift test` run did not check, and why: the tests and suites swift-testing reports
# as skipped (a `.enabled(if:)` condition false, with its comment) or cancelled at run time
# (`Test.cancel`, for conditions known only by trying), and any older-toolchain run-time skip
# printed as SKIPPED-AT-RUN-TIME. `make test` prints this after the run.
#
#   sh Tests/skipped-tests.sh LOG
log=${1:?usage: skipped-tests.sh LOG}
lines=$(grep -E '(Test|Suite) .* (skipped|was cancelled|cancelled)|SKIPPED-AT-RUN-TIME:' "$log" \
    | grep -v 'Test run with' | sed -E 's/^[^A-Za-z]*//' | sort -u)
if [ -z "$lines" ]; then
    echo "skipped: 0 (every test ran)"
else
    echo "skipped: $(printf '%s\n' "$lines" | wc -l) (each with its reason)"
    printf '%s\n' "$lines" | sed 's/^/  /'
fi
