-- A proposal's basis (why chosen beats rejected: score | language_guard | random) gets its own column;
-- run_proposals kept it in skip_detail for paired rows. A correction's proposals also keep their skip
-- detail (e.g. the answers behind a no_agreement skip), as a run's do.
ALTER TABLE "run_proposals" ADD COLUMN "basis" TEXT;
ALTER TABLE "reference_proposals" ADD COLUMN "basis" TEXT,
                                  ADD COLUMN "skip_detail" TEXT;

UPDATE "run_proposals" SET "basis" = coalesce("skip_detail", 'score'), "skip_detail" = NULL
WHERE "skip_reason" IS NULL AND "chosen_id" IS NOT NULL;
