#!/usr/bin/env bash
# System tools for the real-clients tests (tests/e2e, tests/print) and bench/lighthouse.py.
# Idempotent: installs only what is missing, so a second run takes a second.
#   Debian: chromium (used by path, decisions 14), poppler-utils (pdftoppm),
#           a Java runtime (the Nu HTML Checker), fonts-noto-cjk (pages and posters), Node.js.
#   npm:    axe-core, vnu-jar and lighthouse into .ci/node/node_modules, from the committed lock.
# No tool downloads a browser of its own: vnu-jar's postinstall (a Java downloader)
# is skipped with --ignore-scripts, and Lighthouse uses puppeteer-core, which has none.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1

missing=()
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
command -v chromium >/dev/null || missing+=(chromium)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
installed fonts-noto-cjk || missing+=(fonts-noto-cjk)

if ((${#missing[@]})); then
  echo "system-deps: apt-get install ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

node_dir=.ci/node
stamp="$node_dir/node_modules/.gongshi-lock.sha256"
wanted="$(sha256sum "$node_dir/package-lock.json" | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$wanted" ]]; then
  echo "system-deps: npm ci in $node_dir"
  npm ci --prefix "$node_dir" --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$wanted" >"$stamp"
fi

echo "system-deps: $(chromium --version 2>/dev/null | head -1); node $(node --version);" \
  "$(java -version 2>&1 | head -1); $(pdftoppm -v 2>&1 | head -1)"
