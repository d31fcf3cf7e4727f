#!/bin/sh
# The full torture run (issue 5): 1,000 kill -9 cycles over two workloads and three sync modes
# (TortureIT), and the power-loss test on a FUSE layer that loses unforced writes (PowerLossIT).
# PowerLossIT needs root, /dev/fuse and Debian's fuse + python3-fusepy: installed here if missing.
# Usage: integration-tests/torture.sh [extra Maven arguments, e.g. -Dtorture.cycles=200]
set -e
cd "$(dirname "$0")/.."
if ! /usr/bin/python3 -c 'import fusepy' 2>/dev/null; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q fuse python3-fusepy
fi
# -Dtest keeps the other modules' unit tests out (the profile's own list decides in integration-tests)
mvn -B verify -Ptorture -pl integration-tests -am -Dtest='TortureIT,PowerLossIT' \
    -Dsurefire.failIfNoSpecifiedTests=false "$@"
echo "summaries: integration-tests/target/torture-summary.md integration-tests/target/powerloss-summary.md"
