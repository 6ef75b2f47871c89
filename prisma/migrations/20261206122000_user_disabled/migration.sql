-- A disabled account cannot sign in; its sessions end and its API tokens are refused while it is.
ALTER TABLE "users" ADD COLUMN "disabled_at" TIMESTAMP(3);
