#!/usr/bin/env bash
# Gateway overhead: the same content GET direct to the content service, through the gateway,
# through nginx as a reverse proxy with upstream keepalive, and through a bare Spring Cloud
# Gateway (bench/bare-gateway: one route, nothing else, so the framework's own share shows).
# Throughput with `wrk -t2 -c32 -d30s --latency`, setups alternated A B C D A B C D (3 rounds
# by default); then latency at a moderate rate, about 200 requests/s arriving at random
# (bench/poisson.lua), setups alternated again.
# Needs: wrk, nginx (Debian packages) and the Maven wrapper to build the bare gateway.
# Writes bench/results/gateway-overhead*.csv.
source "$(dirname "$0")/lib.sh"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-30s}"
FIXED_RATE_SECONDS="${FIXED_RATE_SECONDS:-20}"
NGINX_PORT="${NGINX_PORT:-8095}"
BARE_GATEWAY_PORT="${BARE_GATEWAY_PORT:-8096}"
# 4 connections, each waiting a random gap of mean 20 ms: about 200 requests/s
FIXED_RATE_GAP_MS="${FIXED_RATE_GAP_MS:-20}"
# The JVMs need longer than nginx to reach full speed (JIT): warm each setup this long.
WARMUP="${WARMUP:-30s}"

start_suite
SLUG="$(first_slug)"
PATH_Q="/api/content/articles/$SLUG?locale=en"

NGINX_DIR="$(mktemp -d)"
cat >"$NGINX_DIR/nginx.conf" <<CONF
worker_processes auto;
error_log $NGINX_DIR/error.log warn;
pid $NGINX_DIR/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  upstream content { server 127.0.0.1:${CONTENT_PORT:-8081}; keepalive 32; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://content;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
CONF
nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
trap 'kill $NGINX_PID 2>/dev/null; stop_suite' EXIT

BARE_JAR="$ROOT/bench/bare-gateway/target/bare-gateway.jar"
# (re)built when missing or older than its sources or the poms
if [ ! -f "$BARE_JAR" ] || [ -n "$(find "$ROOT/bench/bare-gateway/src" "$ROOT/bench/bare-gateway/pom.xml" "$ROOT/pom.xml" \
	-newer "$BARE_JAR" -print -quit)" ]; then
	echo "building the bare gateway..."
	"$ROOT/mvnw" -q -B -f "$ROOT/bench/bare-gateway/pom.xml" -DskipTests package
fi
BARE_GATEWAY_PORT="$BARE_GATEWAY_PORT" CONTENT_SERVICE_URL="$CONTENT" \
	"$JAVA_HOME/bin/java" -Xmx384m -XX:+UseSerialGC -jar "$BARE_JAR" >"$BENCH_DATA/bare-gateway.log" 2>&1 &
BARE_PID=$!
trap 'kill $NGINX_PID $BARE_PID 2>/dev/null; stop_suite' EXIT

declare -A URLS=([direct]="$CONTENT$PATH_Q" [gateway]="$GW$PATH_Q" [nginx]="http://127.0.0.1:$NGINX_PORT$PATH_Q"
	[bare]="http://127.0.0.1:$BARE_GATEWAY_PORT$PATH_Q")
SETUPS=(direct gateway nginx bare)
ready=false
for _ in $(seq 1 60); do
	if curl -sf -o /dev/null "${URLS[bare]}" && curl -sf -o /dev/null "${URLS[nginx]}"; then
		ready=true
		break
	fi
	sleep 1
done
if [ "$ready" != true ]; then
	echo "the bare gateway or nginx did not answer within 60 s; see $BENCH_DATA/bare-gateway.log and $NGINX_DIR/error.log" >&2
	exit 1
fi

echo "warm-up..."
for setup in "${SETUPS[@]}"; do wrk -t2 -c32 -d"$WARMUP" "${URLS[$setup]}" >/dev/null; done

CSV="$RESULTS/gateway-overhead.csv"
echo "round,setup,requests_per_s,p50_ms,p99_ms,non_2xx" >"$CSV"
for round in $(seq 1 "$ROUNDS"); do
	for setup in "${SETUPS[@]}"; do
		out="$(wrk -t2 -c32 -d"$DURATION" --latency "${URLS[$setup]}")"
		rps="$(echo "$out" | awk '/Requests\/sec/{print $2}')"
		p50="$(echo "$out" | awk '$1=="50%"{print $2}' | to_ms)"
		p99="$(echo "$out" | awk '$1=="99%"{print $2}' | to_ms)"
		non2xx="$(echo "$out" | awk '/Non-2xx/{print $NF}')"
		echo "$round,$setup,$rps,$p50,$p99,${non2xx:-0}" | tee -a "$CSV"
	done
done

FIXED="$RESULTS/gateway-overhead-fixed-rate.csv"
echo "round,setup,rate_per_s,p50_ms,p99_ms" >"$FIXED"
for round in $(seq 1 "$ROUNDS"); do
	for setup in "${SETUPS[@]}"; do
		out="$(MEAN_GAP_MS="$FIXED_RATE_GAP_MS" wrk -t1 -c4 -d"${FIXED_RATE_SECONDS}s" --latency \
			-s "$ROOT/bench/poisson.lua" "${URLS[$setup]}")"
		rate="$(echo "$out" | awk '/Requests\/sec/{printf "%.0f", $2}')"
		p50="$(echo "$out" | awk '$1=="50%"{print $2}' | to_ms)"
		p99="$(echo "$out" | awk '$1=="99%"{print $2}' | to_ms)"
		echo "$round,$setup,$rate,$p50,$p99" | tee -a "$FIXED"
	done
done

echo
echo "machine: $(machine)"
for setup in "${SETUPS[@]}"; do
	printf '%-8s median %10.0f req/s  p50 %6.2f ms  p99 %6.2f ms\n' "$setup" \
		"$(awk -F, -v s="$setup" '$2==s{print $3}' "$CSV" | median)" \
		"$(awk -F, -v s="$setup" '$2==s{print $4}' "$CSV" | median)" \
		"$(awk -F, -v s="$setup" '$2==s{print $5}' "$CSV" | median)"
done
gw="$(awk -F, '$2=="gateway"{print $3}' "$CSV" | median)"
nx="$(awk -F, '$2=="nginx"{print $3}' "$CSV" | median)"
dr="$(awk -F, '$2=="direct"{print $3}' "$CSV" | median)"
echo "ratio gateway/nginx throughput: $(awk -v a="$gw" -v b="$nx" 'BEGIN{printf "%.2f", a/b}') (goal >= 0.7)"
echo "ratio gateway/direct throughput: $(awk -v a="$gw" -v b="$dr" 'BEGIN{printf "%.2f", a/b}')"
bare="$(awk -F, '$2=="bare"{print $3}' "$CSV" | median)"
echo "ratio bare Spring Cloud Gateway/nginx throughput: $(awk -v a="$bare" -v b="$nx" 'BEGIN{printf "%.2f", a/b}')"
gp99="$(awk -F, '$2=="gateway"{print $5}' "$FIXED" | median)"
dp99="$(awk -F, '$2=="direct"{print $5}' "$FIXED" | median)"
np99="$(awk -F, '$2=="nginx"{print $5}' "$FIXED" | median)"
echo "at about 200 req/s: p99 nginx $np99 ms"
echo "at about 200 req/s: p99 direct $dp99 ms, gateway $gp99 ms, added $(awk -v a="$gp99" -v b="$dp99" 'BEGIN{printf "%.2f", a-b}') ms (goal <= 2 ms)"
