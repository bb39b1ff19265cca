#!/usr/bin/env bash
# The first minute (issue 18): a fresh suite meets traffic the moment ./run prints "The suite is
# up": contact requests at RATE (20/s) for SECONDS_TOTAL (60 s), no warm-up. Reports each
# process's time to ready (the launcher's own measurement), and time to page (202 -> first
# NOTIFIED) p50/p99/max over the whole minute and per SLICE_SECONDS (10 s) slice of it, by
# when each request was sent, with the requests lost or paged twice. Writes
# bench/results/first-minute.csv (a row per request) and first-minute-slices.csv.
#
#   RATE=20 SECONDS_TOTAL=60 SLICE_SECONDS=10
#   WAIT_SECONDS=120   after the minute, how long to wait for the last pages before counting
#                      a request as lost
#
# The load generator (one JVM, bench/LoadGenerator.java) is started with the suite, compiles
# while the suite starts (a few CPU-seconds on the same cores) and sends its first request
# within milliseconds of the line "The suite is up" in the run log.
source "$(dirname "$0")/lib.sh"
RATE="${RATE:-20}"
SECONDS_TOTAL="${SECONDS_TOTAL:-60}"
SLICE_SECONDS="${SLICE_SECONDS:-10}"
WAIT_SECONDS="${WAIT_SECONDS:-120}"

header
echo "contact requests at ${RATE}/s for ${SECONDS_TOTAL} s from the moment the suite is up"
launch_suite
WORK="$BENCH_DATA/bench"
mkdir -p "$WORK"
loadgen submit --gateway "$GW" --rate "$RATE" --seconds "$SECONDS_TOTAL" --phone-prefix '+1 646 55' \
	--out "$WORK/sent.txt" --wait-for-log "$BENCH_DATA/run.log" --wait-for-text "The suite is up" >"$WORK/submit.out" &
LOADGEN_PID=$!
stop_all() {
	kill "$LOADGEN_PID" 2>/dev/null || true
	stop_suite
}
trap stop_all EXIT
wait_suite_up
echo "the suite is up; submitting..."
wait "$LOADGEN_PID"
show "$WORK/submit.out"

TOKEN="$(staff_token bench-nurse ON_CALL)"
echo "checking every accepted request (waiting up to ${WAIT_SECONDS} s for the last pages)..."
loadgen check --gateway "$GW" --token "$TOKEN" --in "$WORK/sent.txt" --out "$RESULTS/first-minute.csv" \
	--wait "$WAIT_SECONDS" --slice-seconds "$SLICE_SECONDS" >"$WORK/check.out"
SLICES="$RESULTS/first-minute-slices.csv"
echo "from_s,accepted,lost,duplicated,p50_ms,p99_ms,max_ms" >"$SLICES"
sed -n 's/^SLICE //p' "$WORK/check.out" | sed 's/[a-z0-9_]*=//g; s/ /,/g' >>"$SLICES"

echo
echo "==== first minute, $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores"
echo "time to ready (the launcher's start-up lines as it printed them):"
sed -n '/^Starting the /,/^The suite is up/p' "$BENCH_DATA/run.log" | grep -v -E '^(Starting the |$)' | sed 's/^ */  /'
echo
echo "submissions (${RATE}/s for ${SECONDS_TOTAL} s from the moment it was up):"
show "$WORK/submit.out" | grep -v "is in " | sed 's/^/  /'
echo
echo "time to page:"
show "$WORK/check.out" | sed 's/^/  /'
mails="$(find "$BENCH_DATA/mail" -type f 2>/dev/null | wc -l)"
echo "  e-mail pages the SMTP server received: $mails, for $(result "$WORK/check.out" accepted) requests answered 202"
echo "  (a ROUTINE request pages one person once in its first 10 minutes: more e-mails than 202s means"
echo "  requests answered 503 or timed out were stored and paged all the same)"
echo
log_problems
