import type { Pool } from "pg";

// Compares what prisma/schema.prisma declares (its DMMF) with what the database really holds.

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
};
type DmmfModel = { name: string; dbName: string | null; fields: readonly DmmfField[] };
type DmmfIndex = {
  model: string;
  type: string;
  dbName?: string | null;
  fields: readonly { name: string }[];
};
export type SchemaDatamodel = { models: readonly DmmfModel[]; indexes: readonly DmmfIndex[] };

export type Column = { table: string; column: string; type: string; nullable: boolean };
export type Index = { table: string; name: string; columns: string[]; unique: boolean };
export type Catalog = { columns: Column[]; indexes: Index[] };

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Boolean: "bool",
  DateTime: "timestamp",
  Json: "jsonb",
  Bytes: "bytea",
  Decimal: "numeric",
};

function tableOf(model: DmmfModel): string {
  return model.dbName ?? model.name;
}

function columnType(field: DmmfField): string {
  const base = field.kind === "enum" ? field.type : (SCALAR_TYPES[field.type] ?? field.type);
  return field.isList ? `_${base}` : base;
}

function defaultIndexName(table: string, columns: string[], type: string): string {
  if (type === "id") return `${table}_pkey`;
  return `${table}_${columns.join("_")}_${type === "unique" ? "key" : "idx"}`;
}

export function expectedCatalog(dm: SchemaDatamodel): Catalog {
  const columns: Column[] = [];
  const indexes: Index[] = [];
  for (const model of dm.models) {
    const table = tableOf(model);
    const columnOf = new Map<string, string>();
    for (const f of model.fields) {
      if (f.kind !== "scalar" && f.kind !== "enum") continue;
      const column = f.dbName ?? f.name;
      columnOf.set(f.name, column);
      // Prisma creates list columns nullable.
      columns.push({ table, column, type: columnType(f), nullable: f.isList || !f.isRequired });
    }
    for (const idx of dm.indexes.filter((i) => i.model === model.name)) {
      const cols = idx.fields.map((f) => columnOf.get(f.name) ?? f.name);
      const name = idx.dbName ?? defaultIndexName(table, cols, idx.type);
      indexes.push({ table, name, columns: cols, unique: idx.type !== "normal" });
    }
  }
  return { columns, indexes };
}

export async function actualCatalog(pool: Pool): Promise<Catalog> {
  const cols = await pool.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
    `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`,
  );
  const idx = await pool.query<{ table_name: string; index_name: string; columns: string[]; is_unique: boolean }>(
    `SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique,
            array_agg(a.attname::text ORDER BY k.ord) AS columns
     FROM pg_index ix
     JOIN pg_class t ON t.oid = ix.indrelid
     JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE n.nspname = current_schema() AND t.relname <> '_prisma_migrations'
     GROUP BY t.relname, i.relname, ix.indisunique`,
  );
  return {
    columns: cols.rows.map((r) => ({
      table: r.table_name,
      column: r.column_name,
      type: r.udt_name,
      nullable: r.is_nullable === "YES",
    })),
    indexes: idx.rows.map((r) => ({ table: r.table_name, name: r.index_name, columns: r.columns, unique: r.is_unique })),
  };
}

function columnKey(c: Column): string {
  return `column ${c.table}.${c.column} ${c.type}${c.nullable ? " NULL" : " NOT NULL"}`;
}

function indexKey(i: Index): string {
  return `index ${i.table}.${i.name} (${i.columns.join(", ")})${i.unique ? " UNIQUE" : ""}`;
}

/** Lines describing every difference; empty when the database matches the schema. */
export function diffCatalogs(expected: Catalog, actual: Catalog): string[] {
  const want = new Set([...expected.columns.map(columnKey), ...expected.indexes.map(indexKey)]);
  const have = new Set([...actual.columns.map(columnKey), ...actual.indexes.map(indexKey)]);
  return [
    ...[...want].filter((k) => !have.has(k)).map((k) => `missing in database: ${k}`),
    ...[...have].filter((k) => !want.has(k)).map((k) => `not in schema: ${k}`),
  ].sort();
}
