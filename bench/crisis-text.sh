#!/usr/bin/env bash
# Time to the first text: steady CRISIS submissions through the gateway (2/s for 30 s by
# default, after 10 s of the same as warm-up); for each request the time from its 202 to
# the first e-mail page and to the first text page of its alert (each the NOTIFIED entry
# recorded once the SMTP server or the provider, here the local stack's simulator of
# Twilio's REST API, accepted the message). A CRISIS request pages two people at once (the
# rotation and the supervisor), by e-mail and text each. Writes
# bench/results/crisis-text.csv.
source "$(dirname "$0")/lib.sh"
RATE="${RATE:-2}"
SECONDS_TOTAL="${SECONDS_TOTAL:-30}"
WARMUP_SECONDS="${WARMUP_SECONDS:-10}"
export SUBMIT_MESSAGE="he took too much, I think it is an overdose"
# Every page goes to the same two people: lift their per-recipient limits, which would
# otherwise be what this measures.
export NOTIFICATION_CHANNELS_SMS_RECIPIENTRATELIMIT="${NOTIFICATION_CHANNELS_SMS_RECIPIENTRATELIMIT:-100000}"
export NOTIFICATION_CHANNELS_SMS_OVERALLRATELIMIT="${NOTIFICATION_CHANNELS_SMS_OVERALLRATELIMIT:-100000}"

start_suite
TOKEN="$("$ROOT/run" token bench-nurse ON_CALL)"
if [ "$WARMUP_SECONDS" -gt 0 ]; then
	echo "warm-up: $((RATE * WARMUP_SECONDS)) CRISIS requests at $RATE/s, not measured..."
	submit $((RATE * WARMUP_SECONDS)) "$RATE" "$(mktemp)" "+1 718 555"
	sleep 15
fi

SENT="$(mktemp)"
total=$((RATE * SECONDS_TOTAL))
echo "submitting $total CRISIS requests at $RATE/s..."
submit "$total" "$RATE" "$SENT" "+1 646 555"
echo "waiting for the pages to settle..."
sleep 15

CSV="$RESULTS/crisis-text.csv"
echo "reference,accepted_at_ms,email_ms,text_ms" >"$CSV"
accepted=0; missing=0
first_at() { grep -o "{\"at\":\"[^\"]*\",\"type\":\"NOTIFIED\",\"recipient\":\"[^\"]*\",\"channel\":\"$1\"" | head -1 | sed 's/{"at":"\([^"]*\)".*/\1/' || true; }
while read -r code ref at; do
	[ "$code" = "202" ] || { echo "submission answered $code"; continue; }
	accepted=$((accepted + 1))
	id="$(curl -s "$GW/api/alerts?reference=$ref" -H "Authorization: Bearer $TOKEN" | sed -n 's/^\[{"id":"\([^"]*\)".*/\1/p')"
	detail="$( [ -n "$id" ] && curl -s "$GW/api/alerts/$id" -H "Authorization: Bearer $TOKEN" || true)"
	email="$(echo "$detail" | first_at EMAIL)"; text="$(echo "$detail" | first_at SMS)"
	e_ms=""; t_ms=""
	[ -n "$email" ] && e_ms=$(($(date -d "$email" +%s%3N) - at))
	[ -n "$text" ] && t_ms=$(($(date -d "$text" +%s%3N) - at))
	[ -n "$t_ms" ] || missing=$((missing + 1))
	echo "$ref,$at,$e_ms,$t_ms" >>"$CSV"
done <"$SENT"

pct() { awk -F, -v c="$1" 'NR>1 && $c!=""{print $c}' "$CSV" | sort -n | awk -v p="$2" '{a[NR]=$1} END {i=int((NR*p/100)+0.999); if(i<1)i=1; print a[i]}'; }
echo
echo "machine: $(machine)"
echo "commit: $(git -C "$ROOT" rev-parse --short HEAD)"
echo "accepted: $accepted CRISIS requests at $RATE/s; without a text page: $missing"
echo "202 -> first e-mail page: p50 $(pct 3 50) ms, p99 $(pct 3 99) ms, max $(pct 3 100) ms"
echo "202 -> first text page:   p50 $(pct 4 50) ms, p99 $(pct 4 99) ms, max $(pct 4 100) ms"
