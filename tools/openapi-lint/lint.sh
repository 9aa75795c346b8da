#!/usr/bin/env bash
# Lints docs/openapi.json (the served document's snapshot) with Redocly CLI as pinned in this folder's
# package.json and lock file, under redocly.yaml: any warning fails. Run by `./mvnw verify` (module api).
# Without npm the lint is skipped, saying so, unless GIGSTREAM_OPENAPI_LINT=required (.ci/run sets it).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  if [ "${GIGSTREAM_OPENAPI_LINT:-}" = "required" ]; then
    echo "OpenAPI lint: npm is not on the PATH but GIGSTREAM_OPENAPI_LINT=required" >&2
    exit 1
  fi
  echo "[gigstream] SKIPPED: the OpenAPI lint needs Node.js 20.19+ and npm on the PATH (.ci/run installs them)"
  exit 0
fi
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
# Redocly's usage reporting and update check stay off: the build calls nothing it does not need
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true npm run --silent lint
