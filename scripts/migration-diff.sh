#!/usr/bin/env bash
# Prints the SQL that takes the database from FROM_SCHEMA (default: schema.prisma at HEAD) to the
# working-tree prisma/schema.prisma, using Prisma 6.19's JS engine (no schema-engine download).
# Usage: bash scripts/migration-diff.sh > prisma/migrations/$(date +%Y%m%d%H%M%S)_name/migration.sql
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
url="postgresql://postgres@127.0.0.1:5432/postgres"

with_url() { sed -e "s|provider = \"postgresql\"|provider = \"postgresql\"\n  url      = \"$url\"|" "$1"; }

if [ -n "${FROM_SCHEMA:-}" ]; then cp "$FROM_SCHEMA" "$work/from.src"; else git -C "$root" show HEAD:prisma/schema.prisma > "$work/from.src"; fi
with_url "$work/from.src" > "$work/from.prisma"
with_url "$root/prisma/schema.prisma" > "$work/to.prisma"

cd "$work"
echo '{"name":"migration-diff","private":true}' > package.json
npm i -s --no-audit --no-fund --ignore-scripts prisma@6.19 @prisma/adapter-pg@6.19 pg >/dev/null
cat > prisma.config.ts <<CONFIG
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "to.prisma",
  adapter: async () => new PrismaPg({ connectionString: "$url" }),
});
CONFIG
PRISMA_QUERY_ENGINE_LIBRARY=/bin/true PRISMA_SCHEMA_ENGINE_BINARY=/bin/true \
  npx prisma migrate diff --from-schema-datamodel from.prisma --to-schema-datamodel to.prisma --script
