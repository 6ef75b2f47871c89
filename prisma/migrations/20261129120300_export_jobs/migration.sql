-- Exports run as queued jobs: progress, cancel, and the process holding each one.
ALTER TABLE "exports" ADD COLUMN     "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "claimed_by" TEXT,
ADD COLUMN     "heartbeat_at" TIMESTAMP(3),
ADD COLUMN     "rows_done" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rows_total" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "started_at" TIMESTAMP(3);

-- A worker's start-up looks for queued and running exports.
CREATE INDEX "exports_unfinished_by_status_idx" ON "exports"("status", "id");
