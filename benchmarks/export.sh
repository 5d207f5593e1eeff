#!/usr/bin/env bash
# List exports at size (issue 16; ADR 0018): time, bytes and the web process's RSS growth while one export streams.
#   benchmarks/export.sh [--no-build]          Env: SIZE (120k: $DATA_DIR/<size>.db from generate.py), DATA_DIR
#                                              (/work/bench-data), EXPORTS (the URLs below), RUNS (3), PORT (5093)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZE="${SIZE:-120k}"; DATA_DIR="${DATA_DIR:-/work/bench-data}"; RUNS="${RUNS:-3}"; PORT="${PORT:-5093}"
BASE="http://127.0.0.1:$PORT"
DLL="$ROOT/src/Juthuruna.Web/bin/Release/net10.0/Juthuruna.Web.dll"
EXPORTS="${EXPORTS:-/Requests?handler=Export&format=Xlsx&Scope=All /Requests?handler=Export&format=Csv&Scope=All /Beneficiaries?handler=Export&format=Xlsx /Contacts?handler=Export&format=Xlsx}"
[[ "${1:-}" == --no-build ]] || dotnet build "$ROOT/src/Juthuruna.Web/Juthuruna.Web.csproj" -c Release --nologo -v q
WORK="$(mktemp -d)"; APP_PID=""
trap '[[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
cp "$DATA_DIR/$SIZE.db" "$WORK/db.db"
(cd "$ROOT/src/Juthuruna.Web" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$BASE" ConnectionStrings__Default="Data Source=$WORK/db.db" \
  DataProtection__KeysDirectory="$WORK/keys" Logging__Directory="$WORK/logs" exec dotnet "$DLL" >"$WORK/console.log" 2>&1) &
APP_PID=$!
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" == 200 ]]; do kill -0 "$APP_PID" || { tail -30 "$WORK/console.log"; exit 1; }; sleep 0.2; done
rss() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$APP_PID/status"; }
jar="$WORK/jar"
token="$(curl -s -c "$jar" "$BASE/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')"
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "Input.Email=admin@juthuruna.org.sa" --data-urlencode "Input.Password=Demo#2026" --data-urlencode "__RequestVerificationToken=$token" "$BASE/Account/Login"
echo "machine: $(nproc) cores; $SIZE: $(sqlite3 "$WORK/db.db" 'select count(*) from SupportRequests') requests, $(sqlite3 "$WORK/db.db" 'select count(*) from Beneficiaries') files, $(sqlite3 "$WORK/db.db" 'select count(*) from Contacts') contacts; $(date -u '+%F %H:%M UTC')"
for url in $EXPORTS; do
  for ((i = 1; i <= RUNS; i++)); do
    before=$(rss); peak=$before
    ( p=0; while :; do r=$(rss); ((r > p)) && p=$r; echo "$p" >"$WORK/peak"; sleep 0.1; done ) & sampler=$!
    out="$(curl -s -b "$jar" -o "$WORK/out" -w '%{http_code} %{time_total} %{size_download}' "$BASE$url")"
    kill "$sampler"; wait "$sampler" 2>/dev/null || true
    peak=$(cat "$WORK/peak")
    read -r code secs bytes <<<"$out"
    rows=$([[ "$url" == *Csv* ]] && echo $(($(wc -l <"$WORK/out") - 1)) || echo "-")
    printf '%-52s run %d: %s %6.2f s %8d KB rows(csv)=%s  RSS %d → peak %d MB (+%d)  load %s\n' "$url" "$i" "$code" "$secs" $((bytes / 1024)) "$rows" "$before" "$peak" $((peak - before)) "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
