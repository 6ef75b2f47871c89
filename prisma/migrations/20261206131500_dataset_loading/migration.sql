-- On the embedded database an import that creates a dataset fills it in short transactions while it
-- is hidden (loading), then publishes it by clearing the flag; existing datasets stay visible.
ALTER TABLE "datasets" ADD COLUMN "loading" BOOLEAN NOT NULL DEFAULT false;
