#!/usr/bin/env bash
# Command (2) of the README: installs everything needed and runs every check — type check,
# lint, prettier, build of every package, unit/integration tests, then the browser end-to-end
# tests against a started portal. Each check step counts as one test, each Jest test as one.
# The last line is `N passed, N failed`; the exit code is non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
ART="$ROOT/e2e-artifacts"
mkdir -p "$ART/reports"
passed=0
failed=0
failures=()

finish() {
  echo
  [ ${#failures[@]} -gt 0 ] && printf 'failed: %s\n' "${failures[@]}"
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

step() {
  local name="$1"
  shift
  local started=$SECONDS
  echo "=== $name"
  if "$@"; then
    passed=$((passed + 1))
    echo "--- $name: ok ($((SECONDS - started)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "--- $name: FAILED ($((SECONDS - started)) s)"
  fi
}

jest_step() {
  local name="$1" report="$2"
  shift 2
  local started=$SECONDS
  echo "=== $name"
  rm -f "$report"
  "$@" --json --outputFile="$report"
  local counts
  counts=$(node scripts/jest-counts.js "$report")
  local p=${counts% *} f=${counts#* }
  passed=$((passed + p))
  failed=$((failed + f))
  [ "$f" -gt 0 ] && failures+=("$name ($f)")
  echo "--- $name: $p passed, $f failed ($((SECONDS - started)) s)"
}

source scripts/env.sh || { failed=1; failures+=("node bootstrap"); finish; }
bash scripts/setup-system.sh
if ! bash scripts/services.sh; then
  if [ "${CI:-}" = "true" ]; then
    failed=$((failed + 1))
    failures+=("PostgreSQL/Redis for multi-instance tests")
  else
    echo "[test] PostgreSQL/Redis unavailable: the PostgreSQL tests will skip (a failure under CI=true)"
    export KARPENTER_TEST_WITHOUT_POSTGRES="PostgreSQL is not reachable on 127.0.0.1:5432 (scripts/services.sh)"
  fi
fi

step "yarn install" yarn install --immutable
[ "$failed" -gt 0 ] && [ "${failures[-1]}" = "yarn install" ] && finish

step "tsc (strict)" yarn tsc
step "API reports (repo-tools api-reports --ci: a changed public API needs its report)" yarn test:api-reports
step "lint" yarn backstage-cli repo lint
step "prettier" yarn prettier --check .
step "package metadata (backstage-cli repo fix --check --publish)" yarn backstage-cli repo fix --check --publish
step "unused dependencies (knip)" yarn test:unused-deps
step "build" yarn backstage-cli repo build --all

CI=true jest_step "unit and integration tests" "$ART/reports/unit.json" \
  yarn backstage-cli repo test --maxWorkers=2

# Browser end-to-end: the portal (simulator + backend serving the built frontend) in its own
# process group, stopped by it.
echo "=== start portal for browser tests"
setsid bash scripts/run-portal.sh e2e >"$ART/portal.log" 2>&1 &
portal_pgid=$!
trap 'kill -TERM -- -$portal_pgid 2>/dev/null' EXIT
if node scripts/wait-for.js http://localhost:7007/api/karpenter/health 180 &&
  node scripts/wait-for.js http://localhost:7007/ 60; then
  passed=$((passed + 1))
  KARPENTER_E2E_PORTAL_URL=http://localhost:7007 \
    KARPENTER_E2E_BACKEND_URL=http://localhost:7007 CI=true \
    jest_step "browser end-to-end tests" "$ART/reports/e2e.json" \
    yarn backstage-cli repo test --maxWorkers=1 --testPathPatterns 'e2e'
else
  failed=$((failed + 1))
  failures+=("portal start (see e2e-artifacts/portal.log)")
  tail -40 "$ART/portal.log"
fi
kill -TERM -- -"$portal_pgid" 2>/dev/null
wait "$portal_pgid" 2>/dev/null
trap - EXIT
finish
