-- One random id per database, made once: export snapshots are stored under <export dir>/<id>/, so
-- databases that share an export directory never write into each other's snapshot folders.
CREATE TABLE "database_identity" (
    "id" TEXT NOT NULL DEFAULT gen_random_uuid()::text,

    CONSTRAINT "database_identity_pkey" PRIMARY KEY ("id")
);

INSERT INTO "database_identity" DEFAULT VALUES;
