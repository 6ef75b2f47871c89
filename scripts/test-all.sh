#!/usr/bin/env bash
# `npm test`: every check CI runs, in order, failing fast.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$*"; }

step "typecheck"; npx tsc --noEmit
step "lint (ESLint, the Biome formatter, the folder rules)"; npm run --silent lint
step "unit tests"; npx vitest run --project unit
step "database tests (Postgres at 127.0.0.1:5432 and embedded PGlite)"; npx vitest run --project db-postgres --project db-pglite
step "production build"; npx next build
step "end-to-end (Chromium)"; npx playwright test
