-- An import that creates its dataset has no dataset row until it succeeds; the slug names it meanwhile.
ALTER TABLE "imports" ALTER COLUMN "dataset_id" DROP NOT NULL;
ALTER TABLE "imports" ADD COLUMN "dataset_slug" TEXT;
UPDATE "imports" i SET "dataset_slug" = d."slug" FROM "datasets" d WHERE d."id" = i."dataset_id";
ALTER TABLE "imports" ALTER COLUMN "dataset_slug" SET NOT NULL;
ALTER TABLE "imports" ADD COLUMN "options" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "imports" ADD COLUMN "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
