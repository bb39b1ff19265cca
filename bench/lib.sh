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
	launch_suite
	wait_suite_up
}

# launch_suite: starts ./run in the background on a fresh data folder (BENCH_DATA) and arranges
# for it to be stopped when the script exits; wait_suite_up then waits for "The suite is up"
# (SUITE_START_TIMEOUT seconds, default 600: ./run may first build modules whose sources changed).
launch_suite() {
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
}

wait_suite_up() {
	local deadline=$((SECONDS + ${SUITE_START_TIMEOUT:-600}))
	while [ "$SECONDS" -lt "$deadline" ]; do
		grep -q "The suite is up" "$BENCH_DATA/run.log" && return 0
		kill -0 "$RUN_PID" 2>/dev/null || break
		sleep 0.2
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

# ---- shared by capacity.sh, first-minute.sh and data-growth.sh

# loadgen MODE ARGS...: bench/LoadGenerator.java (one JVM instead of one curl per request)
loadgen() {
	"$JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx256m "$ROOT/bench/LoadGenerator.java" "$@"
}

# staff_token USER ROLES: a bearer token for the running suite (its data folder's key pair), as
# `./run token USER ROLES` prints it: the same launcher class, called directly so that a source
# change in local-stack does not start a Maven build (and replace the jar the running
# infrastructure processes use) in the middle of a measurement
staff_token() {
	"$JAVA_HOME/bin/java" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dstack.root="$ROOT" \
		-cp "$ROOT/local-stack/target/local-stack.jar:$ROOT/local-stack/target/lib/*" \
		org.treatmentnetwork.localstack.LocalStack token "$1" "$2"
}

# result FILE KEY: the value of KEY on the "RESULT key=value ..." line LoadGenerator printed
result() {
	sed -n 's/^RESULT .*\b'"$2"'=\([^ ]*\).*/\1/p' "$1" | tail -1
}

# header: what every capacity script prints first
header() {
	echo "machine: $(machine)"
	echo "JDK: $JAVA_HOME ($("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p))"
	echo "commit: $(git -C "$ROOT" rev-parse --short HEAD)$([ -z "$(git -C "$ROOT" status --porcelain -- . ':!bench' 2>/dev/null)" ] || echo ' (with uncommitted changes outside bench/)')"
}

CLK_TCK="$(getconf CLK_TCK)"

# proc_cpu_ms PID: utime + stime of the process so far, in milliseconds (0 once it is gone)
proc_cpu_ms() {
	awk -v tick="$CLK_TCK" '{sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / tick)}' "/proc/$1/stat" 2>/dev/null || echo 0
}

# cpu_snapshot: "name cpu_ms" for every process of the suite, sorted by name
cpu_snapshot() {
	suite_processes | while read -r name _ pid; do echo "$name $(proc_cpu_ms "$pid")"; done | sort
}

# cpu_delta BEFORE AFTER: "name ms" used between two snapshots
cpu_delta() {
	join <(echo "$1") <(echo "$2") | awk '{print $1, $3 - $2}'
}

now_ms() { date +%s%3N; }

# rss_report: the resident memory of every process of the suite, and the sum
rss_report() {
	local total=0 rss name pid
	printf '%-22s %10s\n' process RSS_MiB
	while read -r name _ pid; do
		rss=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || echo 0)
		total=$((total + rss))
		printf '%-22s %10s\n' "$name" "$rss"
	done < <(suite_processes)
	printf '%-22s %10s\n' total "$total"
}

# wait_paged SENT SECONDS: polls the last 20 accepted requests of a submission (cheap: they are
# paged last) until all are paged or SECONDS pass; prints "settled" or "not settled"
wait_paged() {
	local out
	out="$(mktemp)"
	loadgen check --gateway "$GW" --token "$TOKEN" --in "$1" --last 20 --wait "$2" >"$out"
	if [ "$(result "$out" lost)" = "0" ] && [ "$(result "$out" unreadable)" = "0" ]; then echo settled; else echo "not settled"; fi
}

# show FILE: LoadGenerator's output for people (without its RESULT, SLICE and pass lines)
show() { grep -v -E '^(RESULT|SLICE|pass [0-9]+:) ' "$1" || true; }

# log_problems: ERROR and WARN lines in each log of the suite, and the last few errors
log_problems() {
	local log errors warnings
	echo "errors and warnings in the logs ($BENCH_DATA/logs):"
	for log in "$BENCH_DATA"/logs/*.log; do
		errors=$(grep -c -E '\bERROR\b' "$log" || true)
		warnings=$(grep -E '\bWARN\b' "$log" | grep -c -v 'SpringDoc' || true)
		printf '  %-28s %6s ERROR %6s WARN\n' "$(basename "$log")" "$errors" "$warnings"
	done
	grep -h -E '\bERROR\b' "$BENCH_DATA"/logs/*.log 2>/dev/null | tail -5 | cut -c1-300 | sed 's/^/    /' || true
}
