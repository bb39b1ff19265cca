#!/usr/bin/env bash
# Regenerates the JSON schemas beside this script from the npm registry (README.md says what
# they are): bash deploy/k8s/schemas/refresh.sh [kubernetes-models version]
set -euo pipefail

models="${1:-5.1.0}"
generator=2.9.0
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund "kubernetes-models@$models" "ts-json-schema-generator@$generator"
cp "$here/generate.mjs" .
rm -f "$here"/*.json
node generate.mjs "$here"
