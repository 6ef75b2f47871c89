-- Team review: the languages a reviewer reviews, a review plan per dataset, leases that reserve a
-- pair for one reviewer at a time, append-only votes and adjudications, and the consensus on pairs.

-- Empty (or NULL, as Prisma declares lists) = every language.
ALTER TABLE "users" ADD COLUMN "review_languages" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- No row = the default plan (1 vote, least-reviewed first, not blind, 10-minute leases): today's behaviour.
CREATE TABLE "review_plans" (
    "dataset_id" INTEGER NOT NULL,
    "votes_per_pair" INTEGER NOT NULL DEFAULT 1,
    "order" TEXT NOT NULL DEFAULT 'least-reviewed',
    "blind" BOOLEAN NOT NULL DEFAULT false,
    "lease_minutes" INTEGER NOT NULL DEFAULT 10,
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "review_plans_pkey" PRIMARY KEY ("dataset_id"),
    CONSTRAINT "review_plans_votes_per_pair_check" CHECK ("votes_per_pair" BETWEEN 1 AND 5),
    CONSTRAINT "review_plans_order_check" CHECK ("order" IN ('least-reviewed', 'low-margin', 'random')),
    CONSTRAINT "review_plans_lease_minutes_check" CHECK ("lease_minutes" BETWEEN 1 AND 120)
);
ALTER TABLE "review_plans" ADD CONSTRAINT "review_plans_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_plans" ADD CONSTRAINT "review_plans_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- At most one lease per pair (the unique index): a claim takes a free pair or one whose lease expired,
-- and a taken-over lease gets a new id, so its former holder's vote is refused.
CREATE TABLE "review_leases" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "pair_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    -- Blind mode: which response is shown first (as "a"), drawn from a seed kept with the lease.
    "seed" INTEGER NOT NULL,
    "first_shown_id" INTEGER,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "heartbeat_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "review_leases_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "review_leases_pair_key" ON "review_leases"("pair_id");
CREATE INDEX "review_leases_user_idx" ON "review_leases"("user_id", "expires_at");
ALTER TABLE "review_leases" ADD CONSTRAINT "review_leases_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_leases" ADD CONSTRAINT "review_leases_pair_id_fkey" FOREIGN KEY ("pair_id") REFERENCES "pairs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_leases" ADD CONSTRAINT "review_leases_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One vote per reviewer and pair, never updated. The method's pair at the time is kept with it, so
-- agreement with the method stays what it was when the vote was cast.
CREATE TABLE "review_votes" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "pair_id" INTEGER NOT NULL,
    "user_id" INTEGER,
    "language" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "preferred_id" INTEGER,
    "method_label" TEXT NOT NULL,
    "method_chosen_id" INTEGER,
    "method_margin" DOUBLE PRECISION,
    "reason" TEXT,
    "seconds" DOUBLE PRECISION,
    "blind" BOOLEAN NOT NULL DEFAULT false,
    "first_shown_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "review_votes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "review_votes_verdict_check" CHECK (("verdict" = 'response') = ("preferred_id" IS NOT NULL) AND "verdict" IN ('response', 'tie', 'both_bad')),
    CONSTRAINT "review_votes_method_label_check" CHECK ("method_label" IN ('agree', 'disagree', 'tie', 'both_bad'))
);
CREATE UNIQUE INDEX "review_votes_pair_user_key" ON "review_votes"("pair_id", "user_id");
CREATE INDEX "review_votes_dataset_language_idx" ON "review_votes"("dataset_id", "language");
CREATE INDEX "review_votes_user_idx" ON "review_votes"("user_id", "id");
ALTER TABLE "review_votes" ADD CONSTRAINT "review_votes_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_votes" ADD CONSTRAINT "review_votes_pair_id_fkey" FOREIGN KEY ("pair_id") REFERENCES "pairs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_votes" ADD CONSTRAINT "review_votes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Append-only; the latest adjudication of a pair settles it.
CREATE TABLE "review_adjudications" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "pair_id" INTEGER NOT NULL,
    "user_id" INTEGER,
    "verdict" TEXT NOT NULL,
    "preferred_id" INTEGER,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "review_adjudications_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "review_adjudications_verdict_check" CHECK (("verdict" = 'response') = ("preferred_id" IS NOT NULL) AND "verdict" IN ('response', 'tie', 'both_bad'))
);
CREATE INDEX "review_adjudications_pair_idx" ON "review_adjudications"("pair_id", "id");
ALTER TABLE "review_adjudications" ADD CONSTRAINT "review_adjudications_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_adjudications" ADD CONSTRAINT "review_adjudications_pair_id_fkey" FOREIGN KEY ("pair_id") REFERENCES "pairs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_adjudications" ADD CONSTRAINT "review_adjudications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "pairs" ADD COLUMN "consensus" TEXT NOT NULL DEFAULT 'pending',
                    ADD COLUMN "votes" INTEGER NOT NULL DEFAULT 0,
                    ADD CONSTRAINT "pairs_consensus_check" CHECK ("consensus" IN ('pending', 'unanimous', 'majority', 'disputed', 'adjudicated'));
-- The queue's next pair, least-reviewed first (votes, id): in one language, and in any language.
CREATE INDEX "pairs_review_queue_idx" ON "pairs"("dataset_id", "language", "votes", "id");
CREATE INDEX "pairs_review_queue_any_language_idx" ON "pairs"("dataset_id", "votes", "id");

-- Summary ledgers of team review (append-only signed rows like pair_stats; reads sum per key), written
-- by the vote and adjudication writers in the same transaction, so the agreement page reads a few
-- hundred rows instead of every vote.
-- Per language: alpha's sums (units, disagreeing, pairable values per label), summed over all rows;
-- per margin bucket of the method's pair: votes, agreement with the method and position bias.
CREATE TABLE "review_language_stats" (
    "id" BIGSERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "margin_bucket" INTEGER,
    "units" INTEGER NOT NULL DEFAULT 0,
    "disagreeing" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "n_agree" INTEGER NOT NULL DEFAULT 0,
    "n_disagree" INTEGER NOT NULL DEFAULT 0,
    "n_tie" INTEGER NOT NULL DEFAULT 0,
    "n_both_bad" INTEGER NOT NULL DEFAULT 0,
    "votes" INTEGER NOT NULL DEFAULT 0,
    "method_agree" INTEGER NOT NULL DEFAULT 0,
    "blind_votes" INTEGER NOT NULL DEFAULT 0,
    "first_shown_preferred" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "review_language_stats_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "review_language_stats_dataset_idx" ON "review_language_stats"("dataset_id");
ALTER TABLE "review_language_stats" ADD CONSTRAINT "review_language_stats_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Per reviewer: votes, votes under 2 s, comparisons with other reviewers' votes on the same pair and
-- how many agreed, and a histogram of seconds per vote in tenths (seconds_tenths NULL on the other rows).
CREATE TABLE "review_reviewer_stats" (
    "id" BIGSERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "seconds_tenths" INTEGER,
    "votes" INTEGER NOT NULL DEFAULT 0,
    "fast_votes" INTEGER NOT NULL DEFAULT 0,
    "comparisons" INTEGER NOT NULL DEFAULT 0,
    "agreements" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "review_reviewer_stats_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "review_reviewer_stats_dataset_idx" ON "review_reviewer_stats"("dataset_id", "user_id");
ALTER TABLE "review_reviewer_stats" ADD CONSTRAINT "review_reviewer_stats_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_reviewer_stats" ADD CONSTRAINT "review_reviewer_stats_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
