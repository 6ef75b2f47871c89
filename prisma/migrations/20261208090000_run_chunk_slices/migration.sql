-- #16 item 3: on the embedded database (PGlite) every connection shares one session, so a reader waits
-- for the transaction under way. A chunked run there commits a chunk in slices of a few groups, each
-- in a transaction of its own (lib/jobs/chunk-loop.ts): the chunk keeps the last group committed and
-- how many groups and failed items that was, so a worker taking the chunk over resumes after it.
-- On Postgres a chunk stays one transaction and these columns keep their defaults until it settles.
ALTER TABLE "run_chunks"
  ADD COLUMN "cursor_group_id" INTEGER,
  ADD COLUMN "done_groups" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "failed_items" INTEGER NOT NULL DEFAULT 0;
