#!/usr/bin/env bash
# Footprint: starts ./run on a fresh data folder, reports each process's time to ready (as the
# launcher measured it) and its resident memory after a warm-up of requests through the gateway,
# then stops the suite. Usage: bench/footprint.sh [warm-up requests, default 2000]
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP="${1:-2000}"
DATA="$(mktemp -d)"
LOG="$DATA/run.log"
export STACK_DATA_DIR="$DATA"

./run >"$LOG" 2>&1 &
RUN_PID=$!
trap 'kill -TERM $RUN_PID 2>/dev/null; wait $RUN_PID 2>/dev/null; rm -rf "$DATA"' EXIT

for _ in $(seq 1 300); do
	grep -q "The suite is up" "$LOG" && break
	kill -0 $RUN_PID 2>/dev/null || { cat "$LOG"; exit 1; }
	sleep 1
done
grep -q "The suite is up" "$LOG" || { echo "the suite did not come up"; cat "$LOG"; exit 1; }

GW="http://localhost:${GATEWAY_PORT:-8080}"
SLUG=$(curl -s "$GW/api/content/articles?locale=en" | sed -n 's/.*"slug":"\([^"]*\)".*/\1/p' | head -1)
for i in $(seq 1 "$WARMUP"); do
	curl -s -o /dev/null "$GW/api/content/articles/$SLUG?locale=en"
	if [ $((i % 20)) -eq 0 ]; then
		curl -s -o /dev/null -X POST "$GW/api/intake/contact-requests" -H 'Content-Type: application/json' \
			-d '{"name":"Bench","phone":"+1 212 555 0100","preferredContact":"PHONE","forWhom":"SELF","consent":{"contact":true}}'
	fi
done
sleep 5

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
grep "The suite is up" "$LOG"
printf '%-22s %10s %12s\n' process ready_s rss_MiB
total=0
while read -r name secs pid; do
	rss=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || echo 0)
	total=$((total + rss))
	printf '%-22s %10s %12s\n' "$name" "$secs" "$rss"
done < <(sed -n 's/^  ready  \([^ ]*\) *\([0-9.]*\) s  (pid \([0-9]*\))$/\1 \2 \3/p' "$LOG")
printf '%-22s %10s %12s\n' total "" "$total"
