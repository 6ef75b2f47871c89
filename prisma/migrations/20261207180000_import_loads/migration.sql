-- #16 item 3: on the embedded database (PGlite) an import into an existing dataset (merge or append)
-- writes its rows in short transactions as one "load": every row it inserts into the tables below is
-- tagged with the load (load_id, defaulting to the transaction's cm.load_id setting, so the loader's
-- statements stay as they are; stats deltas and search ranges written by the tables' triggers are
-- tagged alike). While the load is listed in import_loads its rows are hidden from readers by
-- row-level security (enabled and enforced by lib/import/loader/hidden-load.ts on PGlite only);
-- publishing deletes the load's row: one tiny statement makes every row visible at once.
-- On Postgres nothing is ever tagged (an import is one transaction there) and RLS stays disabled.

CREATE FUNCTION current_load() RETURNS int LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('cm.load_id', true), '')::int
$$;

CREATE TABLE "import_loads" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "import_loads_pkey" PRIMARY KEY ("id")
);
-- One load per dataset at a time.
CREATE UNIQUE INDEX "import_loads_dataset_key" ON "import_loads"("dataset_id");
ALTER TABLE "import_loads" ADD CONSTRAINT "import_loads_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A gold answer a load gives a visible group that had none: applied when the load is published.
CREATE TABLE "import_load_golds" (
    "load_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "gold" TEXT NOT NULL,
    CONSTRAINT "import_load_golds_pkey" PRIMARY KEY ("load_id", "group_id")
);
ALTER TABLE "import_load_golds" ADD CONSTRAINT "import_load_golds_load_id_fkey" FOREIGN KEY ("load_id") REFERENCES "import_loads"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "import_load_golds" ADD CONSTRAINT "import_load_golds_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "prompt_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tagged tables. The column's default (current_load()) is set on PGlite only, by the first load, so
-- that Postgres imports do not evaluate it per row.
ALTER TABLE "prompt_groups" ADD COLUMN "load_id" INTEGER;
ALTER TABLE "prompt_texts" ADD COLUMN "load_id" INTEGER;
ALTER TABLE "responses" ADD COLUMN "load_id" INTEGER;
ALTER TABLE "response_stats" ADD COLUMN "load_id" INTEGER;
ALTER TABLE "group_stats" ADD COLUMN "load_id" INTEGER;
ALTER TABLE "response_search_pending" ADD COLUMN "load_id" INTEGER;
-- A load's rows, found to remove them (a failed load) in batches.
CREATE INDEX "prompt_groups_load_idx" ON "prompt_groups"("load_id", "id") WHERE "load_id" IS NOT NULL;
CREATE INDEX "prompt_texts_load_idx" ON "prompt_texts"("load_id", "id") WHERE "load_id" IS NOT NULL;
CREATE INDEX "responses_load_idx" ON "responses"("load_id", "id") WHERE "load_id" IS NOT NULL;
CREATE INDEX "response_stats_load_idx" ON "response_stats"("load_id", "id") WHERE "load_id" IS NOT NULL;
CREATE INDEX "group_stats_load_idx" ON "group_stats"("load_id", "id") WHERE "load_id" IS NOT NULL;
CREATE INDEX "response_search_pending_load_idx" ON "response_search_pending"("load_id", "id") WHERE "load_id" IS NOT NULL;

-- A row is visible unless its load is still listed. Inert until RLS is enabled (PGlite, first load).
CREATE POLICY "published_rows" ON "prompt_groups" USING ("load_id" IS NULL OR NOT EXISTS (SELECT 1 FROM "import_loads" l WHERE l."id" = "load_id"));
CREATE POLICY "published_rows" ON "prompt_texts" USING ("load_id" IS NULL OR NOT EXISTS (SELECT 1 FROM "import_loads" l WHERE l."id" = "load_id"));
CREATE POLICY "published_rows" ON "responses" USING ("load_id" IS NULL OR NOT EXISTS (SELECT 1 FROM "import_loads" l WHERE l."id" = "load_id"));
CREATE POLICY "published_rows" ON "response_stats" USING ("load_id" IS NULL OR NOT EXISTS (SELECT 1 FROM "import_loads" l WHERE l."id" = "load_id"));
CREATE POLICY "published_rows" ON "group_stats" USING ("load_id" IS NULL OR NOT EXISTS (SELECT 1 FROM "import_loads" l WHERE l."id" = "load_id"));
CREATE POLICY "published_rows" ON "response_search_pending" USING ("load_id" IS NULL OR NOT EXISTS (SELECT 1 FROM "import_loads" l WHERE l."id" = "load_id"));

-- A load that sets the gold of a group readers already see defers it to its publication.
CREATE FUNCTION defer_load_gold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO import_load_golds (load_id, group_id, gold) VALUES (current_load(), NEW.id, NEW.gold) ON CONFLICT DO NOTHING;
  NEW.gold := OLD.gold;
  RETURN NEW;
END $$;
CREATE TRIGGER prompt_groups_defer_load_gold BEFORE UPDATE OF gold ON prompt_groups FOR EACH ROW
  WHEN (current_load() IS NOT NULL AND OLD.load_id IS DISTINCT FROM current_load() AND OLD.gold IS NULL AND NEW.gold IS NOT NULL)
  EXECUTE FUNCTION defer_load_gold();
