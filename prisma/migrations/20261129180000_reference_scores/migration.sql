-- Every response score a reference correction computed, so a reviewer who chooses a response that was
-- not in the pair gets the correction's score for it, not the (stale) score of the pair's run.
CREATE TABLE "reference_scores" (
    "correction_id" INTEGER NOT NULL,
    "response_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "reference_scores_pkey" PRIMARY KEY ("correction_id","response_id")
);

ALTER TABLE "reference_scores" ADD CONSTRAINT "reference_scores_correction_id_fkey" FOREIGN KEY ("correction_id") REFERENCES "reference_corrections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
