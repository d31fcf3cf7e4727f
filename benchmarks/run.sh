#!/usr/bin/env bash
# Runs every Lazarus benchmark in one go (JMH and measured child JVMs) and writes
# benchmarks/results/benchmarks.md (tables, goals, machine), benchmarks.csv and benchmarks.png.
#
#   benchmarks/run.sh            full run: under 20 minutes on 2 cores, from a fresh clone
#   benchmarks/run.sh --quick    a subset (shorter iterations, smaller sizes): under 3 minutes
#   more: --only=write,bank,overhead,recovery,footprint  --profile (a JFR file per JMH fork)
#
# Needs a JDK 17+ and Maven 3.8+. Set MVN_OPTS=-o to build offline.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== building the agent and the benchmarks (tests skipped)"
mvn -B -q ${MVN_OPTS:-} -Dmaven.test.skip=true install -pl benchmarks -am

exec java -Djava.awt.headless=true -Djmh.ignoreLock=true -Xmx1g \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.lazarus.bench.BenchmarkMain "$@"
