#!/usr/bin/env bash
# Juthuruna build entry point.
#   ./build.sh run    prerequisites, one build, then the web app on http://localhost:5080 (SQLite + demo data)
#   ./build.sh test   prerequisites, one build of Juthuruna.sln, all test projects; last line "N passed, N failed"
# Environment overrides: CONFIGURATION (Release), ASPNETCORE_ENVIRONMENT (Development for run),
# ASPNETCORE_URLS (http://localhost:5080 for run), TEST_RESULTS_DIR (artifacts/test-results), CI.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

CONFIGURATION="${CONFIGURATION:-Release}"
WEB_PROJECT_DIR="src/Juthuruna.Web"
APT_PACKAGES=(chromium fonts-hosny-amiri fonts-noto-core poppler-utils)

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Non-interactive, colourless output on CI or when stdout is not a terminal.
DOTNET_OUTPUT_ARGS=(--nologo)
if [[ "${CI:-}" == "true" || ! -t 1 ]]; then
  export NO_COLOR=1 TERM=dumb DOTNET_CLI_UI_LANGUAGE=en
  DOTNET_OUTPUT_ARGS+=(--tl:off -clp:DisableConsoleColor)
fi

log() { printf '==> %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
  cat <<EOF
Usage: ./build.sh <command>
  run    install prerequisites if missing, build ($CONFIGURATION), run the web app (SQLite, demo data)
  test   install prerequisites if missing, build Juthuruna.sln once, run every test project
EOF
}

# --- prerequisites ------------------------------------------------------------------------------

package_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing_prerequisites() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  if command -v dpkg-query >/dev/null 2>&1; then
    package_installed fonts-hosny-amiri || missing+=(fonts-hosny-amiri)
    package_installed fonts-noto-core || missing+=(fonts-noto-core)
  else
    # Not Debian: ask fontconfig instead.
    fc-list 2>/dev/null | grep -qi 'amiri' || missing+=(fonts-hosny-amiri)
    fc-list 2>/dev/null | grep -qi 'NotoNaskhArabic\|Noto Naskh Arabic' || missing+=(fonts-noto-core)
  fi
  printf '%s\n' "${missing[@]}"
}

ensure_prerequisites() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET SDK is not installed (global.json asks for 10.0.401 or a later feature band): https://dot.net"

  local missing
  missing="$(missing_prerequisites)"
  if [[ -n "$missing" ]]; then
    local install_cmd="apt-get install -y --no-install-recommends ${APT_PACKAGES[*]}"
    log "missing prerequisites: $(echo "$missing" | tr '\n' ' ')"
    if [[ "$(id -u)" -ne 0 ]]; then
      printf 'Please install them as root, then run this script again:\n  sudo apt-get update -qq && sudo %s\n' "$install_cmd" >&2
      exit 1
    fi
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install ${APT_PACKAGES[*]} (or their equivalents) by hand"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y --no-install-recommends "${APT_PACKAGES[@]}"
    missing="$(missing_prerequisites)"
    [[ -z "$missing" ]] || die "still missing after apt-get install: $(echo "$missing" | tr '\n' ' ')"
  fi

  log "dotnet tool restore"
  dotnet tool restore >/dev/null
}

# --- run ----------------------------------------------------------------------------------------

cmd_run() {
  ensure_prerequisites
  log "dotnet build $WEB_PROJECT_DIR ($CONFIGURATION)"
  dotnet build "$WEB_PROJECT_DIR/Juthuruna.Web.csproj" -c "$CONFIGURATION" "${DOTNET_OUTPUT_ARGS[@]}"

  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
  export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
  log "starting Juthuruna.Web ($ASPNETCORE_ENVIRONMENT) on $ASPNETCORE_URLS — Ctrl+C to stop"
  # The working directory is the content root: App_Data/ (database, keys, logs) lands in the web project.
  cd "$WEB_PROJECT_DIR"
  exec dotnet "bin/$CONFIGURATION/net10.0/Juthuruna.Web.dll"
}

# --- test ---------------------------------------------------------------------------------------

# Sums the <Counters> of every TRX file; prints "passed failed skipped files".
# Failed includes the error/timeout/aborted outcomes; skipped are the tests that did not execute.
sum_trx() {
  local dir="$1"
  local passed=0 failed=0 skipped=0 files=0 f line
  shopt -s nullglob
  for f in "$dir"/*.trx; do
    files=$((files + 1))
    line="$(grep -o '<Counters [^>]*>' "$f" | head -n 1 || true)"
    [[ -n "$line" ]] || { failed=$((failed + 1)); continue; }
    attr() { local v; v="$(printf '%s' "$line" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || true)"; echo "${v:-0}"; }
    local total executed
    total="$(attr total)"; executed="$(attr executed)"
    passed=$((passed + $(attr passed)))
    failed=$((failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
    skipped=$((skipped + total - executed))
  done
  shopt -u nullglob
  echo "$passed $failed $skipped $files"
}

# Names every failed test and the first lines of its message, so the tail of a CI log says what broke.
list_failures() {
  local dir="$1"
  shopt -s nullglob
  local files=("$dir"/*.trx)
  shopt -u nullglob
  [[ ${#files[@]} -gt 0 ]] || return 0
  perl -0777 -ne '
    while (/<UnitTestResult\b([^>]*?)outcome="(?:Failed|Error|Timeout|Aborted)"[^>]*>(.*?)<\/UnitTestResult>/gs) {
      my ($attrs, $body) = ($1, $2);
      my ($name) = $attrs =~ /testName="([^"]*)"/;
      my ($message) = $body =~ /<Message>(.*?)<\/Message>/s;
      $message //= "";
      for ($name, $message) { s/&quot;/"/g; s/&apos;/\x27/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/&/g; }
      my @lines = grep { /\S/ } split /\n/, $message;
      print "FAILED: $name\n";
      print "    $_\n" for @lines[0 .. ($#lines < 5 ? $#lines : 5)];
    }' "${files[@]}"
}

cmd_test() {
  ensure_prerequisites
  local results="${TEST_RESULTS_DIR:-$ROOT/artifacts/test-results}"
  rm -rf "$results"
  mkdir -p "$results"

  log "dotnet build Juthuruna.sln ($CONFIGURATION)"
  if ! dotnet build Juthuruna.sln -c "$CONFIGURATION" "${DOTNET_OUTPUT_ARGS[@]}"; then
    # No tests ran, so there is no honest "N passed, N failed" line to print.
    echo "BUILD FAILED: no tests were run"
    exit 2
  fi

  # One `dotnet test --no-build` per test project, all in parallel: a solution-level run cannot give
  # each project its own TRX file name (vstest has no {assembly} token), and a crashed project must
  # be told apart from an empty one.
  local projects=() project name
  for project in tests/*/*.csproj; do projects+=("$project"); done
  [[ ${#projects[@]} -gt 0 ]] || die "no test projects under tests/"

  log "dotnet test --no-build: ${#projects[@]} test projects in parallel (results in ${results#"$ROOT"/})"
  local pids=() statuses=()
  for project in "${projects[@]}"; do
    name="$(basename "$project" .csproj)"
    dotnet test "$project" -c "$CONFIGURATION" --no-build "${DOTNET_OUTPUT_ARGS[@]}" \
      --results-directory "$results" \
      --logger "trx;LogFileName=$name.trx" \
      --logger "console;verbosity=normal" >"$results/$name.log" 2>&1 &
    pids+=($!)
  done
  local i
  for i in "${!pids[@]}"; do
    statuses[i]=0
    wait "${pids[i]}" || statuses[i]=$?
  done

  local passed failed skipped files
  read -r passed failed skipped files < <(sum_trx "$results")

  local problems=0
  for i in "${!projects[@]}"; do
    name="$(basename "${projects[i]}" .csproj)"
    printf '\n----- %s (dotnet test exit code %s) -----\n' "$name" "${statuses[i]}"
    cat "$results/$name.log"
    if [[ ! -f "$results/$name.trx" ]]; then
      # Crashed or never started: count it as a failure, never as a pass.
      echo "ERROR: no test results for $name (the test host crashed or the project did not run)"
      problems=$((problems + 1))
    elif [[ "${statuses[i]}" -ne 0 ]] && ! grep -q ' failed="[1-9]' "$results/$name.trx"; then
      echo "ERROR: dotnet test failed for $name although its TRX records no failed test"
      problems=$((problems + 1))
    fi
  done
  failed=$((failed + problems))

  echo
  list_failures "$results"
  echo "skipped: $skipped (from $files TRX files in ${results#"$ROOT"/})"
  echo "$passed passed, $failed failed"
  [[ "$failed" -eq 0 ]]
}

case "${1:-}" in
  run) cmd_run ;;
  test) cmd_test ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 64 ;;
esac
