-- CreateEnum
CREATE TYPE "Task" AS ENUM ('general', 'math', 'translation');

-- CreateEnum
CREATE TYPE "ResponseOrigin" AS ENUM ('imported', 'generated', 'edited');

-- CreateEnum
CREATE TYPE "RunKind" AS ENUM ('generate', 'embed', 'select');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "PairStatus" AS ENUM ('proposed', 'accepted', 'rejected', 'skipped');

-- CreateEnum
CREATE TYPE "PairOrigin" AS ENUM ('auto', 'human');

-- CreateEnum
CREATE TYPE "DecisionAction" AS ENUM ('accept', 'reject', 'swap', 'choose', 'reset', 'flag', 'undo');

-- CreateEnum
CREATE TYPE "ReferenceCorrectionKind" AS ENUM ('pick', 'edit', 'undo');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('admin', 'reviewer', 'viewer');

-- CreateTable
CREATE TABLE "datasets" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "task" "Task" NOT NULL DEFAULT 'general',
    "pivot_language" TEXT NOT NULL DEFAULT 'en',
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "description" TEXT NOT NULL DEFAULT '',
    "guidelines" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "datasets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prompt_groups" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "external_id" TEXT NOT NULL,
    "gold" TEXT,
    "meta" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prompt_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prompt_texts" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "machine_translated" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prompt_texts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "responses" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "sample_index" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "content_hash" BYTEA NOT NULL,
    "char_length" INTEGER NOT NULL,
    "origin" "ResponseOrigin" NOT NULL DEFAULT 'imported',
    "model" TEXT,
    "params" JSONB,
    "finish_reason" TEXT,
    "prompt_tokens" INTEGER,
    "completion_tokens" INTEGER,
    "detected_language" TEXT,
    "extracted_answer" TEXT,
    "run_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "responses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "embeddings" (
    "dataset_id" INTEGER NOT NULL,
    "model" TEXT NOT NULL,
    "content_hash" BYTEA NOT NULL,
    "dim" INTEGER NOT NULL,
    "vector" BYTEA NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "embeddings_pkey" PRIMARY KEY ("dataset_id","model","content_hash")
);

-- CreateTable
CREATE TABLE "pipeline_runs" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "kind" "RunKind" NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'queued',
    "config" JSONB NOT NULL,
    "summary" JSONB,
    "total_items" INTEGER NOT NULL DEFAULT 0,
    "done_items" INTEGER NOT NULL DEFAULT 0,
    "failed_items" INTEGER NOT NULL DEFAULT 0,
    "prompt_tokens" INTEGER NOT NULL DEFAULT 0,
    "completion_tokens" INTEGER NOT NULL DEFAULT 0,
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "heartbeat_at" TIMESTAMP(3),

    CONSTRAINT "pipeline_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "run_chunks" (
    "run_id" INTEGER NOT NULL,
    "chunk_no" INTEGER NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "from_group_id" INTEGER NOT NULL,
    "to_group_id" INTEGER NOT NULL,
    "groups" INTEGER NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimed_by" TEXT,
    "claimed_at" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "run_chunks_pkey" PRIMARY KEY ("run_id","chunk_no")
);

-- CreateTable
CREATE TABLE "run_references" (
    "run_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "response_id" INTEGER,
    "cons" DOUBLE PRECISION,
    "scorer" TEXT NOT NULL,

    CONSTRAINT "run_references_pkey" PRIMARY KEY ("run_id","group_id")
);

-- CreateTable
CREATE TABLE "run_scores" (
    "run_id" INTEGER NOT NULL,
    "response_id" INTEGER NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "run_scores_pkey" PRIMARY KEY ("run_id","response_id")
);

-- CreateTable
CREATE TABLE "run_proposals" (
    "run_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "chosen_id" INTEGER,
    "rejected_id" INTEGER,
    "score_chosen" DOUBLE PRECISION,
    "score_rejected" DOUBLE PRECISION,
    "margin" DOUBLE PRECISION,
    "skip_reason" TEXT,
    "skip_detail" TEXT,

    CONSTRAINT "run_proposals_pkey" PRIMARY KEY ("run_id","group_id","language")
);

-- CreateTable
CREATE TABLE "pairs" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "chosen_id" INTEGER,
    "rejected_id" INTEGER,
    "score_chosen" DOUBLE PRECISION,
    "score_rejected" DOUBLE PRECISION,
    "margin" DOUBLE PRECISION,
    "status" "PairStatus" NOT NULL DEFAULT 'proposed',
    "origin" "PairOrigin" NOT NULL DEFAULT 'auto',
    "skip_reason" TEXT,
    "run_id" INTEGER,
    "conflict" BOOLEAN NOT NULL DEFAULT false,
    "off_target" BOOLEAN NOT NULL DEFAULT false,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "flag_reason" TEXT,
    "last_decision_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pairs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pair_decisions" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "pair_id" INTEGER NOT NULL,
    "user_id" INTEGER,
    "action" "DecisionAction" NOT NULL,
    "reason" TEXT,
    "chosen_id" INTEGER,
    "rejected_id" INTEGER,
    "seen_chosen_id" INTEGER,
    "seen_rejected_id" INTEGER,
    "seen_version" INTEGER NOT NULL,
    "undoes_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pair_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_corrections" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "kind" "ReferenceCorrectionKind" NOT NULL,
    "previous_response_id" INTEGER,
    "response_id" INTEGER,
    "user_id" INTEGER,
    "reason" TEXT,
    "undoes_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_corrections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER,
    "user_id" INTEGER,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exports" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'queued',
    "config" JSONB NOT NULL,
    "counts" JSONB,
    "files" JSONB,
    "run_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "last_decision_id" INTEGER,
    "location" TEXT,
    "error" TEXT,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "exports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "imports" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "filename" TEXT NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'queued',
    "bytes_total" BIGINT NOT NULL DEFAULT 0,
    "bytes_done" BIGINT NOT NULL DEFAULT 0,
    "records" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "errors" JSONB,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "UserRole" NOT NULL DEFAULT 'reviewer',
    "password_hash" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset_members" (
    "dataset_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dataset_members_pkey" PRIMARY KEY ("dataset_id","user_id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "datasets_slug_key" ON "datasets"("slug");

-- CreateIndex
CREATE INDEX "prompt_groups_dataset_keyset_idx" ON "prompt_groups"("dataset_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "prompt_groups_dataset_external_key" ON "prompt_groups"("dataset_id", "external_id");

-- CreateIndex
CREATE INDEX "prompt_texts_dataset_language_idx" ON "prompt_texts"("dataset_id", "language");

-- CreateIndex
CREATE UNIQUE INDEX "prompt_texts_group_language_key" ON "prompt_texts"("group_id", "language");

-- CreateIndex
CREATE INDEX "responses_group_language_sample_idx" ON "responses"("group_id", "language", "sample_index");

-- CreateIndex
CREATE INDEX "responses_dataset_language_idx" ON "responses"("dataset_id", "language");

-- CreateIndex
CREATE UNIQUE INDEX "responses_group_language_hash_key" ON "responses"("group_id", "language", "content_hash");

-- CreateIndex
CREATE INDEX "pipeline_runs_dataset_latest_idx" ON "pipeline_runs"("dataset_id", "kind", "status", "id");

-- CreateIndex
CREATE INDEX "run_chunks_claim_idx" ON "run_chunks"("run_id", "status");

-- CreateIndex
CREATE INDEX "run_references_dataset_cons_idx" ON "run_references"("dataset_id", "cons");

-- CreateIndex
CREATE INDEX "run_scores_run_group_idx" ON "run_scores"("run_id", "group_id");

-- CreateIndex
CREATE INDEX "run_proposals_dataset_run_language_idx" ON "run_proposals"("dataset_id", "run_id", "language");

-- CreateIndex
CREATE INDEX "pairs_table_language_status_margin_idx" ON "pairs"("dataset_id", "language", "status", "margin", "id");

-- CreateIndex
CREATE INDEX "pairs_table_margin_idx" ON "pairs"("dataset_id", "margin", "id");

-- CreateIndex
CREATE UNIQUE INDEX "pairs_dataset_group_language_key" ON "pairs"("dataset_id", "group_id", "language");

-- CreateIndex
CREATE INDEX "pair_decisions_history_idx" ON "pair_decisions"("pair_id", "id");

-- CreateIndex
CREATE INDEX "pair_decisions_dataset_latest_idx" ON "pair_decisions"("dataset_id", "id");

-- CreateIndex
CREATE INDEX "reference_corrections_group_latest_idx" ON "reference_corrections"("group_id", "id");

-- CreateIndex
CREATE INDEX "audit_events_dataset_latest_idx" ON "audit_events"("dataset_id", "id");

-- CreateIndex
CREATE INDEX "exports_dataset_latest_idx" ON "exports"("dataset_id", "id");

-- CreateIndex
CREATE INDEX "imports_dataset_latest_idx" ON "imports"("dataset_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_idx" ON "api_tokens"("user_id");

-- AddForeignKey
ALTER TABLE "prompt_groups" ADD CONSTRAINT "prompt_groups_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prompt_texts" ADD CONSTRAINT "prompt_texts_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prompt_texts" ADD CONSTRAINT "prompt_texts_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "prompt_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "responses" ADD CONSTRAINT "responses_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "responses" ADD CONSTRAINT "responses_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "prompt_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "embeddings" ADD CONSTRAINT "embeddings_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pipeline_runs" ADD CONSTRAINT "pipeline_runs_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pipeline_runs" ADD CONSTRAINT "pipeline_runs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_chunks" ADD CONSTRAINT "run_chunks_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "pipeline_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_chunks" ADD CONSTRAINT "run_chunks_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_references" ADD CONSTRAINT "run_references_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "pipeline_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_references" ADD CONSTRAINT "run_references_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_scores" ADD CONSTRAINT "run_scores_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "pipeline_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_scores" ADD CONSTRAINT "run_scores_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_proposals" ADD CONSTRAINT "run_proposals_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "pipeline_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_proposals" ADD CONSTRAINT "run_proposals_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairs" ADD CONSTRAINT "pairs_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairs" ADD CONSTRAINT "pairs_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "prompt_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pair_decisions" ADD CONSTRAINT "pair_decisions_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pair_decisions" ADD CONSTRAINT "pair_decisions_pair_id_fkey" FOREIGN KEY ("pair_id") REFERENCES "pairs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pair_decisions" ADD CONSTRAINT "pair_decisions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reference_corrections" ADD CONSTRAINT "reference_corrections_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reference_corrections" ADD CONSTRAINT "reference_corrections_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "prompt_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reference_corrections" ADD CONSTRAINT "reference_corrections_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exports" ADD CONSTRAINT "exports_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exports" ADD CONSTRAINT "exports_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imports" ADD CONSTRAINT "imports_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_members" ADD CONSTRAINT "dataset_members_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_members" ADD CONSTRAINT "dataset_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

