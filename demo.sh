#!/usr/bin/env bash
# The bank demo: build, run the bank under the Lazarus agent, kill it with kill -9 mid-run,
# restart it, and show that the state came back with money conserved.
# ./demo.sh cluster: the cluster demo instead (a 3-member inventory on this machine, one member
# killed with kill -9 and restarted; see cluster_demo below).
set -euo pipefail
cd "$(dirname "$0")"

echo "== building the agent and the sample apps"
mvn -B -q -Dstyle.color=never -DskipTests -pl agent,sample-apps -am install >/dev/null

AGENT=agent/target/lazarus-agent.jar
APP=sample-apps/target/lazarus-sample-apps.jar

# Three members of one cluster on 127.0.0.1 share a @Distributed stock map (replicas=2): the first
# stocks 1000 items and keeps restocking; member 3 is killed with kill -9, the others still read
# every item; member 3 restarts on its own data directory, recovers its share, rejoins and catches up.
cluster_demo() {
    local work ports=() p=17801
    pids=()
    work=$(mktemp -d)
    while [ ${#ports[@]} -lt 3 ]; do
        (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || ports+=("$p")
        p=$((p + 1))
    done
    local members="127.0.0.1:${ports[0]},127.0.0.1:${ports[1]},127.0.0.1:${ports[2]}"
    trap 'kill -9 "${pids[@]}" 2>/dev/null || true' EXIT
    member() { # index, log file, app arguments...
        local i=$1 log=$2
        shift 2
        java "-javaagent:$AGENT=dir=$work/m$i,cluster=demo,bind=127.0.0.1:${ports[$((i - 1))]},members=$members" \
            -cp "$APP" dev.lazarus.sample.inventory.InventoryApp "$@" >"$log" 2>&1 &
        pids[$i]=$!
    }
    await() { # file, pattern[, lines to skip]; not `grep -q`: its early exit kills tail, failing the pipe
        for _ in $(seq 1 120); do tail -n +$((${3:-0} + 1)) "$1" | grep "$2" >/dev/null && return 0; sleep 0.5; done
        echo "timed out waiting for '$2' in $1"; tail -n 20 "$1"; exit 1
    }
    last_status() { grep '^STATUS' "$1" | tail -n 1; }

    echo "== starting 3 members on 127.0.0.1 ports ${ports[*]} (state under $work)"
    member 2 "$work/m2.log"
    member 3 "$work/m3.log"
    member 1 "$work/m1.log" --stock 1000
    await "$work/m1.log" '^stocked'
    sleep 3
    for i in 1 2 3; do echo "   member $i: $(last_status "$work/m$i.log")"; done
    echo "== kill -9 member 3 (pid ${pids[3]})"
    local seen
    seen=$(wc -l <"$work/m1.log")
    kill -9 "${pids[3]}"
    wait "${pids[3]}" 2>/dev/null || true
    await "$work/m1.log" 'view of 2 members' "$seen"
    sleep 4
    tail -n +$((seen + 1)) "$work/m1.log" | grep 'view of 2 members' | sed 's/^INFO: /   member 1: /'
    for i in 1 2; do echo "   member $i: $(last_status "$work/m$i.log")"; done
    echo "== restart member 3 on its own data directory"
    member 3 "$work/m3-restart.log"
    await "$work/m3-restart.log" 'settled'
    grep -hE 'Lazarus recovered|view of|settled' "$work/m3-restart.log" | sed 's/^INFO: /   member 3: /'
    sleep 4
    for i in 1 2; do echo "   member $i: $(last_status "$work/m$i.log")"; done
    echo "   member 3: $(last_status "$work/m3-restart.log")"
    echo "== every member reads all 1000 items; member 1's units are the restocks it had acknowledged"
    echo "   (each member prints its line every 2 s, so their units differ by the restocks in between; logs in $work)"
}
if [ "${1:-}" = cluster ]; then
    cluster_demo
    exit 0
fi

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
