#!/usr/bin/env bash
# Time to page: steady submissions through the gateway (20/s for 60 s by default, after 20 s
# of the same as warm-up); for each request the time from its 202 to the first NOTIFIED entry of its alert, and the number of
# requests without exactly one alert. Writes bench/results/time-to-page.csv.
source "$(dirname "$0")/lib.sh"
RATE="${RATE:-20}"
SECONDS_TOTAL="${SECONDS_TOTAL:-60}"

start_suite
TOKEN="$("$ROOT/run" token bench-nurse ON_CALL)"
# Warm-up (not measured): a freshly started suite runs its first requests on cold JVMs and
# pools; the goal is about the steady state. WARMUP_SECONDS=0 measures from a cold start.
WARMUP_SECONDS="${WARMUP_SECONDS:-20}"
if [ "$WARMUP_SECONDS" -gt 0 ]; then
	echo "warm-up: $((RATE * WARMUP_SECONDS)) requests at $RATE/s, not measured..."
	submit $((RATE * WARMUP_SECONDS)) "$RATE" "$(mktemp)" "+1 718 555"
	echo "letting the warm-up requests be paged..."
	sleep 30
fi

SENT="$(mktemp)"
total=$((RATE * SECONDS_TOTAL))
echo "submitting $total requests at $RATE/s..."
submit "$total" "$RATE" "$SENT" "+1 646 555"
echo "waiting for the pages to settle..."
sleep 15

CSV="$RESULTS/time-to-page.csv"
echo "reference,accepted_at_ms,notified_at_ms,latency_ms,alerts" >"$CSV"
accepted=0; bad=0
while read -r code ref at; do
	[ "$code" = "202" ] || { echo "submission answered $code"; continue; }
	accepted=$((accepted + 1))
	alerts="$(curl -s "$GW/api/alerts?reference=$ref" -H "Authorization: Bearer $TOKEN")"
	count="$(echo "$alerts" | grep -o '"requestId"' | wc -l || true)"
	id="$(echo "$alerts" | sed -n 's/^\[{"id":"\([^"]*\)".*/\1/p')"
	notified=""
	if [ -n "$id" ]; then
		notified="$(curl -s "$GW/api/alerts/$id" -H "Authorization: Bearer $TOKEN" | grep -o '{"at":"[^"]*","type":"NOTIFIED"' | head -1 | sed 's/{"at":"\([^"]*\)".*/\1/' || true)"
	fi
	n_ms=""; lat=""
	if [ -n "$notified" ]; then
		n_ms=$(date -d "$notified" +%s%3N); lat=$((n_ms - at))
	fi
	[ "$count" = "1" ] && [ -n "$notified" ] || bad=$((bad + 1))
	echo "$ref,$at,$n_ms,$lat,$count" >>"$CSV"
done <"$SENT"

pct() { awk -F, 'NR>1 && $4!=""{print $4}' "$CSV" | sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int((NR*p/100)+0.999); if(i<1)i=1; print a[i]}'; }
echo
echo "machine: $(machine)"
echo "accepted: $accepted; without exactly one paged alert: $bad"
echo "202 -> NOTIFIED: p50 $(pct 50) ms, p99 $(pct 99) ms, max $(pct 100) ms (goal p99 < 1000 ms, 0 missing or duplicated)"
