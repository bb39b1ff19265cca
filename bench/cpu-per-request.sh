#!/usr/bin/env bash
# CPU per accepted contact request, end to end: the CPU time every process of ./run spends
# (gateway, intake and its relay, Kafka, notification, the MongoDB stand-in, SMTP) while
# contact requests arrive at a steady rate (10/s for 30 s by default, after a warm-up) and
# are paged, divided by the requests accepted; the same window at rest is measured first
# and reported beside it. Counted from /proc (utime + stime). Writes
# bench/results/cpu-per-request.csv. Run it again with, for example,
# MANAGEMENT_TRACING_SAMPLING_PROBABILITY=0 to see what tracing costs.
source "$(dirname "$0")/lib.sh"
RATE="${RATE:-10}"
SECONDS_TOTAL="${SECONDS_TOTAL:-30}"
WARMUP_SECONDS="${WARMUP_SECONDS:-20}"
TICK="$(getconf CLK_TCK)"

# cpu_ms PID: the CPU time the process has used so far, in milliseconds
cpu_ms() {
	awk -v tick="$TICK" '{print int(($14 + $15) * 1000 / tick)}' "/proc/$1/stat" 2>/dev/null || echo 0
}

snapshot() {
	suite_processes | while read -r name _ pid; do echo "$name $(cpu_ms "$pid")"; done
}

start_suite
echo "warm-up: $((RATE * WARMUP_SECONDS)) requests at $RATE/s, not measured..."
submit $((RATE * WARMUP_SECONDS)) "$RATE" "$(mktemp)" "+1 718 555"
sleep 15

IDLE_BEFORE="$(snapshot)"
sleep "$SECONDS_TOTAL"
IDLE_AFTER="$(snapshot)"

SENT="$(mktemp)"
BEFORE="$(snapshot)"
submit $((RATE * SECONDS_TOTAL)) "$RATE" "$SENT" "+1 646 555"
# the last requests' pages
sleep 10
AFTER="$(snapshot)"
accepted="$(grep -c '^202 ' "$SENT" || true)"
# the load window lasted SECONDS_TOTAL + 10 s: idle CPU scaled to it is subtracted
window=$((SECONDS_TOTAL + 10))

CSV="$RESULTS/cpu-per-request.csv"
echo "process,cpu_ms_under_load,cpu_ms_at_rest_same_length,cpu_ms_per_request,net_cpu_ms_per_request" >"$CSV"
join <(echo "$BEFORE" | sort) <(echo "$AFTER" | sort) | join - <(echo "$IDLE_BEFORE" | sort) | join - <(echo "$IDLE_AFTER" | sort) |
	while read -r name before after idle_before idle_after; do
		load=$((after - before))
		rest=$(((idle_after - idle_before) * window / SECONDS_TOTAL))
		awk -v n="$name" -v l="$load" -v r="$rest" -v a="$accepted" \
			'BEGIN {printf "%s,%d,%d,%.2f,%.2f\n", n, l, r, l / a, (l - r) / a}'
	done >>"$CSV"

echo
echo "machine: $(machine)"
echo "tracing sampling: ${MANAGEMENT_TRACING_SAMPLING_PROBABILITY:-1.0 (default)}"
echo "accepted: $accepted of $((RATE * SECONDS_TOTAL)) at $RATE/s"
column -s, -t "$CSV"
awk -F, 'NR>1 {l+=$2; r+=$3; a=$4; n+=$5} END {printf "all processes: %.1f ms CPU per request (%.1f ms above rest)\n", l / '"$accepted"', n}' "$CSV"
