#!/usr/bin/env bash
# Runs the benchmarks on this machine and writes bench/results.md. No internet: everything runs on 127.0.0.1.
#   bench/run.sh                 all of them
# Needs: the .NET SDK; sqlite3 (to count stored rows).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/results.md"
WORK=$(mktemp -d /tmp/referralbot-bench.XXXXXX)
REQUESTS=${REQUESTS:-200000}
CONCURRENCY=${CONCURRENCY:-64}
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

echo "building (Release)…" >&2
dotnet build src/ReferralBot.Host -c Release -v q -nologo >/dev/null
dotnet build bench/ReferralBot.Bench -c Release -v q -nologo >/dev/null
HOST_DIR="$ROOT/src/ReferralBot.Host/bin/Release/net10.0"
BENCH="dotnet $ROOT/bench/ReferralBot.Bench/bin/Release/net10.0/ReferralBot.Bench.dll"
DB="$WORK/referralbot.db"
export ConnectionStrings__ReferralBot="Data Source=$DB" Bot__PublicBaseUrl=http://127.0.0.1:5101 \
  Bot__DefaultCampaign=glow-serum Bot__DefaultLandingUrl=https://shop.example.sg/serum Logging__LogLevel__Default=Warning

wait_healthy() { for _ in $(seq 1 100); do curl -sf "$1/healthz" >/dev/null 2>&1 && return 0; sleep 0.2; done; echo "no answer from $1" >&2; return 1; }
peak_rss_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

# A code to click: the terminal owner's, made by the service itself (piped chat, then it stops).
CODE=$(cd "$HOST_DIR" && printf '/start\n' | ConsoleChat__Enabled=true Urls=http://127.0.0.1:5101 dotnet ReferralBot.Host.dll 2>/dev/null \
  | sed -n 's/^Your code: \([A-Z0-9]*\).*/\1/p' | head -1)
[ -n "$CODE" ] || { echo "could not make a code" >&2; exit 1; }
CLICKS_BEFORE=$(sqlite3 "$DB" "SELECT COUNT(*) FROM Clicks;")

echo "redirect: the service…" >&2
(cd "$HOST_DIR" && ConsoleChat__Enabled=false Urls=http://127.0.0.1:5101 exec dotnet ReferralBot.Host.dll >"$WORK/host.log" 2>&1) &
HOST_PID=$!
wait_healthy http://127.0.0.1:5101
$BENCH load --url "http://127.0.0.1:5101/r/$CODE?s=ig" --requests 20000 --concurrency "$CONCURRENCY" >/dev/null   # warm-up
SERVICE=$($BENCH load --url "http://127.0.0.1:5101/r/$CODE?s=ig" --requests "$REQUESTS" --concurrency "$CONCURRENCY")
SERVICE_RSS=$(peak_rss_mb "$(pgrep -f 'ReferralBot.Host.dll' | head -1)")
kill -TERM "$HOST_PID"; wait "$HOST_PID" || true
CLICKS=$(( $(sqlite3 "$DB" "SELECT COUNT(*) FROM Clicks;") - CLICKS_BEFORE ))
TALLY=$(sqlite3 "$DB" "SELECT COALESCE(SUM(Clicks), 0) FROM ClickTallies;")
SENT=$(( REQUESTS + 20000 ))

echo "redirect: bare Kestrel…" >&2
$BENCH bare --urls http://127.0.0.1:5102 >"$WORK/bare.log" 2>&1 &
BARE_PID=$!
wait_healthy http://127.0.0.1:5102
$BENCH load --url "http://127.0.0.1:5102/r/$CODE?s=ig" --requests 20000 --concurrency "$CONCURRENCY" >/dev/null
BARE=$($BENCH load --url "http://127.0.0.1:5102/r/$CODE?s=ig" --requests "$REQUESTS" --concurrency "$CONCURRENCY")
BARE_RSS=$(peak_rss_mb "$BARE_PID")
kill -TERM "$BARE_PID"; wait "$BARE_PID" || true

RATIO=$(python3 -c "print(round(100 * $(field "$SERVICE" rps) / $(field "$BARE" rps), 1))")
CPU=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
MEM=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1024 / 1024 }' /proc/meminfo)
cat >"$OUT" <<MD
# Benchmark results

Run by \`bench/run.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores ($CPU), $MEM, $(uname -sr), .NET $(dotnet --version).
The load generator (\`bench/ReferralBot.Bench load\`) runs on the same machine as the server, so both share the two
cores; the service and the bare baseline are measured with the same generator, settings and request count.

## Redirect: \`GET /r/{code}\` against a bare Kestrel 302

$REQUESTS requests over $CONCURRENCY keep-alive connections, after 20,000 to warm up.

| | requests/s | p50 ms | p99 ms | errors | peak RSS MB |
|---|---|---|---|---|---|
| ReferralBot \`/r/{code}\` | $(field "$SERVICE" rps) | $(field "$SERVICE" p50) | $(field "$SERVICE" p99) | $(field "$SERVICE" errors) | $SERVICE_RSS |
| bare Kestrel 302 | $(field "$BARE" rps) | $(field "$BARE" p50) | $(field "$BARE" p99) | $(field "$BARE" errors) | $BARE_RSS |

ReferralBot reaches **$RATIO%** of the bare rate (goal: at least 70%).
Clicks stored after a clean stop: **$CLICKS** for **$SENT** requests sent; the click tallies add up to $TALLY.
MD
echo "wrote $OUT" >&2
cat "$OUT"
