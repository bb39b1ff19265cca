#!/usr/bin/env bash
# Data growth (issue 18): does the suite slow down as contact requests pile up? On a fresh data
# folder, after a short warm-up, measures time to page at MEASURE_RATE (20/s) for
# MEASURE_SECONDS (60 s), the 202's latency, and the latency of READS (200) sequential reads of
# the call center's queue (GET /api/intake/queue, INTAKE_AGENT) and of the alert list
# (GET /api/alerts, ON_CALL). Then builds a history of REQUESTS (100,000) more, through the
# API as the website and the call center would: each chunk of LOAD_CHUNK contact requests is
# submitted at LOAD_RATE; once the chunk is paged, an agent closes every one of its requests
# (LOAD_MOVES: one move, CLOSED with its reason, which resolves the alert; a chain such as
# CONTACT_ATTEMPTED,CONTACTED costs a status change per step and takes this machine about
# twice as long), while the next chunk is being submitted. When every alert is resolved (up to
# DRAIN_SECONDS) it measures the same again. Writes bench/results/data-growth.csv.
# REQUESTS=5000 is a quick run.
#
#   REQUESTS=100000 LOAD_RATE=40 LOAD_CHUNK=5000 DRAIN_SECONDS=1800 CONTACT_CONCURRENCY=8
#   LOAD_MOVES=CLOSED
#   WARMUP_SECONDS=60 WARMUP_RATE=10   before the fresh measurement, not measured
#   MEASURE_RATE=20 MEASURE_SECONDS=60 READS=200
#
# So the second measurement meets a year of history (requests past first contact, resolved
# alerts), not a storm of open work. The queue lists at most 200 requests, most urgent and
# oldest first, out of everything awaiting first contact.
source "$(dirname "$0")/lib.sh"
REQUESTS="${REQUESTS:-100000}"
LOAD_RATE="${LOAD_RATE:-40}"
LOAD_CHUNK="${LOAD_CHUNK:-5000}"
CONTACT_CONCURRENCY="${CONTACT_CONCURRENCY:-8}"
LOAD_MOVES="${LOAD_MOVES:-CLOSED}"
DRAIN_SECONDS="${DRAIN_SECONDS:-1800}"
WARMUP_SECONDS="${WARMUP_SECONDS:-60}"
WARMUP_RATE="${WARMUP_RATE:-10}"
MEASURE_RATE="${MEASURE_RATE:-20}"
MEASURE_SECONDS="${MEASURE_SECONDS:-60}"
READS="${READS:-200}"
[ "$LOAD_CHUNK" -le 100000 ] || { echo "LOAD_CHUNK is at most 100000 (the phone numbers of one prefix)" >&2; exit 2; }

header
echo "fresh, then $REQUESTS more contact requests at $LOAD_RATE/s (about $(awk -v n="$REQUESTS" -v r="$LOAD_RATE" 'BEGIN{printf "%.1f", n / r / 60}') min), then again"
start_suite
grep "The suite is up" "$BENCH_DATA/run.log"
TOKEN="$(staff_token bench-nurse ON_CALL)"
AGENT_TOKEN="$(staff_token bench-agent INTAKE_AGENT)"
WORK="$BENCH_DATA/bench"
mkdir -p "$WORK"
CSV="$RESULTS/data-growth.csv"
echo "phase,stored_before,accepted,s503,slow_or_timeout,accept_p50_ms,accept_p99_ms,page_p50_ms,page_p99_ms,page_max_ms,lost,duplicated,queue_p50_ms,queue_p99_ms,alerts_p50_ms,alerts_p99_ms" >"$CSV"
STORED=0

# measure PHASE PREFIX: time to page, then the queue and the alert list; a row in the CSV
measure() {
	local phase="$1" prefix="$2"
	echo
	echo "[$phase, $STORED contact requests stored] $((MEASURE_RATE * MEASURE_SECONDS)) requests at $MEASURE_RATE/s..."
	loadgen submit --gateway "$GW" --rate "$MEASURE_RATE" --seconds "$MEASURE_SECONDS" --phone-prefix "$prefix" \
		--out "$WORK/$phase.txt" >"$WORK/$phase-submit.out"
	show "$WORK/$phase-submit.out"
	loadgen check --gateway "$GW" --token "$TOKEN" --in "$WORK/$phase.txt" --out "$RESULTS/data-growth-$phase.csv" \
		--wait 60 >"$WORK/$phase-check.out"
	show "$WORK/$phase-check.out"
	echo "$READS reads of the queue, one after another..."
	loadgen reads --gateway "$GW" --path /api/intake/queue --token "$AGENT_TOKEN" --sequential "$READS" >"$WORK/$phase-queue.out"
	show "$WORK/$phase-queue.out"
	echo "$READS reads of the alert list, one after another..."
	loadgen reads --gateway "$GW" --path /api/alerts --token "$TOKEN" --sequential "$READS" >"$WORK/$phase-alerts.out"
	show "$WORK/$phase-alerts.out"
	# then reached, as the history is: an open alert would keep escalating
	loadgen contact --gateway "$GW" --token "$AGENT_TOKEN" --in "$WORK/$phase.txt" >"$WORK/$phase-contact.out"
	show "$WORK/$phase-contact.out"
	local s="$WORK/$phase-submit.out" c="$WORK/$phase-check.out" q="$WORK/$phase-queue.out" a="$WORK/$phase-alerts.out"
	echo "$phase,$STORED,$(result "$s" accepted),$(result "$s" s503),$(result "$s" slow_or_timeout),$(result "$s" p50_ms),$(result "$s" p99_ms),$(result "$c" p50_ms),$(result "$c" p99_ms),$(result "$c" max_ms),$(result "$c" lost),$(result "$c" duplicated),$(result "$q" p50_ms),$(result "$q" p99_ms),$(result "$a" p50_ms),$(result "$a" p99_ms)" >>"$CSV"
	STORED=$((STORED + $(result "$s" accepted)))
}

if [ "$WARMUP_SECONDS" -gt 0 ]; then
	echo "warm-up: $((WARMUP_RATE * WARMUP_SECONDS)) requests at $WARMUP_RATE/s, not measured..."
	loadgen submit --gateway "$GW" --rate "$WARMUP_RATE" --seconds "$WARMUP_SECONDS" --phone-prefix '+1 718 55' \
		--out "$WORK/warmup.txt" >"$WORK/warmup.out"
	show "$WORK/warmup.out"
	STORED=$((STORED + $(result "$WORK/warmup.out" accepted)))
	echo "warm-up pages: $(wait_paged "$WORK/warmup.txt" 60)"
	loadgen contact --gateway "$GW" --token "$AGENT_TOKEN" --in "$WORK/warmup.txt" >"$WORK/warmup-contact.out"
	show "$WORK/warmup-contact.out"
fi
measure fresh '+1 646 55'

echo
# contact_chunk N: once chunk N is paged, an agent reaches each of its requests (in the background)
contact_chunk() {
	local n="$1"
	echo "  chunk $n paging: $(wait_paged "$WORK/load-$n.txt" "$DRAIN_SECONDS")" >"$WORK/load-$n-contact.out"
	loadgen contact --gateway "$GW" --token "$AGENT_TOKEN" --in "$WORK/load-$n.txt" \
		--concurrency "$CONTACT_CONCURRENCY" --moves "$LOAD_MOVES" >>"$WORK/load-$n-contact.out"
}
contact_done() {
	local n="$1" out="$WORK/load-$1-contact.out"
	wait "$CONTACT_PID" || echo "  chunk $n: the agent's moves failed (see $out)"
	CONTACTED=$((CONTACTED + $(result "$out" contacted)))
	NOT_CONTACTED=$((NOT_CONTACTED + $(result "$out" failed)))
	echo "  chunk $n: $(head -1 "$out" | sed 's/^ *//'), $(result "$out" contacted) of $(result "$out" requests) moved ($LOAD_MOVES)"
}

echo "storing $REQUESTS contact requests at $LOAD_RATE/s in chunks of $LOAD_CHUNK, each chunk moved ($LOAD_MOVES) by an agent once paged..."
load_start=$SECONDS
chunk=0; remaining="$REQUESTS"; load_503=0; load_other=0; CONTACTED=0; NOT_CONTACTED=0; CONTACT_PID=""
while [ "$remaining" -gt 0 ]; do
	chunk=$((chunk + 1))
	n=$((remaining < LOAD_CHUNK ? remaining : LOAD_CHUNK))
	loadgen submit --gateway "$GW" --rate "$LOAD_RATE" --count "$n" --phone-prefix "+1 $((300 + chunk)) 55" \
		--out "$WORK/load-$chunk.txt" >"$WORK/load-$chunk.out"
	out="$WORK/load-$chunk.out"
	STORED=$((STORED + $(result "$out" accepted)))
	load_503=$((load_503 + $(result "$out" s503)))
	load_other=$((load_other + $(result "$out" other) + $(result "$out" timeout) + $(result "$out" error)))
	echo "  chunk $chunk: $(result "$out" accepted) of $n accepted, 503 $(result "$out" s503), 202 p99 $(result "$out" p99_ms) ms;" \
		"$STORED stored, $((SECONDS - load_start)) s"
	remaining=$((remaining - n))
	[ -z "$CONTACT_PID" ] || contact_done $((chunk - 1))
	contact_chunk "$chunk" &
	CONTACT_PID=$!
done
[ -z "$CONTACT_PID" ] || contact_done "$chunk"
echo "stored in $((SECONDS - load_start)) s; 503 answers $load_503, other, timed out or failed $load_other;" \
	"moved ($LOAD_MOVES) $CONTACTED, not moved $NOT_CONTACTED"
drain_start=$SECONDS
echo "waiting until no alert is open (CONTACTED or later resolves it; at most $DRAIN_SECONDS s)..."
# open_alerts: how many alerts are open (at most 200 per state), or -1 when the list cannot be read
open_alerts() {
	local state total=0 body
	for state in TRIGGERED ACKNOWLEDGED; do
		if ! body=$(curl -sf --max-time 10 "$GW/api/alerts?state=$state&limit=200" -H "Authorization: Bearer $TOKEN"); then
			echo -1
			return
		fi
		total=$((total + $(grep -o '"id"' <<<"$body" | wc -l)))
	done
	echo "$total"
}
while [ "$(open_alerts)" -ne 0 ] && [ $((SECONDS - drain_start)) -lt "$DRAIN_SECONDS" ]; do
	sleep 5
done
echo "  open alerts: $(open_alerts) (200 or more shows as 200 per state) after $((SECONDS - drain_start)) s"
measure grown '+1 647 55'

echo
echo "==== data growth, $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores"
{
	echo "figure fresh grown"
	awk -F, 'NR==2{for (i = 1; i <= NF; i++) f[i] = $i} NR==3{for (i = 1; i <= NF; i++) g[i] = $i}
		END {
			print "stored_before", f[2], g[2]
			print "accepted", f[3], g[3]
			print "503", f[4], g[4]
			print "202_slower_than_1s_or_timed_out", f[5], g[5]
			print "202_p50_/_p99_ms", f[6] "/" f[7], g[6] "/" g[7]
			print "page_p50_/_p99_/_max_ms", f[8] "/" f[9] "/" f[10], g[8] "/" g[9] "/" g[10]
			print "lost_/_paged_twice", f[11] "/" f[12], g[11] "/" g[12]
			print "queue_p50_/_p99_ms", f[13] "/" f[14], g[13] "/" g[14]
			print "alert_list_p50_/_p99_ms", f[15] "/" f[16], g[15] "/" g[16]
		}' "$CSV"
} | column -t | sed 's/_/ /g'
echo
echo "data folder: $(du -sh "$BENCH_DATA" | cut -f1) ($BENCH_DATA)"
rss_report
echo
log_problems
