#!/usr/bin/env bash
# The figures of issue [snapshots], each with its baseline measured in the same run:
#   1. snapshot write/load rates against raw Kryo on the same graph (1M objects)
#   2. the app-visible pause while snapshots are taken, at 10k, 1M and 10M tracked objects
#   3. recovery at 1M objects + 1M log records after a real kill -9, against a raw Chronicle tailer
#   4. disk use under a steady workload (the bank sample, snapshotLogBytes=4m, one log file per second)
# Writes benchmarks/results/snapshots.md; the child JVMs' raw outputs go to benchmarks/target/snapshot-figures/.
#
#   benchmarks/snapshot-figures.sh [--quick] [--only rates,pause,recovery,disk] [--pause-sizes 10000,1000000]
#                                  [--disk-seconds 300] [--out FILE]
# Takes about 15 minutes (--quick: about 3). Needs ~13 GB of free RAM for the 10M-object pause run.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== building runtime, agent, sample apps, benchmarks" >&2
mvn -B -q -o -Dmaven.test.skip=true install -pl runtime,agent,sample-apps,benchmarks -am >&2

CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
exec java -Xmx256m -cp "$CP" dev.lazarus.bench.snapshot.SnapshotFigures "$@"
