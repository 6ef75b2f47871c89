import { z } from "zod";

export const ZSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "a slug is lowercase letters, digits and dashes");

export const ZGroupPageParams = z.object({
  after: z.coerce.number().int().nonnegative().optional().catch(undefined),
});

export const ZGroupId = z.coerce.number().int().positive();
