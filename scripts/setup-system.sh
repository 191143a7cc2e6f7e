#!/usr/bin/env bash
# System packages the portal and the tests use, from Debian: Chromium (browser tests) and
# mkdocs + mkdocs-material (TechDocs). Installs them when running as root; otherwise prints what
# to install. Checks that kubectl (simulator tests, walkthrough) is present and says how to get it.
# Never fails the caller: what is missing is reported by the checks that need it.
set -u
# kubectl: the simulator's tests and the closed-loop walkthrough run it against the simulated
# cluster. Only checked (never downloaded): it comes from the machine's package repositories.
if ! command -v kubectl >/dev/null 2>&1; then
  echo "[setup] missing: kubectl — the simulator tests (packages/karpenter-simulator) and docs/walkthrough.md use it." >&2
  echo "[setup] install it from the package repository your machines use, e.g. sudo apt-get install -y kubectl" >&2
  echo "[setup] (Kubernetes' pkgs.k8s.io or the Google Cloud SDK apt repository; Debian's own kubernetes-client is an old 1.20)" >&2
fi
want=()
command -v chromium >/dev/null 2>&1 || want+=(chromium)
command -v mkdocs >/dev/null 2>&1 || want+=(mkdocs mkdocs-material)
if [ ${#want[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[setup] installing ${want[*]} from Debian" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1 || true
  apt-get install -y -qq "${want[@]}" >/dev/null 2>&1 || echo "[setup] apt-get install ${want[*]} failed" >&2
else
  echo "[setup] missing: ${want[*]} — install them with: sudo apt-get install -y ${want[*]}" >&2
  echo "[setup] (without mkdocs TechDocs pages cannot be generated; without chromium the browser tests fail)" >&2
fi
exit 0
