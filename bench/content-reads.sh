#!/usr/bin/env bash
# Content reads: single-article GET on the content service against the same service's
# health endpoint (its cheapest answer), alternated A B A B with `wrk -t2 -c32 -d30s --latency`.
# Writes bench/results/content-reads.csv.
source "$(dirname "$0")/lib.sh"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-30s}"
start_suite
SLUG="$(first_slug)"
declare -A URLS=([article]="$CONTENT/api/content/articles/$SLUG?locale=en" [health]="$CONTENT/actuator/health/liveness")
for setup in article health; do wrk -t2 -c32 -d10s "${URLS[$setup]}" >/dev/null; done
CSV="$RESULTS/content-reads.csv"
echo "round,setup,requests_per_s,p50_ms,p99_ms" >"$CSV"
for round in $(seq 1 "$ROUNDS"); do
	for setup in article health; do
		out="$(wrk -t2 -c32 -d"$DURATION" --latency "${URLS[$setup]}")"
		echo "$round,$setup,$(echo "$out" | awk '/Requests\/sec/{print $2}'),$(echo "$out" | awk '$1=="50%"{print $2}' | to_ms),$(echo "$out" | awk '$1=="99%"{print $2}' | to_ms)" | tee -a "$CSV"
	done
done
echo "machine: $(machine)"
for setup in article health; do
	printf '%-8s median %10.0f req/s  p99 %6.2f ms\n' "$setup" \
		"$(awk -F, -v s="$setup" '$2==s{print $3}' "$CSV" | median)" "$(awk -F, -v s="$setup" '$2==s{print $5}' "$CSV" | median)"
done
