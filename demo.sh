#!/usr/bin/env bash
# The bank demo: build, run the bank under the Lazarus agent, kill it with kill -9 mid-run,
# restart it, and show that the state came back with money conserved.
set -euo pipefail
cd "$(dirname "$0")"

echo "== building the agent and the sample apps"
mvn -B -q -Dstyle.color=never -DskipTests -pl agent,sample-apps -am install >/dev/null

AGENT=agent/target/lazarus-agent.jar
APP=sample-apps/target/lazarus-sample-apps.jar
STATE=$(mktemp -d)/bank-state
LOG=$(mktemp)
JAVA_CMD=(java "-javaagent:$AGENT=dir=$STATE,sync=interval" -cp "$APP" dev.lazarus.sample.bank.BankApp)

echo "== run 1: 100 accounts, 4 tellers doing random @Atomic transfers (state in $STATE)"
"${JAVA_CMD[@]}" --accounts 100 --tellers 4 >"$LOG" 2>&1 &
PID=$!
sleep 4
echo "== kill -9 $PID after $(grep -c '^ACK' "$LOG" || true) acknowledged transfers"
kill -9 $PID
wait $PID 2>/dev/null || true
grep -E '^(opened|STATE|money)' "$LOG" | sed 's/^/   /'
echo "   last acknowledgements before the crash:"
grep '^ACK' "$LOG" | tail -n 3 | sed 's/^/     /'

echo "== run 2: restart on the same directory and check"
"${JAVA_CMD[@]}" --check 2>&1 | grep -E 'Lazarus recovered|STATE|money|agent active' | sed 's/^/   /'
