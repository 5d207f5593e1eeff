#!/usr/bin/env bash
# Letters end to end (issue 13), see docs/benchmarks.md "Letters under load":
#   1. the floor: warm Chromium printing a trivial one-line Arabic page (benchmarks/letters-floor.cs, same PuppeteerSharp)
#   2. one caller issuing receipts through POST /Letters/Issue (number, compose, print, store), one after another
#   3. four callers at once through POST /Letters/Issue
# Each row: median, p95, max, letters per second, and the machine's load average when the row finished.
#   benchmarks/letters.sh             build Release, then measure
#   benchmarks/letters.sh --no-build  measure the existing Release build
# Env: PORT (5091), SINGLE (60 letters), CALLERS (4), PER_CALLER (30 letters each), WARM (8 letters first), RENDERS (60 floor prints)
# Needs: curl, Chromium + fonts. Uses a throw-away data directory: never touches App_Data/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-5091}"
SINGLE="${SINGLE:-60}"
CALLERS="${CALLERS:-4}"
PER_CALLER="${PER_CALLER:-30}"
WARM="${WARM:-8}"
BASE="http://127.0.0.1:$PORT"
EMAIL="${BENCH_EMAIL:-admin@juthuruna.org.sa}"
PASSWORD="${BENCH_PASSWORD:-Demo#2026}"
DLL="$ROOT/src/Juthuruna.Web/bin/Release/net10.0/Juthuruna.Web.dll"

command -v curl >/dev/null || { echo "curl is missing" >&2; exit 1; }

if [[ "${1:-}" != "--no-build" ]]; then
  dotnet build "$ROOT/src/Juthuruna.Web/Juthuruna.Web.csproj" -c Release --nologo -v q
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)   commit: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src || echo ' + uncommitted changes')"
echo "load average at start: $(load)"
echo

echo "== 1. floor: warm Chromium, one-line Arabic page, one at a time"
if [[ -z "${SKIP_FLOOR:-}" ]]; then (cd "$ROOT" && dotnet run -c Release benchmarks/letters-floor.cs 2>&1 | grep -E '^(chromium|floor)'); fi
echo

DATA="$(mktemp -d)"
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$DATA"
}
trap cleanup EXIT

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
  sleep 0.05
done

# Sign in: antiforgery cookie + hidden token from the login page, then the form post.
JAR="$DATA/cookies.txt"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
TOKEN="$(curl -s -c "$JAR" "$BASE/Account/Login" | token)"
[[ -n "$TOKEN" ]] || { echo "no antiforgery token on the login page" >&2; exit 1; }
STATUS="$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -c "$JAR" \
  --data-urlencode "Input.Email=$EMAIL" --data-urlencode "Input.Password=$PASSWORD" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/Account/Login")"
[[ "$STATUS" == 302 ]] || { echo "sign-in failed: $STATUS" >&2; exit 1; }
VERIFIED="$(curl -s -b "$JAR" "$BASE/Requests?State=Verified" | grep -o 'href="/Requests/Details/[0-9a-f-]*"' | head -n 1 | sed 's/href="//; s/"$//')"
[[ -n "$VERIFIED" ]] || { echo "no verified request in the demo" >&2; exit 1; }

# One caller: its own cookie jar and the form's antiforgery token (taken once, as a page left open would), then
# $2 receipts issued one after another, a fresh form key each. Writes one "seconds status" line per letter to $3.
caller() {
  local id="$1" count="$2" out="$3" jar="$DATA/jar-$1.txt" form_token result
  cp "$JAR" "$jar"
  form_token="$(curl -s -b "$jar" -c "$jar" "$BASE$VERIFIED" | token)"
  [[ -n "$form_token" ]] || { echo "caller $id: no antiforgery token on $VERIFIED" >&2; return 1; }
  : >"$out"
  for ((i = 1; i <= count; i++)); do
    result="$(curl -s -o /dev/null -w '%{time_total} %{http_code} %{redirect_url}' -b "$jar" \
      --data-urlencode "Kind=Receipt" --data-urlencode "SubjectId=${VERIFIED##*/}" --data-urlencode "Language=ar" \
      --data-urlencode "IdempotencyKey=$(cat /proc/sys/kernel/random/uuid)" --data-urlencode "ReturnUrl=$VERIFIED" \
      --data-urlencode "__RequestVerificationToken=$form_token" "$BASE/Letters/Issue")"
    echo "$result" >>"$out"
  done
}

# Median, p95, max and letters/s of the issued letters in the files given; refusals counted apart. (POSIX awk:
# the times are sorted by sort -n first.)
report() {
  local label="$1" seconds="$2" busy failed; shift 2
  busy="$(cat "$@" | awk '$2 == 429' | wc -l)"
  failed="$(cat "$@" | awk '$2 != 429 && !($2 == 302 && $3 ~ /\/Letters\/Details\//)' | wc -l)"
  cat "$@" | awk '$2 == 302 && $3 ~ /\/Letters\/Details\// { print $1 * 1000 }' | sort -n |
    awk -v label="$label" -v seconds="$seconds" -v load="$(load)" -v busy="$busy" -v failed="$failed" '
    { t[++n] = $1 }
    END {
      p95 = int(0.95 * n + 0.999); if (p95 < 1) p95 = 1
      printf "%-26s %3d letters: median %5.0f ms, p95 %5.0f ms, max %5.0f ms, %5.1f letters/s   refused busy (429): %d, failed: %d   (load average: %s)\n",
        label, n, t[int((n + 1) / 2)], t[p95], t[n], n / seconds, busy, failed, load }'
}

now() { date +%s.%N; }

# CPU time (user + system, in clock ticks) of the web process ($1 = app) or of its descendants, Chromium (= chromium):
# machine time per letter, which the load of other processes does not change the way it changes wall time.
cpu_ticks() {
  local pids
  if [[ "$1" == app ]]; then pids="$APP_PID"; else
    pids="$(ps -e -o pid=,ppid= | awk -v root="$APP_PID" '{ parent[$1] = $2 } END {
      for (p in parent) { q = parent[p]; for (i = 0; i < 8 && q > 1; i++) { if (q == root) { print p; break } q = parent[q] } } }')"
  fi
  for pid in $pids; do awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null; done | awk '{ s += $1 } END { print s + 0 }'
}
HZ="$(getconf CLK_TCK)"
# "CPU per letter: app X ms, Chromium Y ms" between two snapshots "app chromium" for $3 letters.
cpu_report() {
  read -r a0 c0 <<<"$1"; read -r a1 c1 <<<"$2"
  awk -v a="$((a1 - a0))" -v c="$((c1 - c0))" -v n="$3" -v hz="$HZ" 'BEGIN {
    printf "CPU per letter: web process %.0f ms, Chromium %.0f ms, together %.0f ms (2 cores: at most %.1f letters/s)\n",
      a * 1000 / hz / n, c * 1000 / hz / n, (a + c) * 1000 / hz / n, n * 2 * hz / (a + c) }'
}

echo "== warm-up: $WARM letters (the app warms Chromium at start; this also compiles the templates and fills the page pool)"
caller warm "$WARM" "$DATA/warm.txt"
caller warm2 "$WARM" "$DATA/warm2.txt" & w2=$!
caller warm3 "$WARM" "$DATA/warm3.txt" & w3=$!
wait "$w2"; wait "$w3"
report "warm-up (1, then 2 at once)" 1 "$DATA/warm.txt" "$DATA/warm2.txt" "$DATA/warm3.txt" | sed 's/, *[0-9.]* letters\/s//'
echo

echo "== 2. one caller: POST /Letters/Issue, one after another"
start="$(now)"; cpu0="$(cpu_ticks app) $(cpu_ticks chromium)"
caller single "$SINGLE" "$DATA/single.txt"
report "single caller" "$(echo "$(now) - $start" | bc)" "$DATA/single.txt"
cpu_report "$cpu0" "$(cpu_ticks app) $(cpu_ticks chromium)" "$SINGLE"
echo

echo "== 3. $CALLERS callers at once: POST /Letters/Issue, $PER_CALLER each"
start="$(now)"; cpu0="$(cpu_ticks app) $(cpu_ticks chromium)"
pids=()
for ((c = 1; c <= CALLERS; c++)); do caller "c$c" "$PER_CALLER" "$DATA/callers-$c.txt" & pids+=($!); done
for pid in "${pids[@]}"; do wait "$pid"; done
report "$CALLERS concurrent callers" "$(echo "$(now) - $start" | bc)" "$DATA/callers-"*.txt
cpu_report "$cpu0" "$(cpu_ticks app) $(cpu_ticks chromium)" "$((CALLERS * PER_CALLER))"
echo
grep -E 'Chromium started|warmed up' "$DATA/console.log" | sed 's/^/app log: /' || true
echo "load average at end: $(load)"
