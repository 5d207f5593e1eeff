#!/usr/bin/env bash
# Every staff page at 10k and at 1M requests, with 1 and 8 connections (issue 13; see benchmarks/README.md).
#   benchmarks/pages.sh [--no-build] [--check]
#     --check     one curl per page (status, bytes, time) and stop: the data is served without a 500
#                 (KEEP_HTML=dir keeps each page's HTML for a look)
# Env:
#   SIZES        "10k 1m"               databases $DATA_DIR/<size>.db, made by benchmarks/generate.py
#   DATA_DIR     /work/bench-data
#   PAGES        ""                     a regex on the page labels: measure only those (e.g. PAGES='queue|letters')
#   CONNECTIONS  "1 8"   DURATION 5s   WARMUP 2s   PORT 5092
#   PREWARM      10s    before any measurement, every page under 8 connections for this long (0: skip), so the
#                       figures measure the app after tiered compilation, not its first minutes
#   SLOW_MS      2000   a page slower than this on one curl is timed with SLOW_RUNS (3) sequential curls instead of wrk
#   OUT          ""     also write the raw output to this file (tee)
#   PROFILE      ""     a directory: instead of measuring, record each page's CPU under 8 connections with perf
#                       (999 Hz, call graphs, PROFILE_SECONDS=10 after the pre-warm; run with DOTNET_PerfMapEnabled=1
#                       so JIT-compiled methods have names) into <dir>/<size>-<page>.perf.data and print where the
#                       CPU went (benchmarks/perf-buckets.py)
# Each size runs on a throw-away COPY of its database (the app writes audit rows on some GETs), Release build,
# Development environment (the demo logins; the demo seed sees the seeded database and does nothing).
# Per page: requests/s, median, p95, p99, max, errors/non-2xx, load average at the end, peak RSS of the web process
# during the run (VmRSS sampled every 0.2 s). A markdown table per size, then p95(1M)/p95(10k) when both ran.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES="${SIZES:-10k 1m}"
DATA_DIR="${DATA_DIR:-/work/bench-data}"
PAGES="${PAGES:-}"
CONNECTIONS="${CONNECTIONS:-1 8}"
DURATION="${DURATION:-5s}"
WARMUP="${WARMUP:-2s}"
PREWARM="${PREWARM:-10s}"
PORT="${PORT:-5092}"
SLOW_MS="${SLOW_MS:-2000}"
SLOW_RUNS="${SLOW_RUNS:-3}"
BASE="http://127.0.0.1:$PORT"
DLL="$ROOT/src/Juthuruna.Web/bin/Release/net10.0/Juthuruna.Web.dll"
CHECK=0
BUILD=1
for a in "$@"; do
  case "$a" in
    --no-build) BUILD=0 ;;
    --check) CHECK=1 ;;
    *) echo "unknown argument $a" >&2; exit 2 ;;
  esac
done
if [[ -n "${OUT:-}" ]]; then exec > >(tee "$OUT") 2>&1; fi

for tool in wrk curl sqlite3 python3; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done
if [[ $BUILD == 1 ]]; then dotnet build "$ROOT/src/Juthuruna.Web/Juthuruna.Web.csproj" -c Release --nologo -v q; fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/pages.XXXXXX")"
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

start_app() {  # $1 = database file
  (
    cd "$ROOT/src/Juthuruna.Web"
    ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$BASE" \
      ConnectionStrings__Default="Data Source=$1" \
      DataProtection__KeysDirectory="$WORK/keys" Logging__Directory="$WORK/logs" \
      exec dotnet "$DLL" >"$WORK/console.log" 2>&1
  ) &
  APP_PID=$!
  local start; start=$(date +%s%3N)
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" == "200" ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited:" >&2; tail -50 "$WORK/console.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "app ready in $(($(date +%s%3N) - start)) ms (pid $APP_PID, RSS $(rss) MB)"
}
stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }
rss() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0; }

# Signs in as $1@juthuruna.org.sa (demo password); prints "juthuruna.auth=…".
sign_in() {
  local jar="$WORK/jar-$1" token status
  token="$(curl -s -c "$jar" "$BASE/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')"
  status="$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" --data-urlencode "Input.Email=$1@juthuruna.org.sa" \
    --data-urlencode "Input.Password=Demo#2026" --data-urlencode "__RequestVerificationToken=$token" "$BASE/Account/Login")"
  [[ "$status" == 302 ]] || { echo "sign-in as $1 failed ($status)" >&2; exit 1; }
  awk '$6 == "juthuruna.auth" { print $6 "=" $7 }' "$jar"
}

cat >"$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format("RESULT %d %.1f %.2f %.2f %.2f %.2f %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
end
LUA

urlenc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

# The pages: "label|user|path". Subjects are real rows picked from the database with sqlite3.
define_pages() {  # $1 = database
  local db="$1" T
  q() { sqlite3 "$db" "$1"; }
  T="$(q "select Id from Tenants where Slug='juthuruna'")"
  OPEN_REQ="$(q "select Id from SupportRequests where TenantId='$T' and State=5 order by CreatedAtUtc desc limit 1")"
  CLOSED_REQ="$(q "select Id from SupportRequests where TenantId='$T' and State=10 and CreatedAtUtc > (select date(max(CreatedAtUtc), '-60 days') from SupportRequests where TenantId='$T') order by CreatedAtUtc limit 1")"
  BUSY_FILE="$(q "select BeneficiaryId from SupportRequests where TenantId='$T' group by BeneficiaryId order by count(*) desc limit 1")"
  PLAIN_FILE="$(q "select BeneficiaryId from SupportRequests where Id='$CLOSED_REQ'")"
  BIG_SESSION="$(q "select SessionId from AgendaItems where TenantId='$T' and SessionId in (select Id from CommitteeSessions where Status=1 and HeldOn > (select date(max(HeldOn), '-60 days') from CommitteeSessions)) group by SessionId order by count(*) desc limit 1")"
  NEXT_SESSION="$(q "select Id from CommitteeSessions where TenantId='$T' and Status=0 order by HeldOn limit 1")"
  OPEN_ITEM="$(q "select Id from AgendaItems where TenantId='$T' and Status=0 order by rowid desc limit 1")"
  DECIDED_ITEM="$(q "select Id from AgendaItems where SessionId='$BIG_SESSION' and Status=1 limit 1")"
  read -r LETTER CODE < <(q "select Id || ' ' || VerificationCode from Letters where TenantId='$T' and Status=2 order by IssuedAtUtc desc limit 1") || true
  read -r NID MOBILE NAME < <(sqlite3 -separator ' ' "$db" "select IdentityNumber, '0' || substr(Mobile, 5), FirstName from Beneficiaries where Id='$PLAIN_FILE'") || true
  SERVICE="$(q "select Id from SupportServices where TenantId='$T' and Code='FOOD-BASKET'")"
  FEEDBACK="$(q "select Id from FeedbackItems where TenantId='$T' order by ReceivedAtUtc desc limit 1")"
  local v
  for v in OPEN_REQ CLOSED_REQ BUSY_FILE PLAIN_FILE BIG_SESSION NEXT_SESSION OPEN_ITEM DECIDED_ITEM LETTER CODE NID MOBILE NAME SERVICE FEEDBACK; do
    [[ -n "${!v}" ]] || { echo "no subject for $v in $db" >&2; exit 1; }
  done
  local name family nobody
  name="$(urlenc "$NAME")"; family="$(urlenc 'الزبيدي')"; nobody="$(urlenc 'زكريا')"
  echo "subjects: open request $OPEN_REQ, closed request $CLOSED_REQ, busy file $BUSY_FILE ($(q "select count(*) from SupportRequests where BeneficiaryId='$BUSY_FILE'") requests, $(q "select count(*) from Letters where SubjectId in (select Id from SupportRequests where BeneficiaryId='$BUSY_FILE')") letters), plain file $PLAIN_FILE"
  echo "          session $BIG_SESSION ($(q "select count(*) from AgendaItems where SessionId='$BIG_SESSION'") items), next session $NEXT_SESSION, open item $OPEN_ITEM, decided item $DECIDED_ITEM, letter $LETTER"
  ALL_PAGES=(
    "dashboard|admin|/"
    "dashboard (manager)|manager|/"
    "queue|admin|/Requests"
    "queue: awaiting committee|admin|/Requests?State=AwaitingCommittee"
    "queue: closed|admin|/Requests?State=Closed"
    "queue: service|admin|/Requests?Service=$SERVICE"
    "request, open|admin|/Requests/Details/$OPEN_REQ"
    "request, closed|admin|/Requests/Details/$CLOSED_REQ"
    "beneficiaries list|admin|/Beneficiaries"
    "search: first name|admin|/Beneficiaries?q=$name"
    "search: family name|admin|/Beneficiaries?q=$family"
    "search: no match|admin|/Beneficiaries?q=$nobody"
    "search: national ID|admin|/Beneficiaries?q=$NID"
    "search: mobile|admin|/Beneficiaries?q=$MOBILE"
    "file, typical|admin|/Beneficiaries/Details/$PLAIN_FILE"
    "file, many requests|admin|/Beneficiaries/Details/$BUSY_FILE"
    "contacts|admin|/Contacts"
    "committee home|admin|/Committee"
    "committee home (secretary)|secretary|/Committee"
    "session, decided|admin|/Committee/Sessions/Details/$BIG_SESSION"
    "session, next|admin|/Committee/Sessions/Details/$NEXT_SESSION"
    "agenda item, open (member)|member|/Committee/Items/$OPEN_ITEM"
    "agenda item, decided|admin|/Committee/Items/$DECIDED_ITEM"
    "decision window|admin|/Requests/Window"
    "notifications (manager)|manager|/Notifications"
    "letters register|admin|/Letters"
    "letter|admin|/Letters/Details/$LETTER"
    "verify (anonymous)|-|/verify/$CODE"
    "satisfaction|admin|/Satisfaction"
    "feedback|admin|/Feedback"
    "feedback item|admin|/Feedback/Details/$FEEDBACK"
    "policies|admin|/Policies"
    "audit log|admin|/Admin/Audit"
    "admin: users|admin|/Admin/Users"
    "admin: services|admin|/Admin/Services"
    "admin: document types|admin|/Admin/DocumentTypes"
    "admin: committee|admin|/Admin/Committee"
    "admin: settings|admin|/Admin/Settings"
    "admin: letterhead|admin|/Admin/Letterhead"
  )
}

declare -A COOKIE
declare -A SLOW
RESULTS_TSV="$WORK/results.tsv"
: >"$RESULTS_TSV"

# wrk on one page with $1 connections; prints one line, appends to the TSV.
measure() {
  local size="$1" c="$2" label="$3" user="$4" path="$5" header=() threads peak=0 sampler line
  [[ "$user" != "-" ]] && header=(-H "Cookie: ${COOKIE[$user]}")
  threads=$((c < $(nproc) ? c : $(nproc)))
  # Probe: a page slower than SLOW_MS twice in a row (the first may be cold: JIT, caches) is not given to wrk.
  local probe=() first_ms=0
  if [[ -z "${SLOW[$label]:-}" ]]; then
    first_ms="$(curl -s -o /dev/null -w '%{time_total}' --max-time 120 "${header[@]}" "$BASE$path" | awk '{ printf "%d", $1 * 1000 }')"
    if ((first_ms > SLOW_MS)); then
      first_ms="$(curl -s -o /dev/null -w '%{time_total}' --max-time 120 "${header[@]}" "$BASE$path" | awk '{ printf "%d", $1 * 1000 }')"
      probe=("$first_ms")
    fi
  fi
  if [[ -n "${SLOW[$label]:-}" ]]; then
    line="$(printf '%s\t%s\t%s\t-\t-\t%s\t%s\t-\t-\t-\t%s\t-\tslow: timed with sequential curls in the first run' "$size" "$c" "$label" "${SLOW[$label]}" "${SLOW[$label]}" "$(cut -d' ' -f1 /proc/loadavg)")"
  elif ((first_ms > SLOW_MS)); then
    SLOW[$label]="$first_ms"
    # Too slow for wrk in a few seconds: a few sequential curls (each up to 120 s).
    local times=("${probe[@]}") code=200
    ( while :; do r=$(rss); ((r > peak)) && peak=$r; echo "$peak" >"$WORK/peak"; sleep 0.2; done ) & sampler=$!
    for ((i = ${#probe[@]}; i < SLOW_RUNS; i++)); do
      code_time="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 120 "${header[@]}" "$BASE$path")"
      times+=("$(echo "$code_time" | awk '{ printf "%.0f", $2 * 1000 }')"); code="${code_time%% *}"
    done
    kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
    peak="$(cat "$WORK/peak" 2>/dev/null || echo 0)"
    local sorted; sorted="$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')"
    line="$(printf '%s\t%s\t%s\tcurl×%d\t-\t%s\t%s\t-\t-\t%s\t%s\t%s' "$size" "$c" "$label" "$SLOW_RUNS" \
      "$(echo $sorted | awk '{ print $int((NF + 1) / 2) }')" "$(echo $sorted | awk '{ print $NF }')" \
      "$([[ $code == 200 ]] && echo 0 || echo "status $code")" "$(cut -d' ' -f1 /proc/loadavg)" "$peak")"
  else
    wrk -t"$threads" -c"$c" -d"$WARMUP" --timeout 60s "${header[@]}" "$BASE$path" >/dev/null 2>&1 || true
    echo 0 >"$WORK/peak"
    ( peak=0; while :; do r=$(rss); ((r > peak)) && peak=$r; echo "$peak" >"$WORK/peak"; sleep 0.2; done ) & sampler=$!
    local res
    res="$(wrk -t"$threads" -c"$c" -d"$DURATION" --timeout 60s -s "$WORK/report.lua" "${header[@]}" "$BASE$path" | grep '^RESULT' || echo "RESULT 0 0 0 0 0 0 -1")"
    kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
    peak="$(cat "$WORK/peak")"
    read -r _ n rps p50 p95 p99 max err <<<"$res"
    line="$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' "$size" "$c" "$label" "$n" "$rps" "$p50" "$p95" "$p99" "$max" "$err" "$(cut -d' ' -f1 /proc/loadavg)" "$peak")"
    if ((n < 3)); then line="$line	(fewer than 3 requests in $DURATION)"; fi
  fi
  echo "$line" >>"$RESULTS_TSV"
  echo "$line" | awk -F'\t' '{ printf "%-28s c=%s requests=%s rps=%s median=%s p95=%s p99=%s max=%s errors=%s load=%s rss_peak=%sMB %s\n", $3, $2, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 }'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); dotnet $(dotnet --version); $(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2)"
echo "commit: $(git -C "$ROOT" log -1 --format='%h %s' | cut -c1-100)"
echo "run: $(date -u '+%Y-%m-%d %H:%M UTC'), DURATION=$DURATION WARMUP=$WARMUP PREWARM=$PREWARM CONNECTIONS='$CONNECTIONS' SLOW_MS=$SLOW_MS"
for size in $SIZES; do
  src="$DATA_DIR/$size.db"
  [[ -f "$src" ]] || { echo "no $src: generate it with benchmarks/generate.py (see benchmarks/README.md)" >&2; exit 1; }
  echo
  echo "=== $size: $src ($(du -h "$src" | cut -f1); $(sqlite3 "$src" "select count(*) from SupportRequests") requests, $(sqlite3 "$src" "select count(*) from Beneficiaries") files, $(sqlite3 "$src" "select count(*) from Letters") letters)"
  cp "$src" "$WORK/db.db"
  SLOW=()
  define_pages "$WORK/db.db"
  start_app "$WORK/db.db"
  for u in admin manager secretary member; do COOKIE[$u]="$(sign_in $u)"; done
  if [[ $CHECK == 1 ]]; then
    fails=0
    for p in "${ALL_PAGES[@]}"; do
      IFS='|' read -r label user path <<<"$p"
      [[ -n "$PAGES" && ! "$label" =~ $PAGES ]] && continue
      h=(); [[ "$user" != "-" ]] && h=(-H "Cookie: ${COOKIE[$user]}")
      r="$(curl -s -o "$WORK/page.html" -w '%{http_code} %{size_download} %{time_total}' --max-time 120 "${h[@]}" "$BASE$path")"
      printf '%-28s %-7s %s\n' "$label" "$user" "$r"
      if [[ -n "${KEEP_HTML:-}" ]]; then mkdir -p "$KEEP_HTML/$size"; cp "$WORK/page.html" "$KEEP_HTML/$size/${label//[^A-Za-z0-9]/_}.html"; fi
      [[ "$r" == 200* ]] || fails=$((fails + 1))
    done
    echo "pages not answering 200: $fails"
    grep -c '"Level":"Error"\|fail:' "$WORK/logs/"* "$WORK/console.log" 2>/dev/null | sed 's/^/errors logged: /' || true
    stop_app
    continue
  fi
  if [[ "$PREWARM" != 0 && "$PREWARM" != 0s ]]; then
    echo "--- $size, pre-warm: every page, 8 connections, $PREWARM each ($(date -u +%H:%M:%S) UTC)"
    for p in "${ALL_PAGES[@]}"; do
      IFS='|' read -r label user path <<<"$p"
      [[ -n "$PAGES" && ! "$label" =~ $PAGES ]] && continue
      h=(); [[ "$user" != "-" ]] && h=(-H "Cookie: ${COOKIE[$user]}")
      ms="$(curl -s -o /dev/null -w '%{time_total}' --max-time 120 "${h[@]}" "$BASE$path" | awk '{ printf "%d", $1 * 1000 }')"
      ((ms > SLOW_MS)) && continue
      wrk -t"$(nproc)" -c8 -d"$PREWARM" --timeout 60s "${h[@]}" "$BASE$path" >/dev/null 2>&1 || true
    done
  fi
  if [[ -n "${PROFILE:-}" ]]; then
    mkdir -p "$PROFILE"
    for p in "${ALL_PAGES[@]}"; do
      IFS='|' read -r label user path <<<"$p"
      [[ -n "$PAGES" && ! "$label" =~ $PAGES ]] && continue
      h=(); [[ "$user" != "-" ]] && h=(-H "Cookie: ${COOKIE[$user]}")
      data="$PROFILE/$size-${label//[^A-Za-z0-9]/_}.perf.data"
      wrk -t"$(nproc)" -c8 -d"$((${PROFILE_SECONDS:-10} + 2))s" --timeout 60s "${h[@]}" "$BASE$path" >"$WORK/wrk.txt" 2>&1 & wrk_pid=$!
      sleep 1
      perf record -F 999 -g -p "$APP_PID" -o "$data" -- sleep "${PROFILE_SECONDS:-10}" >/dev/null 2>&1 || true
      wait "$wrk_pid" || true
      echo "=== profile: $label ($(grep -o 'Requests/sec: *[0-9.]*' "$WORK/wrk.txt"), load $(cut -d' ' -f1 /proc/loadavg))"
      python3 "$ROOT/benchmarks/perf-buckets.py" "$data" | sed 's/^/  /'
    done
    stop_app
    continue
  fi
  for c in $CONNECTIONS; do
    echo "--- $size, $c connection(s) ($(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))"
    for p in "${ALL_PAGES[@]}"; do
      IFS='|' read -r label user path <<<"$p"
      [[ -n "$PAGES" && ! "$label" =~ $PAGES ]] && continue
      measure "$size" "$c" "$label" "$user" "$path"
    done
  done
  echo "app RSS at the end: $(rss) MB"
  stop_app
done
[[ $CHECK == 1 ]] && exit 0

echo
echo "== tables (times in ms; rss = peak VmRSS of the web process during the run, MB; load = 1-minute load average at the end)"
python3 - "$RESULTS_TSV" <<'PY'
import sys, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
sizes = list(dict.fromkeys(r[0] for r in rows)); conns = list(dict.fromkeys(r[1] for r in rows))
labels = list(dict.fromkeys(r[2] for r in rows))
by = {(r[0], r[1], r[2]): r for r in rows}
for size in sizes:
    print(f"\n### {size}\n")
    head = "| page | " + " | ".join(f"c={c}: req/s | p50 | p95 | p99 | non-2xx | load | rss" for c in conns) + " |"
    print(head); print("|" + "---|" * (1 + 7 * len(conns)))
    for l in labels:
        cells = []
        for c in conns:
            r = by.get((size, c, l))
            cells += ["", "", "", "", "", "", ""] if r is None else [r[4], r[5], r[6], r[7], r[9], r[10], r[11]]
        print(f"| {l} | " + " | ".join(cells) + " |")
if len(sizes) >= 2:
    a, b = sizes[0], sizes[-1]
    print(f"\n### p95({b}) / p95({a})\n")
    for l in labels:
        parts = []
        for c in conns:
            ra, rb = by.get((a, c, l)), by.get((b, c, l))
            try:
                parts.append(f"c={c}: {float(rb[6]):.1f} / {float(ra[6]):.1f} ms = {float(rb[6]) / float(ra[6]):.1f}×")
            except Exception:
                parts.append(f"c={c}: n/a")
        print(f"- {l}: " + "; ".join(parts))
PY
echo
echo "== raw (size, connections, page, requests, req/s, p50, p95, p99, max, errors, load, rss MB)"
cat "$RESULTS_TSV"
