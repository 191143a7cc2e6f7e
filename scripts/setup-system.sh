#!/usr/bin/env bash
# System packages the portal and the tests use, from Debian: Chromium (browser tests) and
# mkdocs + mkdocs-material (TechDocs). Installs them when running as root; otherwise prints what
# to install. Never fails the caller: what is missing is reported by the checks that need it.
set -u
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
