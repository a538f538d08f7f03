#!/usr/bin/env bash
# The one test command: installs what the tests need (on Debian), builds the solution, runs every test
# assembly, and ends with one line: "Tests: N passed, N failed" (", N skipped" only when some were skipped).
#
#   ./test.sh                      # everything
#   ./test.sh --filter Name~Flow   # extra arguments go to `dotnet test`
#
# Environment:
#   HALO_SKIP_APT=1             do not check/install apt packages
#   HALO_TEST_POSTGRES=...      use this PostgreSQL server (base connection string) instead of a throwaway cluster
#   HALO_TEST_RESULTS_DIR=...   where .trx files go (default: artifacts/test-results; emptied on each run)
#   HALO_SKIP_AUDIT=1           do not run the dependency audit (dotnet list package --vulnerable, npm audit)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# APT_PACKAGES: system packages the tests need. Add new ones here (one list, installed only if missing).
#   postgresql        PostgreSQL 15 server binaries (/usr/lib/postgresql/15/bin) for integration tests
#   tesseract-ocr     OCR of payment receipt screenshots (HaloAgent.Payments runs the `tesseract` CLI; English data)
#   librsvg2-bin      `rsvg-convert`: the payments tests render receipt SVGs to PNG for real OCR
#   fonts-noto-core   Noto Sans for those renders (₦ and Yoruba tone marks draw correctly)
#   ffmpeg            converts WhatsApp voice notes (OGG/Opus) for transcription; tests make a tiny OGG with it
#   chromium          Debian's headless Chromium, driven by Microsoft.Playwright in the browser tests (web chat, Studio)
#   curl              the dependency audit reads each NuGet source's service index (does it publish vulnerability data?)
# ---------------------------------------------------------------------------------------------
APT_PACKAGES=(
  postgresql
  tesseract-ocr
  librsvg2-bin
  fonts-noto-core
  ffmpeg
  chromium
  curl
)

apt_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" == "installed" ]]
}

install_apt_packages() {
  if [[ "${HALO_SKIP_APT:-}" == "1" ]]; then
    log "HALO_SKIP_APT=1: not checking apt packages"
    return
  fi
  if ! command -v dpkg-query >/dev/null 2>&1; then
    log "no dpkg-query (not Debian?): make sure these are installed: ${APT_PACKAGES[*]}"
    return
  fi

  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    apt_installed "$pkg" || missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    return
  fi

  local sudo=()
  if [[ "$(id -u)" != "0" ]]; then
    command -v sudo >/dev/null 2>&1 || die "missing apt packages (${missing[*]}) and not root/no sudo: install them or run as root"
    sudo=(sudo -n)
  fi
  log "installing apt packages: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

install_npm_packages() {
  local studio="$ROOT/src/HaloAgent.Studio"
  [[ -f "$studio/package.json" ]] || return 0
  command -v npm >/dev/null 2>&1 || die "npm not found: it is needed for src/HaloAgent.Studio (install Node.js/npm)"
  log "npm packages for src/HaloAgent.Studio"
  if [[ -f "$studio/package-lock.json" || -f "$studio/npm-shrinkwrap.json" ]]; then
    (cd "$studio" && npm ci --no-audit --no-fund)
  else
    (cd "$studio" && npm install --no-audit --no-fund)
  fi
}

# Sums the <Counters .../> of every .trx under $1; prints "files total executed passed failed".
sum_trx_counters() {
  local dir="$1"
  local files=()
  while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$dir" -type f -name '*.trx' -print0 2>/dev/null)
  if ((${#files[@]} == 0)); then
    echo "0 0 0 0 0"
    return
  fi
  local f
  for f in "${files[@]}"; do
    # One Counters element per file; join lines first in case a writer ever wraps attributes.
    tr '\n\r' '  ' <"$f" | grep -o '<Counters [^>]*>' || echo '<Counters missing="1" />'
  done | awk '
    function attr(s, name,   v) {
      if (match(s, " " name "=\"[0-9]+\"")) { v = substr(s, RSTART, RLENGTH); gsub(/[^0-9]/, "", v); return v + 0 }
      return 0
    }
    {
      files++
      total += attr($0, "total"); executed += attr($0, "executed"); passed += attr($0, "passed")
      failed += attr($0, "failed") + attr($0, "error") + attr($0, "timeout") + attr($0, "aborted")
      if (attr($0, "missing")) failed++
    }
    END { printf "%d %d %d %d %d\n", files, total, executed, passed, failed }'
}

install_apt_packages

if ! command -v dotnet >/dev/null 2>&1; then
  if [[ -x "$HOME/.dotnet/dotnet" ]]; then
    export PATH="$HOME/.dotnet:$PATH"
  else
    die "dotnet not found on PATH: install the .NET 10 SDK (https://dot.net) and re-run ./test.sh"
  fi
fi

install_npm_packages

RESULTS_DIR="${HALO_TEST_RESULTS_DIR:-$ROOT/artifacts/test-results}"
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

log "dotnet build HaloAgent.sln -c Release"
if ! dotnet build HaloAgent.sln -c Release; then
  echo "Build failed: no tests ran" >&2
  exit 1
fi

# Dependency audit: a known-vulnerable NuGet package (direct or transitive) or an npm advisory of high severity or worse
# in the Studio fails the run. The full reports are written next to the test results (audit-nuget.txt, audit-npm.json).
# A registry that publishes no vulnerability data (a partial mirror: no VulnerabilityInfo resource in the NuGet v3
# index, or npm's advisory endpoint refused) cannot prove anything either way: that is reported as UNAVAILABLE, loudly,
# and does not fail the run.
audit_status=0
audit_summary=()
audit_nuget() {
  local report="$RESULTS_DIR/audit-nuget.txt" sources feeds=0 source index unread=()
  if ! command -v curl >/dev/null 2>&1; then
    echo "curl not found: the NuGet sources' service indexes could not be read (install curl, see APT_PACKAGES)" >"$report"
    audit_summary+=("NuGet UNAVAILABLE (curl not found; see $report)")
    return
  fi
  sources=$(dotnet nuget list source --format short 2>/dev/null | awk '$1 ~ /^E/ {print $2}')
  for source in $sources; do
    [[ "$source" == http*index.json ]] || continue
    # Read whole, then searched: `curl | grep -q` under pipefail fails when grep stops reading early.
    if ! index=$(curl -fsS --max-time 20 "$source" 2>&1); then
      unread+=("$source: $index")
    elif [[ "$index" == *'"VulnerabilityInfo'* ]]; then
      feeds=$((feeds + 1))
    fi
  done
  if ((feeds == 0)); then
    {
      echo "No enabled NuGet source publishes vulnerability data (VulnerabilityInfo): $sources"
      ((${#unread[@]} == 0)) || printf 'Could not read %s\n' "${unread[@]}"
    } >"$report"
    if ((${#unread[@]} > 0)); then
      audit_summary+=("NuGet UNAVAILABLE (${#unread[@]} source(s) could not be read, none publishes vulnerability data; see $report)")
    else
      audit_summary+=("NuGet UNAVAILABLE (no configured source publishes vulnerability data; see $report)")
    fi
    return
  fi
  if ! dotnet list HaloAgent.sln package --vulnerable --include-transitive >"$report" 2>&1; then
    audit_summary+=("NuGet FAILED to run (see $report)")
    audit_status=1
  elif grep -q "has the following vulnerable packages" "$report"; then
    audit_summary+=("NuGet VULNERABLE packages (see $report)")
    audit_status=1
  else
    audit_summary+=("NuGet clean")
  fi
}
audit_npm() {
  local studio="$ROOT/src/HaloAgent.Studio" report="$RESULTS_DIR/audit-npm.json"
  [[ -f "$studio/package-lock.json" ]] || return 0
  if (cd "$studio" && npm audit --audit-level=high --json >"$report" 2>/dev/null); then
    audit_summary+=("npm clean (no high or critical advisories)")
  elif node -e 'const r=require(process.argv[1]); process.exit(r.error || r.statusCode ? 0 : 1)' "$report" 2>/dev/null; then
    audit_summary+=("npm UNAVAILABLE (the registry's advisory endpoint refused: $(node -e 'const r=require(process.argv[1]); console.log(r.message || (r.error && r.error.summary) || "")' "$report"); see $report)")
  else
    audit_summary+=("npm VULNERABLE: high or critical advisories (see $report)")
    audit_status=1
  fi
}
if [[ "${HALO_SKIP_AUDIT:-}" != "1" ]]; then
  log "dependency audit: dotnet list package --vulnerable, npm audit --audit-level=high"
  audit_nuget
  audit_npm
  for line in "${audit_summary[@]}"; do echo "Audit: $line" >&2; done
else
  audit_summary+=("skipped (HALO_SKIP_AUDIT=1)")
fi

log "dotnet test HaloAgent.sln -c Release --no-build $*"
test_status=0
# LogFilePrefix (not LogFileName): with a fixed file name every test assembly would overwrite the same .trx.
dotnet test HaloAgent.sln -c Release --no-build \
  --logger "trx;LogFilePrefix=results" --results-directory "$RESULTS_DIR" "$@" || test_status=$?

# The Studio's Vitest unit tests (src/HaloAgent.Studio): counted from Vitest's JSON report.
vitest_passed=0
vitest_failed=0
if [[ -f "$ROOT/src/HaloAgent.Studio/package.json" ]]; then
  log "npm test (Vitest) in src/HaloAgent.Studio"
  vitest_json="$RESULTS_DIR/vitest.json"
  (cd "$ROOT/src/HaloAgent.Studio" && npx vitest run --reporter=json --outputFile="$vitest_json") || true
  if [[ -f "$vitest_json" ]]; then
    read -r vitest_passed vitest_failed < <(node -e 'const r=require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + (r.success || r.numFailedTests ? 0 : 1))' "$vitest_json")
  else
    echo "Vitest wrote no report: counted as one failure" >&2
    vitest_failed=1
  fi
fi

read -r trx_files total executed passed failed < <(sum_trx_counters "$RESULTS_DIR")
passed=$((passed + vitest_passed))
failed=$((failed + vitest_failed))
skipped=$((total - executed))
((skipped < 0)) && skipped=0

status=0
if ((test_status != 0)); then
  echo "dotnet test exited with code $test_status (results: $RESULTS_DIR)" >&2
  status=1
fi
if ((failed > 0)); then
  status=1
fi
# Repeated here, next to the counts: the audit ran before thousands of lines of test output.
for line in "${audit_summary[@]}"; do echo "Audit: $line" >&2; done
if ((audit_status != 0)); then
  echo "dependency audit found vulnerable packages: ${audit_summary[*]}" >&2
  status=1
fi
if ((executed == 0)); then
  echo "error: no tests ran ($trx_files result files in $RESULTS_DIR)" >&2
  status=1
fi

summary="Tests: $passed passed, $failed failed"
((skipped > 0)) && summary+=", $skipped skipped"
echo "$summary"
exit "$status"
