-- The pairs table's response search moves off `responses` (lib/search/README.md): a trigram index on
-- responses made every import pay for it (a COPY of 100k responses: 23 s with it, 2.8 s without).
-- Response texts are copied into response_search_texts in batches after the import commits; until
-- then the response-id ranges an inserting statement added stay listed in response_search_pending,
-- and the search scans those responses directly, so results never depend on how far indexing got.

-- DropIndex
DROP INDEX "responses_text_search_idx";

-- CreateTable
CREATE TABLE "response_search_texts" (
    "response_id" INTEGER NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "response_search_texts_pkey" PRIMARY KEY ("response_id")
);

-- CreateTable
CREATE TABLE "response_search_pending" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "from_id" INTEGER NOT NULL,
    "to_id" INTEGER NOT NULL,

    CONSTRAINT "response_search_pending_pkey" PRIMARY KEY ("id")
);

-- Backfill (before the index is built, which is faster than maintaining it row by row).
INSERT INTO "response_search_texts" ("response_id", "dataset_id", "group_id", "language", "text")
SELECT "id", "dataset_id", "group_id", "language", "text" FROM "responses";

-- CreateIndex
CREATE INDEX "response_search_texts_text_idx" ON "response_search_texts" USING GIN ("text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "response_search_pending_dataset_idx" ON "response_search_pending"("dataset_id");

-- AddForeignKey
ALTER TABLE "response_search_texts" ADD CONSTRAINT "response_search_texts_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response_search_pending" ADD CONSTRAINT "response_search_pending_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every statement that inserts responses lists, per dataset, the id range it inserted, in its own
-- transaction. The transition table is the one response_stats_insert already captures (shared), and
-- one GROUP BY over it is all this adds to an import.
CREATE FUNCTION response_search_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO response_search_pending (dataset_id, from_id, to_id)
  SELECT dataset_id, min(id), max(id) FROM search_new GROUP BY dataset_id;
  RETURN NULL;
END $$;

CREATE TRIGGER response_search_insert AFTER INSERT ON responses REFERENCING NEW TABLE AS search_new
  FOR EACH STATEMENT EXECUTE FUNCTION response_search_on_insert();
