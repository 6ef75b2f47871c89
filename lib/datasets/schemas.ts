import { z } from "zod";
import { MAX_ID, ZIdParam } from "@/lib/input-limits";

export { ZSlug } from "@/lib/input-limits";

export const ZGroupPageParams = z.object({
  after: z.coerce.number().int().nonnegative().max(MAX_ID).optional().catch(undefined),
});

export const ZGroupId = ZIdParam;
