-- A response's identity is its group, language, model and sample position, not its text: identical
-- samples are the consistency evidence CM-Align counts, so they are stored as separate rows.
-- Existing rows stay valid: a (group, language, model, sample) taken twice (two files imported with
-- the same sample positions and different texts) keeps its oldest row; the later ones move after the
-- group's last sample for that language, in id order.

-- DropIndex
DROP INDEX "responses_group_language_hash_key";

WITH taken AS (
  SELECT id, group_id, language,
         row_number() OVER (PARTITION BY group_id, language, model, sample_index ORDER BY id) AS nth
  FROM responses
), moved AS (
  SELECT t.id,
         (SELECT max(r.sample_index) FROM responses r WHERE r.group_id = t.group_id AND r.language = t.language)
           + row_number() OVER (PARTITION BY t.group_id, t.language ORDER BY t.id) AS sample_index
  FROM taken t WHERE t.nth > 1
)
UPDATE responses r SET sample_index = m.sample_index FROM moved m WHERE r.id = m.id;

-- CreateIndex (a missing model is one model: NULLS NOT DISTINCT, which Prisma's schema cannot say)
CREATE UNIQUE INDEX "responses_identity_key" ON "responses"("group_id", "language", "model", "sample_index") NULLS NOT DISTINCT;

-- CreateIndex (an edited reference reuses a stored sample with its text; embeddings are keyed by hash)
CREATE INDEX "responses_group_language_hash_idx" ON "responses"("group_id", "language", "content_hash");

-- What the language guard and the degenerate-response check read (lib/pipeline/response-checks.ts),
-- computed on the answer without its reasoning trace: the share of its letters in the requested
-- language over the whole text, the languages it is written in when that share is below 1
-- ("62% Bengali, 38% English"), and why the response may never be chosen nor be the reference
-- ("repetition_loop", "truncated", "empty"). Rows imported before stay null: not measured.
ALTER TABLE "responses" ADD COLUMN "target_share" DOUBLE PRECISION,
ADD COLUMN "language_mix" TEXT,
ADD COLUMN "defect" TEXT;
