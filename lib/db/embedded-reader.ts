// While an embedded import into an existing dataset writes (lib/import/loader/hidden-load.ts), PGlite's
// one session runs as this role, so that row-level security hides the import's rows from every reader
// (a superuser would see them). A process that stopped mid-import left its load listed: on opening the
// database the session takes the role again until the load is published or swept.

export const EMBEDDED_READER_ROLE = "cm_embedded_reader";

export const RESUME_READER_ROLE = `DO $$ DECLARE listed boolean; BEGIN
  IF to_regclass('public.import_loads') IS NOT NULL THEN
    EXECUTE 'SELECT EXISTS (SELECT 1 FROM import_loads)' INTO STRICT listed;
    IF listed THEN SET ROLE ${EMBEDDED_READER_ROLE}; END IF;
  END IF;
END $$`;
