#!/usr/bin/env bash
# Reproducible latency benchmark of the running app (see docs/benchmarks.md).
#   benchmarks/bench.sh            build Release, then measure
#   benchmarks/bench.sh --no-build measure the existing Release build
# Env: PORT (5090), DURATION (15s), CONNECTIONS ("1 8": one wrk run per value), WARMUP (5s), COLD_RUNS (3), LETTERS (30 issued)
# Needs: curl, wrk (apt-get install -y wrk). Uses a throw-away data directory: never touches App_Data/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-5090}"
DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-1 8}"
WARMUP="${WARMUP:-5s}"
LETTERS="${LETTERS:-30}"
COLD_RUNS="${COLD_RUNS:-3}"
BASE="http://127.0.0.1:$PORT"
EMAIL="${BENCH_EMAIL:-admin@juthuruna.org.sa}"
PASSWORD="${BENCH_PASSWORD:-Demo#2026}"
DLL="$ROOT/src/Juthuruna.Web/bin/Release/net10.0/Juthuruna.Web.dll"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing" >&2; exit 1; }

if [[ "${1:-}" != "--no-build" ]]; then
  dotnet build "$ROOT/src/Juthuruna.Web/Juthuruna.Web.csproj" -c Release --nologo -v q
fi

DATA="$(mktemp -d)"
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$DATA"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# Starts the app (Release, Development for the demo seed, SQLite in $DATA); sets COLD_MS to the ms from
# process start to the first /health 200. Not run in $(...): APP_PID must stay in this shell.
COLD_MS=0
start_app() {
  local start
  start="$(now_ms)"
  (
    cd "$ROOT/src/Juthuruna.Web"
    ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$BASE" \
      ConnectionStrings__Default="Data Source=$DATA/juthuruna.db" \
      DataProtection__KeysDirectory="$DATA/keys" Logging__Directory="$DATA/logs" \
      exec dotnet "$DLL" >"$DATA/console.log" 2>&1
  ) &
  APP_PID=$!
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" == "200" ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited; see its console output:" >&2; cat "$DATA/console.log" >&2; exit 1; }
    sleep 0.02
  done
  COLD_MS=$(($(now_ms) - start))
}

stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "dotnet: $(dotnet --version)   wrk: $(wrk --version 2>&1 | head -n1 | cut -d' ' -f2)"
echo

echo "== cold start (process start -> first GET /health 200)"
start_app
echo "empty database (migrations + demo seed): $COLD_MS ms   (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
stop_app
for ((i = 1; i <= COLD_RUNS; i++)); do
  start_app
  echo "existing database, run $i: $COLD_MS ms   (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  if [[ $i -lt $COLD_RUNS ]]; then stop_app; fi
done
echo

# Sign in once: antiforgery cookie + hidden token from the login page, then the form post.
JAR="$DATA/cookies.txt"
TOKEN="$(curl -s -c "$JAR" "$BASE/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')"
[[ -n "$TOKEN" ]] || { echo "no antiforgery token on the login page" >&2; exit 1; }
STATUS="$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$JAR" -c "$JAR" \
  --data-urlencode "Input.Email=$EMAIL" --data-urlencode "Input.Password=$PASSWORD" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/Account/Login")"
[[ "$STATUS" == 302* ]] || { echo "sign-in failed: $STATUS" >&2; exit 1; }
AUTH="$(awk '$6 == "juthuruna.auth" { print $6 "=" $7 }' "$JAR")"
[[ -n "$AUTH" ]] || { echo "no juthuruna.auth cookie after sign-in" >&2; exit 1; }
DASH="$(curl -s -H "Cookie: $AUTH" -o "$DATA/dashboard.html" -w '%{http_code}' "$BASE/")"
if [[ "$DASH" != "200" ]] || ! grep -q 'data-testid="role-cards"' "$DATA/dashboard.html"; then
  echo "the dashboard did not render for the signed-in user ($DASH)" >&2
  exit 1
fi
echo "signed in as $EMAIL (dashboard 200)"

# Pages of the workflow, on the demo's own rows: the request on the next session's agenda and its item.
page() { curl -s -H "Cookie: $AUTH" "$BASE$1"; }
REQUEST="$(page '/Requests?State=AwaitingCommittee' | grep -o 'href="/Requests/Details/[0-9a-f-]*"' | head -n 1 | sed 's/href="//; s/"$//')"
SESSION="$(page /Committee | grep -o 'href="/Committee/Sessions/Details/[0-9a-f-]*"' | head -n 1 | sed 's/href="//; s/"$//')"
ITEM="$(page "$SESSION" | grep -o 'href="/Committee/Items/[0-9a-f-]*"' | head -n 1 | sed 's/href="//; s/"$//')"
for path in "$REQUEST" "$SESSION" "$ITEM"; do
  [[ -n "$path" && "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $AUTH" "$BASE$path")" == "200" ]] || { echo "workflow page not found in the demo: '$path'" >&2; exit 1; }
done
echo "request $REQUEST, session $SESSION, item $ITEM"

# Letters: issue receipts for the demo's verified request through the letters card, as a user would (form post with
# its antiforgery token and a fresh key each time). Each issue prints a PDF in the app's warmed Chromium and stores it.
VERIFIED="$(page '/Requests?State=Verified' | grep -o 'href="/Requests/Details/[0-9a-f-]*"' | head -n 1 | sed 's/href="//; s/"$//')"
[[ -n "$VERIFIED" ]] || { echo "no verified request in the demo" >&2; exit 1; }
ISSUE_TIMES=()
for ((i = 1; i <= LETTERS; i++)); do
  FORM_TOKEN="$(curl -s -b "$JAR" -c "$JAR" "$BASE$VERIFIED" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')"
  RESULT="$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{redirect_url}' -b "$JAR" -c "$JAR" \
    --data-urlencode "Kind=Receipt" --data-urlencode "SubjectId=${VERIFIED##*/}" --data-urlencode "Language=ar" \
    --data-urlencode "IdempotencyKey=$(cat /proc/sys/kernel/random/uuid)" --data-urlencode "ReturnUrl=$VERIFIED" \
    --data-urlencode "__RequestVerificationToken=$FORM_TOKEN" "$BASE/Letters/Issue")"
  [[ "$RESULT" == 302*"/Letters/Details/"* ]] || { echo "issuing a letter failed: $RESULT" >&2; exit 1; }
  ISSUE_TIMES+=("$(echo "$RESULT" | cut -d' ' -f2)")
  LETTER="/Letters/Details/${RESULT##*/Letters/Details/}"
done
printf '%s\n' "${ISSUE_TIMES[@]}" | sort -n | awk -v n="$LETTERS" '{ t[NR] = $1 * 1000 } END {
  p95 = int(0.95 * n + 0.999); if (p95 < 1) p95 = 1
  printf "issue a letter (POST /Letters/Issue: number, compose, print, store; sequential, %d letters): median %.0f ms, p95 %.0f ms, max %.0f ms\n", n, t[int((n + 1) / 2)], t[p95], t[n] }'
VERIFY="$(page "$LETTER" | grep -o 'href="/verify/[^"]*"' | head -n 1 | sed 's/href="//; s/"$//')"
[[ -n "$VERIFY" ]] || { echo "no verification link on $LETTER" >&2; exit 1; }
echo "letter $LETTER, verification $VERIFY"
echo

cat >"$DATA/report.lua" <<'EOF'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format("RESULT requests=%d rps=%.0f median_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx_or_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
end
EOF

# wrk threads: one per connection, at most one per core.
bench() {
  local connections="$1" label="$2" path="$3"; shift 3
  local threads=$((connections < $(nproc) ? connections : $(nproc)))
  wrk -t"$threads" -c"$connections" -d"$WARMUP" "$@" "$BASE$path" >/dev/null
  printf '%-32s ' "$label"
  wrk -t"$threads" -c"$connections" -d"$DURATION" -s "$DATA/report.lua" "$@" "$BASE$path" | grep '^RESULT' | sed 's/^RESULT //' | tr -d '\n'
  echo "  load=$(cut -d' ' -f1 /proc/loadavg)"
}

for c in $CONNECTIONS; do
  echo "== wrk: $c connection(s), $DURATION per endpoint after a $WARMUP warm-up"
  bench "$c" "GET /health" /health
  bench "$c" "GET /Account/Login (anonymous)" /Account/Login
  bench "$c" "GET / (signed-in dashboard)" / -H "Cookie: $AUTH"
  bench "$c" "GET /Requests (queue)" /Requests -H "Cookie: $AUTH"
  bench "$c" "GET request details" "$REQUEST" -H "Cookie: $AUTH"
  bench "$c" "GET /Committee" /Committee -H "Cookie: $AUTH"
  bench "$c" "GET committee session" "$SESSION" -H "Cookie: $AUTH"
  bench "$c" "GET agenda item (votes, tally)" "$ITEM" -H "Cookie: $AUTH"
  bench "$c" "GET /Requests/Window" /Requests/Window -H "Cookie: $AUTH"
  bench "$c" "GET /Notifications" /Notifications -H "Cookie: $AUTH"
  bench "$c" "GET /Letters (register)" /Letters -H "Cookie: $AUTH"
  bench "$c" "GET letter page" "$LETTER" -H "Cookie: $AUTH"
  bench "$c" "GET letter PDF (stored bytes)" "$LETTER?handler=Pdf" -H "Cookie: $AUTH"
  bench "$c" "GET /verify/{code} (anonymous)" "$VERIFY"
  bench "$c" "GET /Satisfaction (results)" /Satisfaction -H "Cookie: $AUTH"
  bench "$c" "GET /Feedback (list)" /Feedback -H "Cookie: $AUTH"
  bench "$c" "GET /t/juthuruna (portal)" /t/juthuruna
  bench "$c" "GET /t/juthuruna/policies" /t/juthuruna/policies
  bench "$c" "GET /t/juthuruna/track (form)" /t/juthuruna/track
  echo
done
