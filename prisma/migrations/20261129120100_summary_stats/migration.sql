-- Summary ledgers for the dashboards (lib/stats/README.md).
-- Every statement that writes pairs, responses, prompt_groups or run_references appends, from its
-- transition tables, one signed count per changed key; a key's figure is sum(n) over its rows.
-- Appending (never updating a shared counter row) means concurrent writers take no locks on the
-- ledgers and cannot deadlock on them; lib/stats/compact.ts folds a dataset's rows back to one per key.

-- CreateTable
CREATE TABLE "pair_stats" (
    "id" BIGSERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "status" "PairStatus" NOT NULL,
    "origin" "PairOrigin" NOT NULL,
    "conflict" BOOLEAN NOT NULL,
    "off_target" BOOLEAN NOT NULL,
    "flagged" BOOLEAN NOT NULL,
    "margin_bucket" INTEGER,
    "chosen_bucket" INTEGER,
    "rejected_bucket" INTEGER,
    "n" INTEGER NOT NULL,

    CONSTRAINT "pair_stats_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "response_stats" (
    "id" BIGSERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "char_length" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    "off_target" INTEGER NOT NULL,

    CONSTRAINT "response_stats_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "group_stats" (
    "id" BIGSERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "groups" INTEGER NOT NULL,
    "with_gold" INTEGER NOT NULL,

    CONSTRAINT "group_stats_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_stats" (
    "id" BIGSERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "cons_bucket" INTEGER,
    "n" INTEGER NOT NULL,

    CONSTRAINT "reference_stats_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pair_stats_dataset_idx" ON "pair_stats"("dataset_id");

-- CreateIndex
CREATE INDEX "response_stats_dataset_idx" ON "response_stats"("dataset_id");

-- CreateIndex
CREATE INDEX "group_stats_dataset_idx" ON "group_stats"("dataset_id");

-- CreateIndex
CREATE INDEX "reference_stats_run_idx" ON "reference_stats"("run_id");

-- CreateIndex
CREATE INDEX "reference_stats_dataset_idx" ON "reference_stats"("dataset_id");

-- The histogram buckets of lib/charts/buckets.ts (UNIT_EDGES): 0 below 0, 1..10 for tenths, NULL for NULL.
CREATE FUNCTION stats_unit_bucket(x double precision) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT width_bucket(x, '{0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9}'::float8[])::integer $$;

-- pairs -------------------------------------------------------------------------------------------
-- Deltas of a deleted dataset are dropped (its ledger rows go with it, see stats_forget_datasets).

CREATE FUNCTION pair_stats_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO pair_stats (dataset_id, language, status, origin, conflict, off_target, flagged, margin_bucket, chosen_bucket, rejected_bucket, n)
  SELECT dataset_id, language, status, origin, conflict, off_target, flagged,
         stats_unit_bucket(margin), stats_unit_bucket(score_chosen), stats_unit_bucket(score_rejected), count(*)
  FROM stats_new GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
  RETURN NULL;
END $$;

CREATE FUNCTION pair_stats_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO pair_stats (dataset_id, language, status, origin, conflict, off_target, flagged, margin_bucket, chosen_bucket, rejected_bucket, n)
  SELECT dataset_id, language, status, origin, conflict, off_target, flagged, mb, cb, rb, sum(d)
  FROM (SELECT dataset_id, language, status, origin, conflict, off_target, flagged,
               stats_unit_bucket(margin) AS mb, stats_unit_bucket(score_chosen) AS cb, stats_unit_bucket(score_rejected) AS rb, 1 AS d
        FROM stats_new
        UNION ALL
        SELECT dataset_id, language, status, origin, conflict, off_target, flagged,
               stats_unit_bucket(margin), stats_unit_bucket(score_chosen), stats_unit_bucket(score_rejected), -1
        FROM stats_old) x
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 HAVING sum(d) <> 0;
  RETURN NULL;
END $$;

CREATE FUNCTION pair_stats_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO pair_stats (dataset_id, language, status, origin, conflict, off_target, flagged, margin_bucket, chosen_bucket, rejected_bucket, n)
  SELECT x.* FROM (
    SELECT dataset_id, language, status, origin, conflict, off_target, flagged,
           stats_unit_bucket(margin), stats_unit_bucket(score_chosen), stats_unit_bucket(score_rejected), -count(*)::int
    FROM stats_old GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10) x
  WHERE EXISTS (SELECT 1 FROM datasets d WHERE d.id = x.dataset_id);
  RETURN NULL;
END $$;

CREATE TRIGGER pair_stats_insert AFTER INSERT ON pairs REFERENCING NEW TABLE AS stats_new
  FOR EACH STATEMENT EXECUTE FUNCTION pair_stats_on_insert();
CREATE TRIGGER pair_stats_update AFTER UPDATE ON pairs REFERENCING OLD TABLE AS stats_old NEW TABLE AS stats_new
  FOR EACH STATEMENT EXECUTE FUNCTION pair_stats_on_update();
CREATE TRIGGER pair_stats_delete AFTER DELETE ON pairs REFERENCING OLD TABLE AS stats_old
  FOR EACH STATEMENT EXECUTE FUNCTION pair_stats_on_delete();

-- responses ---------------------------------------------------------------------------------------

CREATE FUNCTION response_stats_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO response_stats (dataset_id, language, char_length, n, off_target)
  SELECT dataset_id, language, char_length, count(*),
         count(*) FILTER (WHERE detected_language IS NOT NULL AND detected_language <> split_part(language, '-', 1))
  FROM stats_new GROUP BY 1, 2, 3;
  RETURN NULL;
END $$;

CREATE FUNCTION response_stats_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO response_stats (dataset_id, language, char_length, n, off_target)
  SELECT dataset_id, language, char_length, sum(d), sum(d * off)
  FROM (SELECT dataset_id, language, char_length, 1 AS d,
               (detected_language IS NOT NULL AND detected_language <> split_part(language, '-', 1))::int AS off
        FROM stats_new
        UNION ALL
        SELECT dataset_id, language, char_length, -1,
               (detected_language IS NOT NULL AND detected_language <> split_part(language, '-', 1))::int
        FROM stats_old) x
  GROUP BY 1, 2, 3 HAVING sum(d) <> 0 OR sum(d * off) <> 0;
  RETURN NULL;
END $$;

CREATE FUNCTION response_stats_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO response_stats (dataset_id, language, char_length, n, off_target)
  SELECT x.* FROM (
    SELECT dataset_id, language, char_length, -count(*)::int,
           -(count(*) FILTER (WHERE detected_language IS NOT NULL AND detected_language <> split_part(language, '-', 1)))::int
    FROM stats_old GROUP BY 1, 2, 3) x
  WHERE EXISTS (SELECT 1 FROM datasets d WHERE d.id = x.dataset_id);
  RETURN NULL;
END $$;

CREATE TRIGGER response_stats_insert AFTER INSERT ON responses REFERENCING NEW TABLE AS stats_new
  FOR EACH STATEMENT EXECUTE FUNCTION response_stats_on_insert();
CREATE TRIGGER response_stats_update AFTER UPDATE ON responses REFERENCING OLD TABLE AS stats_old NEW TABLE AS stats_new
  FOR EACH STATEMENT EXECUTE FUNCTION response_stats_on_update();
CREATE TRIGGER response_stats_delete AFTER DELETE ON responses REFERENCING OLD TABLE AS stats_old
  FOR EACH STATEMENT EXECUTE FUNCTION response_stats_on_delete();

-- prompt_groups -----------------------------------------------------------------------------------

CREATE FUNCTION group_stats_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO group_stats (dataset_id, groups, with_gold)
  SELECT dataset_id, count(*), count(gold) FROM stats_new GROUP BY 1;
  RETURN NULL;
END $$;

CREATE FUNCTION group_stats_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO group_stats (dataset_id, groups, with_gold)
  SELECT dataset_id, sum(d), sum(gold)
  FROM (SELECT dataset_id, 1 AS d, (gold IS NOT NULL)::int AS gold FROM stats_new
        UNION ALL
        SELECT dataset_id, -1, -((gold IS NOT NULL)::int) FROM stats_old) x
  GROUP BY 1 HAVING sum(d) <> 0 OR sum(gold) <> 0;
  RETURN NULL;
END $$;

CREATE FUNCTION group_stats_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO group_stats (dataset_id, groups, with_gold)
  SELECT x.* FROM (SELECT dataset_id, -count(*)::int, -count(gold)::int FROM stats_old GROUP BY 1) x
  WHERE EXISTS (SELECT 1 FROM datasets d WHERE d.id = x.dataset_id);
  RETURN NULL;
END $$;

CREATE TRIGGER group_stats_insert AFTER INSERT ON prompt_groups REFERENCING NEW TABLE AS stats_new
  FOR EACH STATEMENT EXECUTE FUNCTION group_stats_on_insert();
CREATE TRIGGER group_stats_update AFTER UPDATE ON prompt_groups REFERENCING OLD TABLE AS stats_old NEW TABLE AS stats_new
  FOR EACH STATEMENT EXECUTE FUNCTION group_stats_on_update();
CREATE TRIGGER group_stats_delete AFTER DELETE ON prompt_groups REFERENCING OLD TABLE AS stats_old
  FOR EACH STATEMENT EXECUTE FUNCTION group_stats_on_delete();

-- run_references ----------------------------------------------------------------------------------

CREATE FUNCTION reference_stats_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO reference_stats (run_id, dataset_id, cons_bucket, n)
  SELECT run_id, dataset_id, stats_unit_bucket(cons), count(*) FROM stats_new GROUP BY 1, 2, 3;
  RETURN NULL;
END $$;

CREATE FUNCTION reference_stats_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO reference_stats (run_id, dataset_id, cons_bucket, n)
  SELECT run_id, dataset_id, b, sum(d)
  FROM (SELECT run_id, dataset_id, stats_unit_bucket(cons) AS b, 1 AS d FROM stats_new
        UNION ALL
        SELECT run_id, dataset_id, stats_unit_bucket(cons), -1 FROM stats_old) x
  GROUP BY 1, 2, 3 HAVING sum(d) <> 0;
  RETURN NULL;
END $$;

CREATE FUNCTION reference_stats_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO reference_stats (run_id, dataset_id, cons_bucket, n)
  SELECT x.* FROM (SELECT run_id, dataset_id, stats_unit_bucket(cons), -count(*)::int FROM stats_old GROUP BY 1, 2, 3) x
  WHERE EXISTS (SELECT 1 FROM pipeline_runs r WHERE r.id = x.run_id);
  RETURN NULL;
END $$;

CREATE TRIGGER reference_stats_insert AFTER INSERT ON run_references REFERENCING NEW TABLE AS stats_new
  FOR EACH STATEMENT EXECUTE FUNCTION reference_stats_on_insert();
CREATE TRIGGER reference_stats_update AFTER UPDATE ON run_references REFERENCING OLD TABLE AS stats_old NEW TABLE AS stats_new
  FOR EACH STATEMENT EXECUTE FUNCTION reference_stats_on_update();
CREATE TRIGGER reference_stats_delete AFTER DELETE ON run_references REFERENCING OLD TABLE AS stats_old
  FOR EACH STATEMENT EXECUTE FUNCTION reference_stats_on_delete();

-- Deleted datasets and runs take their ledger rows with them; TRUNCATE empties the matching ledger.

CREATE FUNCTION stats_forget_datasets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM pair_stats WHERE dataset_id IN (SELECT id FROM stats_old);
  DELETE FROM response_stats WHERE dataset_id IN (SELECT id FROM stats_old);
  DELETE FROM group_stats WHERE dataset_id IN (SELECT id FROM stats_old);
  DELETE FROM reference_stats WHERE dataset_id IN (SELECT id FROM stats_old);
  RETURN NULL;
END $$;

CREATE FUNCTION stats_forget_runs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM reference_stats WHERE run_id IN (SELECT id FROM stats_old);
  RETURN NULL;
END $$;

CREATE FUNCTION stats_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('TRUNCATE %I', TG_ARGV[0]);
  RETURN NULL;
END $$;

CREATE TRIGGER stats_forget_datasets AFTER DELETE ON datasets REFERENCING OLD TABLE AS stats_old
  FOR EACH STATEMENT EXECUTE FUNCTION stats_forget_datasets();
CREATE TRIGGER stats_forget_runs AFTER DELETE ON pipeline_runs REFERENCING OLD TABLE AS stats_old
  FOR EACH STATEMENT EXECUTE FUNCTION stats_forget_runs();
CREATE TRIGGER pair_stats_truncate AFTER TRUNCATE ON pairs FOR EACH STATEMENT EXECUTE FUNCTION stats_on_truncate('pair_stats');
CREATE TRIGGER response_stats_truncate AFTER TRUNCATE ON responses FOR EACH STATEMENT EXECUTE FUNCTION stats_on_truncate('response_stats');
CREATE TRIGGER group_stats_truncate AFTER TRUNCATE ON prompt_groups FOR EACH STATEMENT EXECUTE FUNCTION stats_on_truncate('group_stats');
CREATE TRIGGER reference_stats_truncate AFTER TRUNCATE ON run_references FOR EACH STATEMENT EXECUTE FUNCTION stats_on_truncate('reference_stats');

-- Backfill: one row per key from the data already there.

INSERT INTO pair_stats (dataset_id, language, status, origin, conflict, off_target, flagged, margin_bucket, chosen_bucket, rejected_bucket, n)
SELECT dataset_id, language, status, origin, conflict, off_target, flagged,
       stats_unit_bucket(margin), stats_unit_bucket(score_chosen), stats_unit_bucket(score_rejected), count(*)
FROM pairs GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;

INSERT INTO response_stats (dataset_id, language, char_length, n, off_target)
SELECT dataset_id, language, char_length, count(*),
       count(*) FILTER (WHERE detected_language IS NOT NULL AND detected_language <> split_part(language, '-', 1))
FROM responses GROUP BY 1, 2, 3;

INSERT INTO group_stats (dataset_id, groups, with_gold)
SELECT dataset_id, count(*), count(gold) FROM prompt_groups GROUP BY 1;

INSERT INTO reference_stats (run_id, dataset_id, cons_bucket, n)
SELECT run_id, dataset_id, stats_unit_bucket(cons), count(*) FROM run_references GROUP BY 1, 2, 3;
