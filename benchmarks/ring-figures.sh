#!/usr/bin/env bash
# The figures of the hash ring (issue #6), each with its baselines (jump consistent hash, rendezvous hashing)
# measured in the same run:
#   1. the spread of 10M keys over 10, 100 and 1,000 members for 16 to 1,024 virtual nodes, with bounded loads
#   2. the keys moved when a member joins or leaves, against the optimum
#   3. lookup time (JMH): owner, owners(..., 2) and KeyHash.of(String)
# Writes benchmarks/results/ring.md.
#
#   benchmarks/ring-figures.sh [--quick] [--keys 10000000] [--only simulation,lookup] [--out FILE]
#
# Took 3.7 minutes on 2 cores shared with other builds (--quick: about 2); runs at low priority (nice).
# Needs a JDK 17+ and Maven 3.8+. Set MVN_OPTS=-o to build offline.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== building the runtime and the benchmarks (tests skipped)" >&2
mvn -B -q ${MVN_OPTS:-} -Dmaven.test.skip=true package -pl runtime,benchmarks -am >&2

# the ring lives in the runtime, which the benchmarks' class path leaves out (the agent jar brings it elsewhere)
CP="runtime/target/classes:benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
exec nice -n 10 java -Xmx1g -cp "$CP" dev.lazarus.bench.ring.RingFigures "$@"
