-- The pairs table, its count and exports filtered by team-review consensus (`consensus=disputed`):
-- reviewed pairs are few among many pending ones, so only they are indexed, and runs that insert
-- pending pairs pay nothing for it. A filter that includes `pending` matches most pairs and reads the
-- table's sort indexes instead.
CREATE INDEX "pairs_consensus_filter_idx" ON "pairs"("dataset_id", "consensus") WHERE "consensus" <> 'pending';
