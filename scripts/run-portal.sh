#!/usr/bin/env bash
# Runs the simulator and the portal in one process group, stopping all of them together.
#   run-portal.sh dev  — frontend dev server on :3000 + backend on :7007 (`yarn start`)
#   run-portal.sh e2e  — backend on :7007 serving the built frontend (packages/app/dist), in-memory
#                        database, for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
mode="${1:-dev}"
pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

if [ -f packages/karpenter-simulator/bin/karpenter-simulator ]; then
  node packages/karpenter-simulator/bin/karpenter-simulator --scenario demo --port-base "${KARPENTER_SIMULATOR_PORT_BASE:-17100}" --control-port "${KARPENTER_SIMULATOR_CONTROL_PORT:-17199}" &
  pids+=($!)
fi

# the demo cluster's repository (plain HTTP on loopback) for the day-two change template
node scripts/serve-demo-repository.mjs &
pids+=($!)

configs=(--config ../../app-config.yaml)
if [ "$mode" = "e2e" ]; then
  configs+=(--config ../../app-config.e2e.yaml)
  (cd packages/backend && exec yarn backstage-cli package start "${configs[@]}") &
  pids+=($!)
else
  yarn start &
  pids+=($!)
fi
wait -n "${pids[@]}"
