#!/usr/bin/env bash
# The import at size (issue 15; ADR 0017): a generated workbook is uploaded (the dry run), then imported (the commit,
# in the background runner), through real HTTP with antiforgery, as the demo admin would.
#   benchmarks/import.sh [--no-build]
# Env: FILES (20000: with ~1.5 members per file, ~50,000 rows of files + members, and ~10,000 past-aid rows),
#      ERRORS (200 spoiled files), DATA_DIR (/work/bench-data: seed/juthuruna.db, the demo), PORT (5094),
#      BATCH (Import:BatchSize, the app's default when empty), CONNS (2: the dashboard's wrk connections)
# Prints: the workbook's rows and size; the dry run's time and the web process's RSS before and at its peak; the commit's
# time and RSS, alone; then the same workbook imported again with "update existing" while the dashboard is under wrk:
# its p50/p95 idle (10 s) and during that re-import (5 s slices, each printed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FILES="${FILES:-20000}"; ERRORS="${ERRORS:-200}"; DATA_DIR="${DATA_DIR:-/work/bench-data}"; PORT="${PORT:-5094}"; CONNS="${CONNS:-2}"
BASE="http://127.0.0.1:$PORT"
DLL="$ROOT/src/Juthuruna.Web/bin/Release/net10.0/Juthuruna.Web.dll"
for tool in wrk curl sqlite3 python3; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done
[[ "${1:-}" == --no-build ]] || dotnet build "$ROOT/src/Juthuruna.Web/Juthuruna.Web.csproj" -c Release --nologo -v q
WORK="$(mktemp -d)"; APP_PID=""
trap '[[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null; [[ -n "${KEEP:-}" ]] && echo "kept: $WORK" || rm -rf "$WORK"' EXIT

python3 "$ROOT/benchmarks/import-workbook.py" "$WORK/records.xlsx" "$FILES" --errors "$ERRORS" >"$WORK/generate.txt"
cp "$DATA_DIR/seed/juthuruna.db" "$WORK/db.db"
(cd "$ROOT/src/Juthuruna.Web" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$BASE" ConnectionStrings__Default="Data Source=$WORK/db.db" \
  DataProtection__KeysDirectory="$WORK/keys" Logging__Directory="$WORK/logs" Storage__Root="$WORK/files" Demo__Seed=false \
  ${BATCH:+Import__BatchSize=$BATCH} exec env ${EF_LOG:+Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=Information} dotnet "$DLL" >"$WORK/console.log" 2>&1) &
APP_PID=$!
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" == 200 ]]; do kill -0 "$APP_PID" || { tail -30 "$WORK/console.log"; exit 1; }; sleep 0.2; done
rss() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$APP_PID/status"; }
peak_start() { ( p=0; while :; do r=$(rss); ((r > p)) && p=$r; echo "$p" >"$WORK/peak"; sleep 0.1; done ) & SAMPLER=$!; }
peak_stop() { kill "$SAMPLER"; wait "$SAMPLER" 2>/dev/null || true; cat "$WORK/peak"; }
jar="$WORK/jar"
token_of() { curl -s -b "$jar" -c "$jar" "$BASE$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//'; }
token="$(token_of /Account/Login)"
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "Input.Email=admin@juthuruna.org.sa" --data-urlencode "Input.Password=Demo#2026" --data-urlencode "__RequestVerificationToken=$token" "$BASE/Account/Login"
COOKIE="$(awk '$6 == "juthuruna.auth" { print $6 "=" $7 }' "$jar")"
cat >"$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("%d requests, p50 %.1f ms, p95 %.1f ms, non-2xx/errors %d",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status))
end
LUA
dashboard() { wrk -t1 -c"$CONNS" -d"$1" --timeout 60s -s "$WORK/report.lua" -H "Cookie: $COOKIE" "$BASE/" | tail -n1; }

echo "machine: $(nproc) cores; $(date -u '+%F %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "workbook: $FILES files ($ERRORS spoiled), members and past aid as generated; $(($(stat -c %s "$WORK/records.xlsx") / 1024)) KB"
wrk -t1 -c"$CONNS" -d5s -H "Cookie: $COOKIE" "$BASE/" >/dev/null  # warm-up
echo "dashboard idle (c=$CONNS, 10 s): $(dashboard 10s); load $(cut -d' ' -f1 /proc/loadavg)"

before=$(rss); peak_start
token="$(token_of /Import)"
out="$(curl -s -b "$jar" -c "$jar" -o "$WORK/upload.html" -D "$WORK/upload.headers" -w '%{http_code} %{time_total}' \
  -F "__RequestVerificationToken=$token" -F "workbook=@$WORK/records.xlsx;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "$BASE/Import")"
peak=$(peak_stop)
read -r code secs <<<"$out"
JOB="$(grep -i '^location:' "$WORK/upload.headers" | grep -o '[0-9a-f-]\{36\}' || true)"
[[ -n "$JOB" ]] || { echo "upload answered $code without a job"; sed -n '1,40p' "$WORK/upload.html"; exit 1; }
counts="$(sqlite3 "$WORK/db.db" "select 'valid ' || FilesValid || ' files, ' || FilesRefused || ' refused, ' || MembersValid || ' members, ' || AidValid || ' aid' from ImportJobs where lower(Id)=lower('$JOB')")"
printf 'dry run (upload + check): %s in %.1f s; %s; RSS %d → peak %d MB (+%d); load %s\n' "$code" "$secs" "$counts" "$before" "$peak" $((peak - before)) "$(cut -d' ' -f1 /proc/loadavg)"

status() { sqlite3 "$WORK/db.db" "select Status from ImportJobs where lower(Id)=lower('$1')"; }
# Starts job $1 (extra form fields after it); $LOADED: the dashboard is measured in 5 s slices while it runs, else only
# the job row is polled. Prints the job's result, its time (from the start request to the row's last write) and RSS.
commit() {
  local job="$1"; shift
  local before peak start token slice=0
  before=$(rss); peak_start
  if [[ -n "${TRACE:-}" ]]; then  # a sampled trace of the commit: dotnet-trace report FILE topN --inclusive
    "${DOTNET_TRACE:-$HOME/.dotnet/tools/dotnet-trace}" collect -p "$APP_PID" --profile dotnet-common,dotnet-sampled-thread-time -o "$TRACE" </dev/null >"$WORK/trace.log" 2>&1 & TRACER=$!; sleep 3
  fi
  token="$(token_of "/Import/Job/$job")"
  start=$(date -u '+%F %H:%M:%S.%N' | cut -c1-23)
  curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$token" "$@" "$BASE/Import/Job/$job?handler=Start"
  while [[ "$(status "$job")" =~ ^(Queued|Running)$ ]]; do
    if [[ -n "${LOADED:-}" ]]; then
      slice=$((slice + 1)); echo "  dashboard during the commit, slice $slice (5 s): $(dashboard 5s); load $(cut -d' ' -f1 /proc/loadavg)"
    else
      sleep 0.5
    fi
  done
  peak=$(peak_stop)
  [[ -n "${TRACE:-}" ]] && { kill -TERM "$TRACER"; wait "$TRACER" || true; }
  sqlite3 "$WORK/db.db" "select Status || ': ' || FilesCreated || ' files created, ' || FilesUpdated || ' updated, in ' || Batches || ' batches, ' || printf('%.1f', (julianday(UpdatedAtUtc) - julianday('$start')) * 86400) || ' s' from ImportJobs where lower(Id)=lower('$job')"
  printf '  RSS %d → peak %d MB (+%d); load %s\n' "$before" "$peak" $((peak - before)) "$(cut -d' ' -f1 /proc/loadavg)"
}

echo "commit (new files; nothing else asked of the app): $(LOADED= commit "$JOB")"
echo "in the database now: $(sqlite3 "$WORK/db.db" "select count(*) from Beneficiaries") files, $(sqlite3 "$WORK/db.db" "select count(*) from BeneficiaryHouseholdMembers") household members, $(sqlite3 "$WORK/db.db" "select count(*) from PastAid") past-aid rows"

# The same workbook again, updating the files it matches: the writes of a second full import, with the dashboard under wrk.
token="$(token_of /Import)"
curl -s -b "$jar" -c "$jar" -o /dev/null -D "$WORK/upload2.headers" -F "__RequestVerificationToken=$token" \
  -F "workbook=@$WORK/records.xlsx;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "$BASE/Import"
JOB2="$(grep -i '^location:' "$WORK/upload2.headers" | grep -o '[0-9a-f-]\{36\}')"
echo "re-import with 'update existing', dashboard under wrk (c=$CONNS):"
LOADED=1 commit "$JOB2" --data-urlencode "UpdateExisting=true"
