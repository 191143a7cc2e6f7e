#!/usr/bin/env bash
# Command (1) of the README: installs everything needed and starts the local portal on its
# embedded defaults — the simulated Karpenter cluster (`demo` scenario) on loopback, SQLite under
# .data/ — with the frontend on http://localhost:3000 and the backend on http://localhost:7007.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/setup-system.sh
yarn install
mkdir -p .data
exec bash scripts/run-portal.sh dev
