#!/usr/bin/env bash
# Capacity (issue 18): on a fresh suite, after a warm-up, the CPU of one article read through the
# gateway, then a ladder of contact-request rates. Per step: time to page (202 -> first NOTIFIED)
# p50/p99/max, requests lost or paged twice, the 202's own latency, 503s and answers slower than
# 1 s or timed out, and the CPU every process of ./run used per accepted request (from /proc,
# utime + stime), in total and per process, with its ratio to the article read's. Also the
# highest rate whose time-to-page p99 is under 1 s, and every process's RSS at the end.
# Writes bench/results/capacity.csv (a row per phase) and capacity-cpu.csv (per process).
#
#   WARMUP_SECONDS=120 WARMUP_RATE=10   warm-up (not measured), then its pages settle
#   IDLE_SECONDS=30                     the suite at rest, to report CPU above rest ("net")
#   READ_RATE=200 READ_SECONDS=30       article reads (GET /api/content/articles/SLUG?locale=en),
#   READ_WARMUP_SECONDS=15              after as many seconds of the same, not measured (the
#                                       contact-request warm-up does not compile the read path)
#   RATES="20 50 100 150" STEP_SECONDS=60   the ladder; contact requests per second
#   SETTLE_SECONDS=60                   after each step, the wait for its last requests' pages
#   ACKNOWLEDGE=yes                     acknowledge each step's alerts once checked (outside the
#                                       CPU windows): an unacknowledged ROUTINE alert escalates to
#                                       the supervisor after 10 minutes, which would add work to
#                                       the later steps; ACKNOWLEDGE=no leaves them
#
# CPU window of a step: from its first request until its last 20 accepted requests are paged
# (or SETTLE_SECONDS pass); the full check of every request (two GETs each) comes after the
# window. The load generator is one JVM on the same cores; its CPU is not counted.
source "$(dirname "$0")/lib.sh"
WARMUP_SECONDS="${WARMUP_SECONDS:-120}"
WARMUP_RATE="${WARMUP_RATE:-10}"
IDLE_SECONDS="${IDLE_SECONDS:-30}"
READ_RATE="${READ_RATE:-200}"
READ_SECONDS="${READ_SECONDS:-30}"
READ_WARMUP_SECONDS="${READ_WARMUP_SECONDS:-15}"
RATES="${RATES:-20 50 100 150}"
STEP_SECONDS="${STEP_SECONDS:-60}"
SETTLE_SECONDS="${SETTLE_SECONDS:-60}"
ACKNOWLEDGE="${ACKNOWLEDGE:-yes}"

header
echo "warm-up ${WARMUP_SECONDS} s at ${WARMUP_RATE}/s; reads ${READ_SECONDS} s at ${READ_RATE}/s; steps ${STEP_SECONDS} s at: ${RATES} /s"
start_suite
grep "The suite is up" "$BENCH_DATA/run.log"
TOKEN="$(staff_token bench-nurse ON_CALL)"
WORK="$BENCH_DATA/bench"
mkdir -p "$WORK"
CSV="$RESULTS/capacity.csv"
CPU_CSV="$RESULTS/capacity-cpu.csv"
echo "phase,rate_per_s,sent,accepted,s503,other,slow_or_timeout,accept_p50_ms,accept_p99_ms,page_p50_ms,page_p99_ms,page_max_ms,lost,duplicated,unreadable,settled,window_s,cpu_ms_per_item,net_cpu_ms_per_item,ratio_to_read,net_ratio_to_read" >"$CSV"
echo "phase,rate_per_s,process,cpu_ms,cpu_ms_per_item,net_cpu_ms_per_item" >"$CPU_CSV"

if [ "$WARMUP_SECONDS" -gt 0 ]; then
	echo "warm-up: $((WARMUP_RATE * WARMUP_SECONDS)) requests at $WARMUP_RATE/s, not measured..."
	loadgen submit --gateway "$GW" --rate "$WARMUP_RATE" --seconds "$WARMUP_SECONDS" --phone-prefix '+1 718 55' \
		--out "$WORK/warmup.txt" >"$WORK/warmup.out"
	show "$WORK/warmup.out"
	echo "warm-up pages: $(wait_paged "$WORK/warmup.txt" "$SETTLE_SECONDS")"
	loadgen check --gateway "$GW" --token "$TOKEN" --in "$WORK/warmup.txt" --wait 10 --acknowledge "$ACKNOWLEDGE" \
		>"$WORK/warmup-check.out"
	show "$WORK/warmup-check.out"
fi

echo "at rest for ${IDLE_SECONDS} s..."
sleep 5
before="$(cpu_snapshot)"; t0=$(now_ms)
sleep "$IDLE_SECONDS"
after="$(cpu_snapshot)"; t1=$(now_ms)
# ms of CPU per second at rest, per process
IDLE_RATES="$(cpu_delta "$before" "$after" | awk -v s="$((t1 - t0))" '{printf "%s %.3f\n", $1, (s > 0 ? $2 * 1000 / s : 0)}')"

# cpu_rows PHASE RATE ITEMS WINDOW_MS DELTA: per process ms per item and above rest, into
# CPU_CSV; prints the totals "ms_per_item net_ms_per_item"
cpu_rows() {
	local phase="$1" rate="$2" items="$3" window_ms="$4" delta="$5"
	join <(echo "$delta") <(echo "$IDLE_RATES") | awk -v p="$phase" -v r="$rate" -v n="$items" -v w="$window_ms" -v csv="$CPU_CSV" '
		{ net = $2 - $3 * w / 1000; total += $2; net_total += net
		  printf "%s,%s,%s,%d,%.2f,%.2f\n", p, r, $1, $2, (n > 0 ? $2 / n : 0), (n > 0 ? net / n : 0) >> csv }
		END { printf "%s,%s,all,%d,%.2f,%.2f\n", p, r, total, (n > 0 ? total / n : 0), (n > 0 ? net_total / n : 0) >> csv
		      printf "%.2f %.2f\n", (n > 0 ? total / n : 0), (n > 0 ? net_total / n : 0) }'
}

SLUG="$(first_slug)"
if [ "$READ_WARMUP_SECONDS" -gt 0 ]; then
	echo "article reads: ${READ_WARMUP_SECONDS} s at ${READ_RATE}/s, not measured..."
	loadgen reads --gateway "$GW" --path "/api/content/articles/$SLUG?locale=en" --rate "$READ_RATE" \
		--seconds "$READ_WARMUP_SECONDS" >"$WORK/reads-warmup.out"
fi
echo "article reads: ${READ_SECONDS} s at ${READ_RATE}/s of /api/content/articles/$SLUG..."
before="$(cpu_snapshot)"; t0=$(now_ms)
loadgen reads --gateway "$GW" --path "/api/content/articles/$SLUG?locale=en" --rate "$READ_RATE" --seconds "$READ_SECONDS" \
	>"$WORK/reads.out"
after="$(cpu_snapshot)"; t1=$(now_ms)
show "$WORK/reads.out"
reads_ok="$(result "$WORK/reads.out" ok)"
read -r READ_MS READ_NET_MS < <(cpu_rows read "$READ_RATE" "$reads_ok" $((t1 - t0)) "$(cpu_delta "$before" "$after")")
echo "CPU per article read: $READ_MS ms (above rest $READ_NET_MS ms)"
reads_sent="$(result "$WORK/reads.out" count)"
[ "$reads_ok" = "$reads_sent" ] || echo "WARNING: only $reads_ok of $reads_sent reads were answered 200; the CPU per read is per 200 answer, so it includes the others' cost"
echo "read,$READ_RATE,$(result "$WORK/reads.out" count),$reads_ok,,$(result "$WORK/reads.out" other),$(($(result "$WORK/reads.out" slow) + $(result "$WORK/reads.out" timeout))),$(result "$WORK/reads.out" p50_ms),$(result "$WORK/reads.out" p99_ms),,,,,,,,$(((t1 - t0) / 1000)),$READ_MS,$READ_NET_MS,1,1" >>"$CSV"

step=0
for rate in $RATES; do
	step=$((step + 1))
	sent="$WORK/step-$rate.txt"
	echo
	echo "step $step: $(awk -v r="$rate" -v s="$STEP_SECONDS" 'BEGIN{print int(r * s + 0.5)}') requests at $rate/s..."
	before="$(cpu_snapshot)"; t0=$(now_ms)
	loadgen submit --gateway "$GW" --rate "$rate" --seconds "$STEP_SECONDS" --phone-prefix "+1 $((600 + step)) 55" \
		--out "$sent" >"$WORK/step-$rate.out"
	settled="$(wait_paged "$sent" "$SETTLE_SECONDS")"
	after="$(cpu_snapshot)"; t1=$(now_ms)
	show "$WORK/step-$rate.out"
	echo "pages: $settled $(((t1 - t0) / 1000)) s after the step began; checking every request..."
	loadgen check --gateway "$GW" --token "$TOKEN" --in "$sent" --out "$RESULTS/capacity-step-$rate.csv" --wait 30 \
		--acknowledge "$ACKNOWLEDGE" >"$WORK/check-$rate.out"
	show "$WORK/check-$rate.out"
	s() { result "$WORK/step-$rate.out" "$1"; }
	c() { result "$WORK/check-$rate.out" "$1"; }
	read -r ms net_ms < <(cpu_rows step "$rate" "$(s accepted)" $((t1 - t0)) "$(cpu_delta "$before" "$after")")
	ratio="$(awk -v a="$ms" -v b="$READ_MS" 'BEGIN{printf "%.0f", (b > 0 ? a / b : 0)}')"
	net_ratio="$(awk -v a="$net_ms" -v b="$READ_NET_MS" 'BEGIN{printf "%.0f", (b > 0 ? a / b : 0)}')"
	echo "CPU per accepted request: $ms ms (above rest $net_ms ms), ${ratio}x an article read (above rest ${net_ratio}x)"
	echo "step,$rate,$(s sent),$(s accepted),$(s s503),$(s other),$(s slow_or_timeout),$(s p50_ms),$(s p99_ms),$(c p50_ms),$(c p99_ms),$(c max_ms),$(c lost),$(c duplicated),$(c unreadable),${settled// /_},$(((t1 - t0) / 1000)),$ms,$net_ms,$ratio,$net_ratio" >>"$CSV"
done

echo
echo "==== capacity, $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores"
echo "article read: $READ_MS ms CPU (above rest $READ_NET_MS ms) at $READ_RATE/s"
echo
{
	echo "rate/s sent 202 503 other slow|timeout 202_p50 202_p99 page_p50 page_p99 page_max lost twice unread settled cpu_ms/req net x_read net_x_read"
	awk -F, '$1=="step"{print $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $18, $19, $20, $21}' "$CSV"
} | column -t
echo
echo "CPU ms per item by process (gross / above rest):"
{
	printf 'process'
	awk -F, 'NR>1 && !seen[$1 $2]++ {printf " %s@%s", $1, $2}' "$CPU_CSV"
	echo
	awk -F, 'NR>1 {if (!($3 in row)) order[++n] = $3; row[$3] = row[$3] " " $5 "/" $6} END {for (i = 1; i <= n; i++) print order[i] row[order[i]]}' "$CPU_CSV"
} | column -t
echo
best="$(awk -F, '$1=="step" && $11 != "" && $11 >= 0 && $11 < 1000 && $2 + 0 > r + 0 {r = $2; l = $13; d = $14} END {if (r == "") print "none"; else printf "%s/s (lost %s, paged twice %s)", r, l, d}' "$CSV")"
echo "highest rate whose time-to-page p99 < 1 s: $best"
echo
echo "resident memory at the end:"
rss_report
echo
echo "CSVs: $CSV, $CPU_CSV, $RESULTS/capacity-step-RATE.csv"
log_problems
