#!/usr/bin/env bash
# Runs every Lazarus benchmark in one go (JMH and measured child JVMs) and writes
# benchmarks/results/benchmarks.md (tables, goals, machine), benchmarks.csv and benchmarks.png.
#
#   benchmarks/run.sh            full run: under 20 minutes on 2 cores, from a fresh clone
#   benchmarks/run.sh --quick    a subset (shorter iterations, smaller sizes): under 3 minutes
#   more: --only=write,bank,overhead,recovery,footprint  --profile (a JFR file per JMH fork)
#
# The snapshot figures (write/load against raw Kryo, pauses at 10k to 10M objects, recovery after kill -9,
# disk use under the bank sample) run only when asked, into their own report:
#   benchmarks/run.sh --only=snapshot --report=snapshots [--quick] [--snapshot=rates,pause,recovery,disk]
# about 15 minutes (--quick: about 3); the 10M-object pause run needs ~13 GB of free RAM.
#
# Needs a JDK 17+ and Maven 3.8+. Set MVN_OPTS=-o to build offline.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== building the agent, the sample apps (the snapshot section's workload) and the benchmarks (tests skipped)"
mvn -B -q ${MVN_OPTS:-} -Dmaven.test.skip=true install -pl benchmarks,sample-apps -am

exec java -Djava.awt.headless=true -Djmh.ignoreLock=true -Xmx1g \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.lazarus.bench.BenchmarkMain "$@"
