#!/usr/bin/env bash
# Footprint: starts ./run on a fresh data folder, reports each process's time to ready (as the
# launcher measured it) and its resident memory after a warm-up of requests through the gateway.
# Usage: bench/footprint.sh [warm-up requests, default 2000]. Writes bench/results/footprint.csv.
source "$(dirname "$0")/lib.sh"
WARMUP="${1:-2000}"
start_suite
SLUG="$(first_slug)"
for i in $(seq 1 "$WARMUP"); do
	curl -s -o /dev/null "$GW/api/content/articles/$SLUG?locale=en"
	if [ $((i % 20)) -eq 0 ]; then
		curl -s -o /dev/null -X POST "$GW/api/intake/contact-requests" -H 'Content-Type: application/json' \
			-d "{\"name\":\"Bench\",\"phone\":\"+1 718 555 $(printf '%04d' "$i")\",\"preferredContact\":\"PHONE\",\"forWhom\":\"SELF\",\"consent\":{\"contact\":true}}"
	fi
done
sleep 5

LOG="$BENCH_DATA/run.log"
CSV="$RESULTS/footprint.csv"
echo "process,ready_s,rss_mib" >"$CSV"
echo "machine: $(machine)"
grep "The suite is up" "$LOG"
printf '%-22s %10s %12s\n' process ready_s rss_MiB
total=0
while read -r name secs pid; do
	rss=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || echo 0)
	total=$((total + rss))
	printf '%-22s %10s %12s\n' "$name" "$secs" "$rss"
	echo "$name,$secs,$rss" >>"$CSV"
done < <(suite_processes)
printf '%-22s %10s %12s\n' total "" "$total"
