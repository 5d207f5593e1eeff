#!/usr/bin/env bash
# Beneficiary search and the officer's request queue with 100,000 beneficiary files (see docs/benchmarks.md).
#   benchmarks/search-100k.sh            build Release, then measure
#   benchmarks/search-100k.sh --no-build measure the existing Release build
# Steps: start the app once on an empty throw-away SQLite database (migrations + demo seed), stop it, bulk-insert
# BENEFICIARIES files and REQUESTS support requests for the demo association `juthuruna` with
# benchmarks/seed-100k.py (one transaction, then ANALYZE), restart, sign in as the relations officer, check that
# every URL answers 200 with rows, print EXPLAIN QUERY PLAN of the search SQL, then wrk each URL.
# Env: PORT (5093), DURATION (15s), WARMUP (5s), CONNECTIONS ("1 4"), BENEFICIARIES (100000), REQUESTS (20000),
#      KEEP_DATA=1 keeps the data directory (its path is printed).
# Needs: curl, wrk, sqlite3, python3. Never touches App_Data/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-5093}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-1 4}"
BENEFICIARIES="${BENEFICIARIES:-100000}"
REQUESTS="${REQUESTS:-20000}"
BASE="http://127.0.0.1:$PORT"
EMAIL="officer@juthuruna.org.sa"
PASSWORD="Demo#2026"
DLL="$ROOT/src/Juthuruna.Web/bin/Release/net10.0/Juthuruna.Web.dll"

for tool in wrk curl sqlite3 python3; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done

if [[ "${1:-}" != "--no-build" ]]; then
  dotnet build "$ROOT/src/Juthuruna.Web/Juthuruna.Web.csproj" -c Release --nologo -v q
fi

DATA="$(mktemp -d)"
DB="$DATA/juthuruna.db"
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [[ "${KEEP_DATA:-}" == "1" ]]; then echo "data kept in $DATA"; else rm -rf "$DATA"; fi
}
trap cleanup EXIT

start_app() {
  (
    cd "$ROOT/src/Juthuruna.Web"
    ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$BASE" \
      ConnectionStrings__Default="Data Source=$DB" \
      DataProtection__KeysDirectory="$DATA/keys" Logging__Directory="$DATA/logs" \
      exec dotnet "$DLL" >>"$DATA/console.log" 2>&1
  ) &
  APP_PID=$!
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" == "200" ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited; see its console output:" >&2; cat "$DATA/console.log" >&2; exit 1; }
    sleep 0.1
  done
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "dotnet: $(dotnet --version)   wrk: $(wrk --version 2>&1 | head -n1 | cut -d' ' -f2)   sqlite3: $(sqlite3 --version | cut -d' ' -f1)"
echo

echo "== data: migrations + demo seed, then $BENEFICIARIES files and $REQUESTS requests"
start_app
stop_app
python3 "$ROOT/benchmarks/seed-100k.py" "$DB" "$BENEFICIARIES" "$REQUESTS"
start_app
echo

# Sign in as the relations officer (antiforgery cookie + hidden token, then the form post).
JAR="$DATA/cookies.txt"
TOKEN="$(curl -s -c "$JAR" "$BASE/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')"
[[ -n "$TOKEN" ]] || { echo "no antiforgery token on the login page" >&2; exit 1; }
STATUS="$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -c "$JAR" \
  --data-urlencode "Input.Email=$EMAIL" --data-urlencode "Input.Password=$PASSWORD" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/Account/Login")"
[[ "$STATUS" == 302 ]] || { echo "sign-in failed: $STATUS" >&2; exit 1; }
AUTH="$(awk '$6 == "juthuruna.auth" { print $6 "=" $7 }' "$JAR")"
[[ -n "$AUTH" ]] || { echo "no juthuruna.auth cookie after sign-in" >&2; exit 1; }
echo "signed in as $EMAIL"

# Terms taken from the generated data: file B-050000's national ID and mobile (in local 05 form).
read -r NID MOBILE < <(sqlite3 -separator ' ' "$DB" "select IdentityNumber, '0' || substr(Mobile, 5) from Beneficiaries where FileNumber = 'B-050000'")
urlenc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
FIRST="$(urlenc 'خالد')"      # a common first name (prefix of the search key)
FAMILY="$(urlenc 'الزبيدي')"  # a family name: a later word of the key
NOBODY="$(urlenc 'زكريا')"    # a name nobody has: no early stop possible
# label|path|minimum number of distinct file numbers (B-xxxxxx) on the page
CASES=(
  "national ID|/Beneficiaries?q=$NID|1"
  "mobile 05xxxxxxxx|/Beneficiaries?q=$MOBILE|1"
  "file number|/Beneficiaries?q=B-050000|1"
  "first name|/Beneficiaries?q=$FIRST|25"
  "family name|/Beneficiaries?q=$FAMILY|25"
  "name, no match|/Beneficiaries?q=$NOBODY|0"
  "list, page 1|/Beneficiaries|25"
  "list, page 50|/Beneficiaries?p=50|25"
  "first name, page 50|/Beneficiaries?q=$FIRST&p=50|25"
  "request queue|/Requests|100"
)
echo
echo "== checks (status, distinct file numbers on the page, time of one request)"
for c in "${CASES[@]}"; do
  IFS='|' read -r label path min <<<"$c"
  out="$(curl -s -H "Cookie: $AUTH" -o "$DATA/page.html" -w '%{http_code} %{time_total}' "$BASE$path")"
  rows="$({ grep -o 'B-[0-9]\{6\}' "$DATA/page.html" || true; } | sort -u | wc -l)"
  printf '%-22s %s  rows=%s  %s\n' "$label" "$path" "$rows" "$out"
  [[ "$out" == 200* && "$rows" -ge "$min" ]] || { echo "unexpected answer for $path" >&2; exit 1; }
done
grep -q 'B-050000' <(curl -s -H "Cookie: $AUTH" "$BASE/Beneficiaries?q=$NID") || { echo "ID search did not find B-050000" >&2; exit 1; }
echo

# The SQL EF Core generates for SearchAsync with a term (null comparisons for file number / mobile are dropped
# when the term is not one), copied from the EF command log, with the values inlined.
TENANT="$(sqlite3 "$DB" "select Id from Tenants where Slug = 'juthuruna'")"
echo "== EXPLAIN QUERY PLAN: search by national ID (SQL as generated by EF Core)"
sqlite3 "$DB" "EXPLAIN QUERY PLAN SELECT b.Id, b.FileNumber FROM Beneficiaries AS b WHERE b.TenantId = '$TENANT'
  AND (b.IdentityNumber = '$NID' OR b.SearchKey LIKE '$NID%' ESCAPE '\\' OR instr(b.SearchKey, ' $NID') > 0)
  ORDER BY b.FileNumber DESC LIMIT 26 OFFSET 0"
echo "== EXPLAIN QUERY PLAN: request queue"
sqlite3 "$DB" "EXPLAIN QUERY PLAN SELECT s0.Id FROM (SELECT s.Id, s.BeneficiaryId, s.CreatedAtUtc, s.DecisionDueOn, s.DecisionDueOn IS NULL AS c
  FROM SupportRequests AS s WHERE s.TenantId = '$TENANT' AND s.State IN (0, 1, 2, 3, 4, 5)
  ORDER BY s.DecisionDueOn IS NULL, s.DecisionDueOn, s.CreatedAtUtc LIMIT 100) AS s0
  INNER JOIN (SELECT b.Id, b.FileNumber FROM Beneficiaries AS b WHERE b.TenantId = '$TENANT') AS b0 ON s0.BeneficiaryId = b0.Id
  ORDER BY s0.c, s0.DecisionDueOn, s0.CreatedAtUtc"
echo

cat >"$DATA/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format("RESULT requests=%d rps=%.0f median_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx_or_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
end
LUA

bench() {
  local connections="$1" label="$2" path="$3"
  local threads=$((connections < $(nproc) ? connections : $(nproc)))
  wrk -t"$threads" -c"$connections" -d"$WARMUP" -H "Cookie: $AUTH" "$BASE$path" >/dev/null
  printf '%-22s ' "$label"
  wrk -t"$threads" -c"$connections" -d"$DURATION" -s "$DATA/report.lua" -H "Cookie: $AUTH" "$BASE$path" | grep '^RESULT' | sed 's/^RESULT //' | tr -d '\n'
  echo "  load=$(cut -d' ' -f1 /proc/loadavg)"
}

for c in $CONNECTIONS; do
  echo "== wrk: $c connection(s), $DURATION per URL after a $WARMUP warm-up ($(date -u +%H:%M) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  for case in "${CASES[@]}"; do
    IFS='|' read -r label path _ <<<"$case"
    bench "$c" "$label" "$path"
  done
  echo
done
