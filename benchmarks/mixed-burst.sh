#!/usr/bin/env bash
# Issue 13, "mixed load": one association fires BURST_LETTERS letter issues and BURST_REQUESTS request creations at
# once (form posts with antiforgery tokens, real Chromium, SQLite), while another association's officer records
# contacts one after another. Prints the contact write's latency idle and during the burst (median, p95), the burst's
# answers by status, and the load average. See docs/benchmarks.md, "Mixed load (issue 13)".
#   benchmarks/mixed-burst.sh             build Release, then measure
#   benchmarks/mixed-burst.sh --no-build  measure the existing Release build
# Env: PORT (5091), BURST_LETTERS (50), BURST_REQUESTS (50), IDLE_WRITES (20), ROOT (the checkout to run; default: this one).
# Needs: curl. Uses a throw-away data directory: never touches App_Data/.
set -euo pipefail

ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
PORT="${PORT:-5091}"
BURST_LETTERS="${BURST_LETTERS:-50}"
BURST_REQUESTS="${BURST_REQUESTS:-50}"
IDLE_WRITES="${IDLE_WRITES:-20}"
BASE="http://127.0.0.1:$PORT"
DLL="$ROOT/src/Juthuruna.Web/bin/Release/net10.0/Juthuruna.Web.dll"
ISSUER="officer@juthuruna.org.sa"     # association 1: letters and requests
WRITER="officer@albirr.org.sa"        # association 2: contacts
PASSWORD="Demo#2026"

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

(
  cd "$ROOT/src/Juthuruna.Web"
  ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$BASE" Demo__Seed=true \
    ConnectionStrings__Default="Data Source=$DATA/juthuruna.db" Letters__TimeoutSeconds=600 \
    DataProtection__KeysDirectory="$DATA/keys" Logging__Directory="$DATA/logs" \
    exec dotnet "$DLL" >"$DATA/console.log" 2>&1
) &
APP_PID=$!
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" == "200" ]]; do
  kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited:" >&2; cat "$DATA/console.log" >&2; exit 1; }
  sleep 0.1
done

token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
sign_in() { # jar email
  local t
  t="$(curl -s -c "$1" "$BASE/Account/Login" | token)"
  curl -s -o /dev/null -b "$1" -c "$1" --data-urlencode "Input.Email=$2" --data-urlencode "Input.Password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$t" "$BASE/Account/Login"
}
ISSUER_JAR="$DATA/issuer.txt"; WRITER_JAR="$DATA/writer.txt"
sign_in "$ISSUER_JAR" "$ISSUER"; sign_in "$WRITER_JAR" "$WRITER"
page() { curl -s -b "$1" -c "$1" "$BASE$2"; }

VERIFIED="$(page "$ISSUER_JAR" '/Requests?State=Verified' | grep -o 'href="/Requests/Details/[0-9a-f-]*"' | head -n 1 | sed 's/href="//; s/"$//')"
[[ -n "$VERIFIED" ]] || { echo "no verified request in the demo" >&2; exit 1; }
BENEFICIARY="$(page "$ISSUER_JAR" '/Beneficiaries' | grep -o 'href="/Beneficiaries/Details/[0-9a-f-]*"' | head -n 1 | sed 's/.*Details\///; s/"$//')"
CREATE="$(page "$ISSUER_JAR" "/Requests/Create?beneficiaryId=$BENEFICIARY")"
SERVICE="$(echo "$CREATE" | grep -o '<option value="[0-9a-f-]\{36\}"' | head -n 1 | sed 's/.*value="//; s/"$//')"
ISSUER_TOKEN="$(echo "$CREATE" | token)"
[[ -n "$SERVICE" && -n "$ISSUER_TOKEN" ]] || { echo "no request form for beneficiary $BENEFICIARY" >&2; exit 1; }
CONTACT_FORM="$(page "$WRITER_JAR" /Contacts/Create)"
WRITER_TOKEN="$(echo "$CONTACT_FORM" | token)"
OCCURRED="$(echo "$CONTACT_FORM" | grep -o 'name="Input.OccurredAt" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')"

uuid() { cat /proc/sys/kernel/random/uuid; }
contact() { # one contact write in association 2; prints "status seconds"
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$WRITER_JAR" \
    --data-urlencode "Input.CallerName=سعد الحربي" --data-urlencode "Input.CallerMobile=0559876543" \
    --data-urlencode "Input.Channel=Phone" --data-urlencode "Input.Direction=Incoming" --data-urlencode "Input.Type=Inquiry" \
    --data-urlencode "Input.Summary=يسأل عن مواعيد استقبال طلبات الدعم" --data-urlencode "Input.OccurredAt=$OCCURRED" \
    --data-urlencode "Input.IdempotencyKey=$(uuid)" --data-urlencode "__RequestVerificationToken=$WRITER_TOKEN" "$BASE/Contacts/Create"
}
letter() {
  curl -s -o /dev/null -w 'letter %{http_code} %{time_total}\n' -b "$ISSUER_JAR" \
    --data-urlencode "Kind=Receipt" --data-urlencode "SubjectId=${VERIFIED##*/}" --data-urlencode "Language=ar" \
    --data-urlencode "IdempotencyKey=$(uuid)" --data-urlencode "ReturnUrl=$VERIFIED" \
    --data-urlencode "__RequestVerificationToken=$ISSUER_TOKEN" "$BASE/Letters/Issue"
}
request() {
  curl -s -o /dev/null -w 'request %{http_code} %{time_total}\n' -b "$ISSUER_JAR" \
    --data-urlencode "Input.BeneficiaryId=$BENEFICIARY" --data-urlencode "Input.ServiceId=$SERVICE" --data-urlencode "Input.Channel=Phone" \
    --data-urlencode "Input.Description=أسرة تحتاج مساعدة عاجلة في الإيجار" --data-urlencode "Input.IdempotencyKey=$(uuid)" \
    --data-urlencode "__RequestVerificationToken=$ISSUER_TOKEN" "$BASE/Requests/Create?beneficiaryId=$BENEFICIARY"
}
stats() { # label < "status seconds" lines
  sort -k2 -n | awk -v label="$1" '{ t[NR] = $2 * 1000; s[$1]++ } END {
    n = NR; p95 = int(0.95 * n + 0.999); if (p95 < 1) p95 = 1
    st = ""; for (k in s) st = st " " k "x" s[k]
    printf "%-44s n=%d median %.0f ms, p95 %.0f ms, max %.0f ms; statuses:%s\n", label, n, t[int((n + 1) / 2)], t[p95], t[n], st }'
}

echo "machine: $(nproc) cores; checkout: $(git -C "$ROOT" log -1 --format='%h %s' | cut -c1-80)"
# Warm-up: Chromium's first print and the first contact write.
letter >/dev/null; contact >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

for ((i = 0; i < IDLE_WRITES; i++)); do contact; done >"$DATA/idle.txt"
stats "contact write, idle (sequential)" <"$DATA/idle.txt"

START=$(date +%s%3N)
{
  for ((i = 0; i < BURST_LETTERS; i++)); do letter & done
  for ((i = 0; i < BURST_REQUESTS; i++)); do request & done
  wait
} >"$DATA/burst.txt" &
BURST=$!
: >"$DATA/during.txt"
LOADS=""
while kill -0 "$BURST" 2>/dev/null; do
  contact >>"$DATA/during.txt"
  LOADS="$LOADS $(cut -d' ' -f1 /proc/loadavg)"
done
wait "$BURST" || true
END=$(date +%s%3N)

stats "contact write, during the burst (sequential)" <"$DATA/during.txt"
grep '^letter' "$DATA/burst.txt" | cut -d' ' -f2- | stats "letters ($BURST_LETTERS at once)"
grep '^request' "$DATA/burst.txt" | cut -d' ' -f2- | stats "request creations ($BURST_REQUESTS at once)"
echo "burst wall time: $((END - START)) ms; load average sampled during the burst:$LOADS"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "'database is locked' in the app's log: $(grep -c 'database is locked' "$DATA/console.log" || true)"
