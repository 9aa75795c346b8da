#!/usr/bin/env bash
# Compiles the TypeScript client that openapi-generator's typescript-fetch made from docs/openapi.json (the
# folder given, see client/pom.xml) with tsc as pinned in this folder's package.json and lock file, under
# tsconfig.json, together with docs/api.md's example (example.ts). First it checks that every schema of the
# document became a model of the same name: a generator renames a model whose name it reserves (a schema
# `File` becomes `ModelFile`). Run by `./mvnw verify` (module client). Without npm it is skipped, saying so,
# unless GIGSTREAM_TYPESCRIPT_CLIENT=required (.ci/run sets it).
set -euo pipefail
generated=$(cd "${1:?the folder of the generated TypeScript client}" && pwd)
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  if [ "${GIGSTREAM_TYPESCRIPT_CLIENT:-}" = "required" ]; then
    echo "TypeScript client: npm is not on the PATH but GIGSTREAM_TYPESCRIPT_CLIENT=required" >&2
    exit 1
  fi
  echo "[gigstream] SKIPPED: compiling the TypeScript client needs Node.js and npm on the PATH (.ci/run installs them)"
  exit 0
fi
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
node - "$generated/models" ../../docs/openapi.json <<'JS'
const fs = require('fs');
const [models, document] = process.argv.slice(2);
const schemas = Object.keys(JSON.parse(fs.readFileSync(document, 'utf8')).components.schemas);
const made = new Set(fs.readdirSync(models).filter(f => f.endsWith('.ts') && f !== 'index.ts').map(f => f.slice(0, -3)));
const renamed = schemas.filter(name => !made.has(name));
if (renamed.length > 0) {
  console.error(`TypeScript client: no model of the same name for the schemas ${renamed.join(', ')} (a name the generator reserves?)`);
  process.exit(1);
}
JS
cp tsconfig.json "$generated/tsconfig.json"
cp example.ts "$generated/example.ts"
node_modules/.bin/tsc --project "$generated/tsconfig.json"
echo "[gigstream] the TypeScript client ($(ls "$generated/models" | grep -vc '^index\.ts$') models) compiles with tsc $(node_modules/.bin/tsc --version | sed 's/^Version //')"
