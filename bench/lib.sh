# Shared by the benchmark scripts: start the suite like ./run on a fresh data folder, stop it.
# Benchmarks use ports shifted by BENCH_PORT_OFFSET (default 0: the contract's ports).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The same JDK as ./run and ./mvnw (25 or newer).
. "$ROOT/.mvn/select-jdk.sh"
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS"
GW="http://localhost:${GATEWAY_PORT:-8080}"
CONTENT="http://localhost:${CONTENT_PORT:-8081}"

start_suite() {
	BENCH_DATA="$(mktemp -d)"
	export STACK_DATA_DIR="$BENCH_DATA"
	# Benchmarks submit far more than a family would: lift the per-address intake limit.
	export GATEWAY_INTAKE_RATE_LIMIT_REQUESTS="${GATEWAY_INTAKE_RATE_LIMIT_REQUESTS:-100000}"
	export GATEWAY_INTAKE_RATE_LIMIT_BURST="${GATEWAY_INTAKE_RATE_LIMIT_BURST:-100000}"
	# ...and every page goes to the one person on call: lift the per-recipient e-mail limit
	# (20 a minute), which would otherwise be what time-to-page measures.
	export NOTIFICATION_CHANNELS_EMAIL_RECIPIENTRATELIMIT="${NOTIFICATION_CHANNELS_EMAIL_RECIPIENTRATELIMIT:-100000}"
	"$ROOT/run" >"$BENCH_DATA/run.log" 2>&1 &
	RUN_PID=$!
	trap stop_suite EXIT
	for _ in $(seq 1 300); do
		grep -q "The suite is up" "$BENCH_DATA/run.log" && return 0
		kill -0 "$RUN_PID" 2>/dev/null || break
		sleep 1
	done
	cat "$BENCH_DATA/run.log" >&2
	echo "the suite did not come up" >&2
	exit 1
}

stop_suite() {
	if [ -n "${RUN_PID:-}" ]; then
		kill -TERM "$RUN_PID" 2>/dev/null || true
		wait "$RUN_PID" 2>/dev/null || true
		RUN_PID=""
	fi
}

# name, seconds to ready and pid of every process the launcher started, one a line
suite_processes() {
	sed -n 's/^  ready  \([^ ]*\) *\([0-9.]*\) s  (pid \([0-9]*\))$/\1 \2 \3/p' "$BENCH_DATA/run.log"
}

machine() {
	echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB, $(. /etc/os-release; echo "$PRETTY_NAME"), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
}

first_slug() {
	curl -s "$GW/api/content/articles?locale=en" | sed -n 's/.*"slug":"\([^"]*\)".*/\1/p' | head -1
}

# median of the numbers on stdin
median() {
	sort -n | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'
}

# wrk latency ("850.00us", "1.20ms", "2.00s") on stdin, in milliseconds
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v} else if (v ~ /s$/) {sub(/s$/,"",v); print v*1000} else print v}'; }

# submit COUNT RATE OUT PHONE_PREFIX: COUNT contact requests at RATE per second, each from a
# different phone number; one line "status reference accepted_at_ms" per request in OUT.
# SUBMIT_MESSAGE, when set, is every request's message (such as one that reads as a crisis).
submit() {
	local count="$1" rate="$2" out="$3" prefix="$4"
	local interval_ms=$((1000 / rate)) start_ms now due i
	local pids=()
	start_ms=$(date +%s%3N)
	for i in $(seq 0 $((count - 1))); do
		due=$((start_ms + i * interval_ms))
		now=$(date +%s%3N)
		if [ "$due" -gt "$now" ]; then
			sleep "$(awk -v d=$((due - now)) 'BEGIN{print d/1000}')"
		fi
		local phone="$prefix $(printf '%04d' $((i % 10000)))"
		{
			body="$(curl -s -w '\n%{http_code}' -X POST "$GW/api/intake/contact-requests" -H 'Content-Type: application/json' \
				-d "{\"name\":\"Bench $i\",\"phone\":\"$phone\",\"preferredContact\":\"PHONE\",\"forWhom\":\"SELF\",${SUBMIT_MESSAGE:+\"message\":\"$SUBMIT_MESSAGE\",}\"consent\":{\"contact\":true}}")"
			at=$(date +%s%3N)
			code="$(echo "$body" | tail -1)"
			ref="$(echo "$body" | head -1 | sed -n 's/.*"reference":"\([^"]*\)".*/\1/p')"
			echo "$code $ref $at" >>"$out"
		} &
		pids+=($!)
	done
	# Wait for the submissions only (the suite itself is a background job of this shell too).
	wait "${pids[@]}"
}
