import { z } from "zod";
import { MAX_ID, ZIdParam } from "@/lib/input-limits";

export const ZSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "a slug is lowercase letters, digits and dashes");

export const ZGroupPageParams = z.object({
  after: z.coerce.number().int().nonnegative().max(MAX_ID).optional().catch(undefined),
});

export const ZGroupId = ZIdParam;
