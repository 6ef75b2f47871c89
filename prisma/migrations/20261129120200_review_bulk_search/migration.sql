-- Trigram indexes serve the pairs table's substring search (ILIKE '%q%') on prompts and responses.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterEnum
ALTER TYPE "RunKind" ADD VALUE 'bulk';

-- AlterTable
ALTER TABLE "pipeline_runs" ADD COLUMN     "cursor_id" INTEGER;

-- CreateTable
CREATE TABLE "reference_proposals" (
    "correction_id" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "chosen_id" INTEGER,
    "rejected_id" INTEGER,
    "score_chosen" DOUBLE PRECISION,
    "score_rejected" DOUBLE PRECISION,
    "margin" DOUBLE PRECISION,
    "skip_reason" TEXT,

    CONSTRAINT "reference_proposals_pkey" PRIMARY KEY ("correction_id","language")
);

-- CreateIndex
CREATE INDEX "prompt_texts_text_search_idx" ON "prompt_texts" USING GIN ("text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "responses_text_search_idx" ON "responses" USING GIN ("text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "pairs_table_score_chosen_idx" ON "pairs"("dataset_id", "score_chosen", "id");

-- CreateIndex
CREATE INDEX "pairs_table_score_rejected_idx" ON "pairs"("dataset_id", "score_rejected", "id");

-- AddForeignKey
ALTER TABLE "reference_proposals" ADD CONSTRAINT "reference_proposals_correction_id_fkey" FOREIGN KEY ("correction_id") REFERENCES "reference_corrections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
